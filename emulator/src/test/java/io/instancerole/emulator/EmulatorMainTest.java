package io.instancerole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EmulatorMainTest {

    @Test
    void parsesArguments() {
        EmulatorOptions defaults = EmulatorMain.parse(new String[0]);
        EmulatorOptions given = EmulatorMain.parse(new String[] {"--port", "9001", "--metadata-port", "9002",
                "--bind", "0.0.0.0", "--state", "emulator-state.json"});

        assertEquals(8081, defaults.apiPort());
        assertEquals(EmulatorOptions.NO_METADATA_LISTENER, defaults.metadataPort());
        assertEquals("127.0.0.1", defaults.bindAddress());
        assertEquals(9001, given.apiPort());
        assertEquals(9002, given.metadataPort());
        assertEquals("0.0.0.0", given.bindAddress());
        assertEquals(java.util.Optional.empty(), defaults.stateFile());
        assertEquals(java.util.Optional.of(java.nio.file.Path.of("emulator-state.json")), given.stateFile());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EmulatorMain.parse(new String[] {"--port", "x"}))
                .getMessage().contains("--port"));
        assertThrows(IllegalArgumentException.class, () -> EmulatorMain.parse(new String[] {"--colour", "red"}));
        assertThrows(IllegalArgumentException.class, () -> EmulatorMain.parse(new String[] {"--port"}));
    }

    @Test
    void reportsItsEndpoints() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
            assertEquals("127.0.0.1:" + emulator.apiPort(), emulator.endpoint());
            assertEquals("http://127.0.0.1:" + emulator.apiPort(), emulator.baseUrl());
            assertTrue(emulator.metadataPort() > 0 && emulator.metadataPort() != emulator.apiPort());
            assertEquals("http://127.0.0.1:" + emulator.metadataPort(), emulator.metadataUrl());
        }
        try (Emulator noMetadata = Emulator.start(EmulatorOptions.defaults()
                .withMetadataPort(EmulatorOptions.NO_METADATA_LISTENER))) {
            assertEquals(-1, noMetadata.metadataPort());
        }
    }

    @Test
    void metadataPortInUseFailsTheStartAndFreesTheApiPort() throws Exception {
        int apiPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            apiPort = probe.getLocalPort();
        }
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmulatorOptions options = EmulatorOptions.defaults().withApiPort(apiPort).withMetadataPort(taken.getLocalPort());

            assertThrows(BindException.class, () -> Emulator.start(options));
        }
        try (ServerSocket reused = new ServerSocket(apiPort, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(apiPort, reused.getLocalPort());
        }
    }

    @Test
    void runsAloneAndStopsOnSigterm() throws Exception {
        Path errors = Files.createTempFile("emulator-main", ".err");
        Process process = java(errors, "--port", "0", "--metadata-port", "0");
        try {
            String banner = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            Matcher api = Pattern.compile("API (http://127\\.0\\.0\\.1:\\d+)").matcher(banner);
            assertTrue(api.find(), banner);
            assertTrue(banner.contains("metadata http://127.0.0.1:"), banner);

            HttpResponse<String> account = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build().send(
                    HttpRequest.newBuilder(URI.create(api.group(1) + "/_emulator/account")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, account.statusCode());

            process.destroy();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "the emulator did not stop on SIGTERM");
            assertEquals("", Files.readString(errors));
        } finally {
            process.destroyForcibly();
            Files.delete(errors);
        }
    }

    @Test
    void portInUseIsOneLineAndExitStatusTwo() throws Exception {
        Path errorFile = Files.createTempFile("emulator-main", ".err");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process process = java(errorFile, "--port", String.valueOf(taken.getLocalPort()));
            try {
                assertTrue(process.waitFor(20, TimeUnit.SECONDS));
                List<String> errors = Files.readAllLines(errorFile);

                assertEquals(2, process.exitValue());
                assertEquals(1, errors.size(), errors.toString());
                assertTrue(errors.get(0).contains("port " + taken.getLocalPort()) && errors.get(0).contains("in use"),
                        errors.get(0));
            } finally {
                process.destroyForcibly();
            }
        } finally {
            Files.delete(errorFile);
        }
    }

    private static Process java(Path errors, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                EmulatorMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(errors.toFile()).start();
    }
}
