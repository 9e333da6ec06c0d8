package io.instancerole.bench;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one fresh JVM and measures it: wall time from fork to exit (taken here, with nanoTime) and
 * peak resident memory. Peak memory comes from GNU time's {@code %M} when {@code /usr/bin/time}
 * exists, else from polling {@code VmHWM} in {@code /proc/<pid>/status} (the kernel's high-water
 * mark, so the last reading before exit is the peak up to the polling interval).
 */
final class Processes {
    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    private Processes() {}

    static boolean hasGnuTime() {
        return Files.isExecutable(GNU_TIME);
    }

    /** One finished run. */
    static final class Run {
        final double wallMillis;
        final long peakRssKb;
        final int exitStatus;
        final String stdout;
        final String stderr;

        Run(double wallMillis, long peakRssKb, int exitStatus, String stdout, String stderr) {
            this.wallMillis = wallMillis;
            this.peakRssKb = peakRssKb;
            this.exitStatus = exitStatus;
            this.stdout = stdout;
            this.stderr = stderr;
        }
    }

    static Run run(List<String> command, Map<String, String> environment, File workDir, Path scratch, long timeoutSeconds)
            throws IOException, InterruptedException {
        Files.createDirectories(scratch);
        Path out = scratch.resolve("stdout.txt");
        Path err = scratch.resolve("stderr.txt");
        Path rss = scratch.resolve("rss.txt");
        Files.deleteIfExists(rss);
        List<String> full = new ArrayList<>();
        boolean gnuTime = hasGnuTime();
        if (gnuTime) {
            full.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", rss.toString()));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(workDir)
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS") || k.equals("_JAVA_OPTIONS"));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        long polledPeak = 0;
        if (gnuTime) {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
        } else {
            long deadline = started + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            Path status = Path.of("/proc/" + process.pid() + "/status");
            while (!process.waitFor(2, TimeUnit.MILLISECONDS)) {
                polledPeak = Math.max(polledPeak, vmHwmKb(status));
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
                }
            }
        }
        double wall = (System.nanoTime() - started) / 1e6;
        long peak = gnuTime ? gnuTimePeak(rss) : polledPeak;
        return new Run(wall, peak, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static long gnuTimePeak(Path rss) throws IOException {
        List<String> lines = Files.readAllLines(rss);
        // GNU time writes "Command exited with non-zero status N" before the figures when the command failed
        return Long.parseLong(lines.get(lines.size() - 1).trim());
    }

    private static long vmHwmKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is exiting; keep the last reading
        }
        return 0;
    }

    /** A port nobody listens on at this moment, on the loopback address. */
    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The {@code java} of the JVM running the harness, so every measured JVM is the same one. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
