package io.instancerole.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One cold start of a custom-runtime function as Function Compute drives it: fork the runtime
 * process, wait until its port accepts, {@code POST /initialize}, {@code POST /invoke} with the
 * event; the clock stops when the answer is read. Peak memory is the process's {@code VmHWM} at
 * that moment (the bootstrap {@code exec}s the JVM, so the pid is the JVM's); then it is stopped.
 */
final class CustomRuntimeRun {
    private CustomRuntimeRun() {}

    static Processes.Run run(List<String> command, Map<String, String> environment, Path directory, Path scratch, int port,
                             Map<String, String> headers, byte[] event, long timeoutSeconds) throws IOException, InterruptedException {
        Files.createDirectories(scratch);
        Path log = scratch.resolve("runtime.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(log.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(environment);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            awaitPort(port, process, deadline);
            Answer initialized = post(port, "/initialize", headers, new byte[0]);
            Answer invoked = initialized.status == 200 ? post(port, "/invoke", headers, event) : initialized;
            double wall = (System.nanoTime() - started) / 1e6;
            long peak = vmHwmKb(process.pid());
            return new Processes.Run(wall, peak, invoked.status == 200 ? 0 : invoked.status, invoked.body,
                    Files.readString(log));
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static void awaitPort(int port, Process process, long deadline) throws IOException, InterruptedException {
        while (true) {
            try {
                new Socket(InetAddress.getLoopbackAddress(), port).close();
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the runtime did not listen on " + port + (process.isAlive() ? "" : ": it exited"));
                }
                Thread.sleep(2);
            }
        }
    }

    private static final class Answer {
        final int status;
        final String body;

        Answer(int status, String body) {
            this.status = status;
            this.body = body;
        }
    }

    private static Answer post(int port, String path, Map<String, String> headers, byte[] body) throws IOException {
        HttpURLConnection http = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection(Proxy.NO_PROXY);
        http.setRequestMethod("POST");
        http.setReadTimeout(60_000);
        headers.forEach(http::setRequestProperty);
        http.setRequestProperty("x-fc-control-path", path);
        http.setDoOutput(true);
        try (OutputStream out = http.getOutputStream()) {
            out.write(body);
        }
        int status = http.getResponseCode();
        try (InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream()) {
            return new Answer(status, in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static long vmHwmKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // gone already
        }
        return 0;
    }
}
