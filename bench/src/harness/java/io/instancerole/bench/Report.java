package io.instancerole.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The run's figures as Markdown: machine, package, cold start, warm cost, batch scaling. */
final class Report {
    private final StringBuilder md = new StringBuilder();

    void machine(int runs, int requests) {
        md.append("### Run of ").append(BenchMain.today()).append("\n\n");
        md.append("| machine | |\n|---|---|\n");
        row("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        row("CPU", String.join(", ", BenchMain.cpuModel()));
        row("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        row("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        row("peak memory from", Processes.hasGnuTime() ? "GNU time `%M` (max RSS)" : "`VmHWM` of /proc/<pid>/status, polled every 2 ms");
        row("samples", runs + " cold starts per variant (alternating), " + requests + " warm requests");
        md.append('\n');
    }

    void packageSection(PackageReport report) {
        md.append("#### Package: `functions/target/instance-role-functions.jar`, ").append(mb(report.fileBytes)).append(" MB\n\n");
        md.append("| top-level package | files | classes | compressed MB | uncompressed MB |\n|---|---:|---:|---:|---:|\n");
        for (PackageReport.Group group : report.groups) {
            md.append(String.format(Locale.ROOT, "| `%s` | %d | %d | %s | %s |%n", group.name, group.entries, group.classes,
                    mb(group.compressedBytes), mb(group.uncompressedBytes)));
        }
        md.append('\n');
    }

    /** The custom runtime's code package: the zip Function Compute receives, and what it unpacks to. */
    void imageSection(Path image, Path zip) throws IOException {
        md.append("#### Custom runtime package: `runtime/target/instance-role-runtime.zip`, ")
                .append(String.format(Locale.ROOT, "%.1f MB", Files.size(zip) / 1e6)).append("\n\n");
        md.append("| part of the image | MB unpacked |\n|---|---:|\n");
        for (String part : List.of("jdk", "lib", "app.aot")) {
            md.append(String.format(Locale.ROOT, "| `%s` | %.1f |%n", part, sizeOf(image.resolve(part)) / 1e6));
        }
        md.append(String.format(Locale.ROOT, "| **all** | **%.1f** |%n%n", sizeOf(image) / 1e6));
    }

    private static long sizeOf(Path path) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    void coldSection(Map<String, ColdStart.Result> results) {
        md.append("#### Cold start: fresh JVM to answer (ensure a new role: GetRole, then CreateRole)\n\n");
        md.append("| variant | JVM options | median wall ms | min–max ms | vs baseline | median peak RSS MB | vs baseline |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        ColdStart.Result baseline = results.values().iterator().next();
        double baseWall = new Stats(baseline.wallMillis).median();
        double baseRss = new Stats(baseline.peakRssMb).median();
        for (ColdStart.Result result : results.values()) {
            Stats wall = new Stats(result.wallMillis);
            Stats rss = new Stats(result.peakRssMb);
            md.append(String.format(Locale.ROOT, "| %s | `%s` | %.0f | %.0f–%.0f | %.2f | %.0f | %.2f |%n", result.variant.name,
                    result.variant.jvmOptions.isEmpty() ? "(none)" : result.variant.jvmOptions.replaceAll("=\\S*/", "="),
                    wall.median(), wall.min(), wall.max(), wall.median() / baseWall, rss.median(), rss.median() / baseRss));
        }
        md.append('\n');
    }

    void warmSection(WarmCost.Result result) {
        md.append("#### Warm cost: createRole on an existing role, one request at a time, ").append(result.ours.size())
                .append(" requests, ").append(result.cloudCallsPerRequest).append(" cloud call(s) each\n\n");
        md.append("| ms per request | p50 | p99 |\n|---|---:|---:|\n");
        warmRow("handler (event in → answer out)", result.handler);
        warmRow("cloud calls on the wire (loopback relay)", result.wire);
        warmRow("**our layers = handler − wire** (SDK client-side work included)", result.ours);
        warmRow("for scale: bare SDK GetRole, client side (call − wire)", result.bareSdkClientSide);
        md.append('\n');
    }

    void batchSection(List<BatchScaling.Row> rows) {
        md.append("#### Batch scaling: bindRole with N instances in one request (warm instance)\n\n");
        md.append("| N | cloud calls | calls / ⌈N/100⌉ | by action | wall ms |\n|---:|---:|---:|---|---:|\n");
        for (BatchScaling.Row row : rows) {
            StringBuilder actions = new StringBuilder();
            row.callsByAction.forEach((action, count) -> actions.append(actions.length() == 0 ? "" : ", ").append(action).append(' ').append(count));
            int chunks = (row.instances + 99) / 100;
            md.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %s | %.0f |%n", row.instances, row.calls(),
                    row.calls() / (double) chunks, actions, row.wallMillis));
        }
        md.append('\n');
    }

    void batchLatencySection(List<BatchScaling.LatencyRow> rows, int latencyMs) {
        md.append("#### Batch at cloud latency: bindRole with N instances, every cloud call answered after ").append(latencyMs)
                .append(" ms (warm instance; median of ").append(BatchScaling.LATENCY_ROUNDS).append(" alternating binds, min–max)\n\n");
        int deployed = rows.isEmpty() ? 0 : rows.get(1).concurrency;
        md.append("| N | cloud calls | one chunk at a time (BATCH_CONCURRENCY 1), wall ms | template.yml's BATCH_CONCURRENCY ")
                .append(deployed).append(", wall ms | speed-up |\n|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i + 1 < rows.size(); i += 2) {
            BatchScaling.LatencyRow sequential = rows.get(i);
            BatchScaling.LatencyRow concurrent = rows.get(i + 1);
            Set<Integer> calls = new TreeSet<>(sequential.calls);
            calls.addAll(concurrent.calls);
            Stats one = new Stats(sequential.wallMillis);
            Stats many = new Stats(concurrent.wallMillis);
            md.append(String.format(Locale.ROOT, "| %d | %s | %.0f (%.0f–%.0f) | %.0f (%.0f–%.0f) | %.1f× |%n", sequential.instances,
                    calls.stream().map(String::valueOf).collect(Collectors.joining(" / ")), one.median(), one.min(), one.max(),
                    many.median(), many.min(), many.max(), one.median() / many.median()));
        }
        md.append('\n');
    }

    private void warmRow(String name, List<Double> samples) {
        Stats stats = new Stats(samples);
        md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", name, stats.median(), stats.percentile(99)));
    }

    private void row(String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.2f", bytes / (1024.0 * 1024.0));
    }

    @Override
    public String toString() {
        return md.toString();
    }
}
