package io.instancerole.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM (what Ctrl-C and {@code kill} send) stops the whole stack through its shutdown hook and frees its ports. */
class ShutdownTest {
    private static final Pattern PORT = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)");

    @Test
    void sigtermStopsEverythingAndFreesThePorts(@TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LocalMain.class.getName(),
                "serve", "--no-demo", "--port", "0", "--emulator-port", "0", "--metadata-port", "0",
                "--template", StackRunner.resource("test-template.yml").toString())
                .redirectError(stderr.toFile())
                .start();
        List<Integer> ports = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains("Ctrl-C stops")) {
                Matcher port = PORT.matcher(line);
                if (line.startsWith("  API gateway") || line.startsWith("  emulator") || line.startsWith("  metadata")) {
                    assertTrue(port.find(), line);
                    ports.add(Integer.parseInt(port.group(1)));
                }
            }
            assertNotNull(line, "the stack stopped before its banner: " + Files.readString(stderr));
            assertEquals(3, ports.size(), "gateway, emulator and metadata ports in the banner");
            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the stack stops");
        } finally {
            process.destroyForcibly();
        }
        assertTrue(Files.readString(stderr).contains("stopped"), "the shutdown hook ran: " + Files.readString(stderr));
        for (int port : ports) {
            assertTrue(Ports.isFree(InetAddress.getLoopbackAddress(), port), "port " + port + " is free again");
        }
    }
}
