package io.instancerole.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark run: package, cold start, warm cost, batch scaling, against one emulator process
 * on loopback. Prints a Markdown report and writes it between the markers of BENCHMARKS.md.
 * Arguments: {@code --root DIR} (the built project), {@code --runs N} cold starts per variant,
 * {@code --requests N} warm requests, {@code --only batch} for the two batch tables alone (printed
 * and written to bench/target/results.md; BENCHMARKS.md is left as it is).
 */
public final class BenchMain {
    static final String BEGIN = "<!-- bench/run.sh: begin (generated, do not edit by hand) -->";
    static final String END = "<!-- bench/run.sh: end -->";
    private static final int[] BATCH_SIZES = {1, 10, 100, 1000};
    /** A call to the real RAM/ECS endpoints takes a few hundred milliseconds. */
    private static final int CLOUD_LATENCY_MS = 250;

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path root = Path.of(options.getOrDefault("--root", ".")).toAbsolutePath().normalize();
        int runs = Integer.parseInt(options.getOrDefault("--runs", "10"));
        int requests = Integer.parseInt(options.getOrDefault("--requests", "1000"));
        boolean batchOnly = "batch".equals(options.get("--only"));
        Path work = root.resolve("bench/target/work");
        Files.createDirectories(work);

        JsonNode functions = new YAMLMapper().readTree(root.resolve("template.yml").toFile()).path("Resources").path("instance-role-api");
        Map<String, String> createRoleEnv = environment(functions.path("createRole"));
        Map<String, String> bindRoleEnv = environment(functions.path("bindRole"));
        String templateJvmOptions = createRoleEnv.getOrDefault("JAVA_TOOL_OPTIONS", "");

        Report report = new Report();
        report.machine(runs, requests);
        if (!batchOnly) {
            report.packageSection(PackageReport.of(root.resolve("functions/target/instance-role-functions.jar")));
            report.imageSection(root.resolve("runtime/target/image"), root.resolve("runtime/target/instance-role-runtime.zip"));
        }

        int port = Processes.freeLoopbackPort();
        Process emulator = new ProcessBuilder(Processes.java(), "-jar",
                root.resolve("emulator/target/alibaba-cloud-emulator.jar").toString(), "--port", Integer.toString(port))
                .redirectOutput(work.resolve("emulator.out").toFile()).redirectErrorStream(true).start();
        try {
            Control control = new Control("http://127.0.0.1:" + port);
            if (!control.awaitUp(20_000)) {
                throw new IllegalStateException("the emulator did not start; see " + work.resolve("emulator.out"));
            }
            if (options.containsKey("--focus")) {
                // the decisive comparison alone, more rounds: the bare baseline against the custom runtime's two JIT settings
                System.err.println("cold start, focused: " + runs + " rounds");
                report.coldSection(new ColdStart(root, work, control, createRoleEnv).measure(List.of(
                        new ColdStart.Variant("baseline: bare main, SDK defaults", ColdStart.Kind.BASELINE, ""),
                        new ColdStart.Variant("custom runtime: bootstrap as shipped (C1 only)", ColdStart.Kind.CUSTOM_BOOTSTRAP, ""),
                        new ColdStart.Variant("custom runtime: bootstrap, both JIT compilers", ColdStart.Kind.CUSTOM_BOOTSTRAP,
                                "-XX:TieredStopAtLevel=4")), runs));
                System.out.println(report);
                Files.writeString(root.resolve("bench/target/focus.md"), report.toString(), StandardCharsets.UTF_8);
                return;
            }
            if (!batchOnly) {
                System.err.println("cold start: " + runs + " rounds");
                report.coldSection(coldStart(root, work, control, createRoleEnv, templateJvmOptions, runs));

                System.err.println("warm cost: " + requests + " requests");
                report.warmSection(WarmCost.measure(createRoleEnv, control, requests, Math.max(200, requests / 5)));
            }

            System.err.println("batch scaling");
            report.batchSection(BatchScaling.measure(bindRoleEnv, control, BATCH_SIZES));
            System.err.println("batch at " + CLOUD_LATENCY_MS + " ms per cloud call");
            report.batchLatencySection(BatchScaling.measureAtLatency(bindRoleEnv, control, BATCH_SIZES, CLOUD_LATENCY_MS), CLOUD_LATENCY_MS);
        } finally {
            emulator.destroy();
            if (!emulator.waitFor(10, TimeUnit.SECONDS)) {
                emulator.destroyForcibly();
            }
        }
        String markdown = report.toString();
        System.out.println(markdown);
        Files.writeString(root.resolve("bench/target/results.md"), markdown, StandardCharsets.UTF_8);
        if (!batchOnly) {
            splice(root.resolve("BENCHMARKS.md"), markdown);
        }
    }

    /**
     * The ladder: the bare baseline (and, for fairness, the same with our flags), then our function
     * alone and inside {@code invoke}, each with default JVM settings, template.yml's flags, and
     * those plus an AppCDS archive written by one training run of the same command.
     */
    private static Map<String, ColdStart.Result> coldStart(Path root, Path work, Control control, Map<String, String> env,
                                                           String flags, int runs) throws IOException, InterruptedException {
        ColdStart cold = new ColdStart(root, work, control, env);
        List<ColdStart.Variant> variants = new ArrayList<>();
        variants.add(new ColdStart.Variant("baseline: bare main, SDK defaults", ColdStart.Kind.BASELINE, ""));
        variants.add(new ColdStart.Variant("baseline with template.yml flags", ColdStart.Kind.BASELINE, flags));
        for (ColdStart.Kind kind : List.of(ColdStart.Kind.FUNCTION, ColdStart.Kind.INVOKE)) {
            String name = kind == ColdStart.Kind.FUNCTION ? "ours, function alone" : "ours, `invoke createRole`";
            Path archive = work.resolve(kind.name().toLowerCase(java.util.Locale.ROOT) + ".jsa");
            Files.deleteIfExists(archive);
            ColdStart.Variant tuned = new ColdStart.Variant(name + ", template.yml flags", kind, flags);
            cold.once(tuned, "-XX:ArchiveClassesAtExit=" + archive); // training run
            variants.add(new ColdStart.Variant(name + ", default JVM", kind, ""));
            variants.add(tuned);
            variants.add(new ColdStart.Variant(name + ", template.yml flags + AppCDS", kind,
                    (flags + " -XX:SharedArchiveFile=" + archive).trim()));
        }
        // the custom runtime (runtime/build.sh's image): what each step buys, then what ships (the bootstrap)
        variants.add(new ColdStart.Variant("custom runtime: adapter on Temurin 25 (whole JDK), JVM defaults", ColdStart.Kind.CUSTOM_FULL_JDK, ""));
        variants.add(new ColdStart.Variant("custom runtime: + jlinked JDK", ColdStart.Kind.CUSTOM_JLINKED, ""));
        variants.add(new ColdStart.Variant("custom runtime: + bootstrap's heap, GC and C1 flags, AOT cache off", ColdStart.Kind.CUSTOM_BOOTSTRAP,
                "-XX:AOTMode=off"));
        variants.add(new ColdStart.Variant("**custom runtime: bootstrap as shipped (+ AOT cache)**", ColdStart.Kind.CUSTOM_BOOTSTRAP, ""));
        variants.add(new ColdStart.Variant("custom runtime: bootstrap, both JIT compilers (C2 with the cache's profiles)",
                ColdStart.Kind.CUSTOM_BOOTSTRAP, "-XX:TieredStopAtLevel=4"));
        variants.add(new ColdStart.Variant("custom runtime: bootstrap, G1 instead of Serial", ColdStart.Kind.CUSTOM_BOOTSTRAP,
                "-XX:-UseSerialGC -XX:+UseG1GC"));
        return cold.measure(variants, runs);
    }

    /** Replaces what lies between the markers of BENCHMARKS.md; the hand-written rest stays. */
    static void splice(Path file, String generated) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n\n" + BEGIN + "\n" + END + "\n";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(file + " has lost its markers; put back the lines\n" + BEGIN + "\n" + END);
        }
        Files.writeString(file, text.substring(0, begin + BEGIN.length()) + "\n" + generated + text.substring(end), StandardCharsets.UTF_8);
    }

    private static Map<String, String> environment(JsonNode function) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : function.path("Properties").path("EnvironmentVariables").properties()) {
            env.put(entry.getKey(), entry.getValue().asText());
        }
        if (env.isEmpty()) {
            throw new IllegalStateException("template.yml gives the function no EnvironmentVariables: " + function);
        }
        return env;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    static String today() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    }

    static List<String> cpuModel() {
        List<String> models = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name") && models.isEmpty()) {
                    models.add(line.replaceFirst("model name\\s*:\\s*", ""));
                }
            }
        } catch (IOException e) {
            models.add("unknown CPU");
        }
        return models;
    }
}
