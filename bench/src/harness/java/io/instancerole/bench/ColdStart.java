package io.instancerole.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start: a fresh JVM until the answer, for the bare-SDK baseline and for ours
 * ({@code instance-role-local.jar invoke createRole}), alternating in one run so both see the same
 * machine. Every run ensures a role that does not exist yet (GetRole, then CreateRole) and its
 * answer is checked, so no failed run is ever timed.
 */
final class ColdStart {
    /** What runs in the fresh JVM. */
    enum Kind {
        /** The bare main of bench/src/main/java, SDK defaults. */
        BASELINE,
        /** Our createRole function alone, constructed, initialized and called once, as Function Compute's runtime does. */
        FUNCTION,
        /** {@code instance-role-local.jar invoke createRole}: the function inside the local stack, which also reads template.yml and sets up the execution role. */
        INVOKE,
        /** The custom runtime's adapter serving createRole on Temurin 25 (the whole JDK), driven as Function Compute drives it. */
        CUSTOM_FULL_JDK,
        /** The same on the image's jlinked JDK. */
        CUSTOM_JLINKED,
        /** The image's {@code bootstrap} as deployed (its flags, its AOT cache); the JVM options are added to its own. */
        CUSTOM_BOOTSTRAP
    }

    /** One way of starting a JVM that answers the ensure. */
    static final class Variant {
        final String name;
        final Kind kind;
        final String jvmOptions;

        Variant(String name, Kind kind, String jvmOptions) {
            this.name = name;
            this.kind = kind;
            this.jvmOptions = jvmOptions;
        }
    }

    /** The samples of one variant. */
    static final class Result {
        final Variant variant;
        final List<Double> wallMillis = new ArrayList<>();
        final List<Double> peakRssMb = new ArrayList<>();

        Result(Variant variant) {
            this.variant = variant;
        }
    }

    private final Path root;
    private final Path work;
    private final Control control;
    private final Map<String, String> functionEnvironment;
    private final JsonNode account;
    private int sequence;

    static final Path JDK25 = Path.of(System.getenv().getOrDefault("JDK25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    private static final String CREATE_ROLE = "io.instancerole.functions.CreateRoleFunction::handleRequest";
    private static final List<String> IMAGE_CLASS_PATH = List.of("-cp", "lib/instance-role-functions.jar:lib/instance-role-runtime.jar",
            "io.instancerole.runtime.RuntimeMain");

    /** {@code functionEnvironment}: createRole's variables from template.yml. */
    ColdStart(Path root, Path work, Control control, Map<String, String> functionEnvironment) {
        this.root = root;
        this.work = work;
        this.control = control;
        this.account = control.account();
        this.functionEnvironment = FunctionHarness.withCloud(functionEnvironment, control.endpoint(), account);
    }

    /** {@code rounds} rounds; in each, every variant runs once, in turn. */
    Map<String, Result> measure(List<Variant> variants, int rounds) throws IOException, InterruptedException {
        Map<String, Result> results = new LinkedHashMap<>();
        variants.forEach(v -> results.put(v.name, new Result(v)));
        for (int round = 1; round <= rounds; round++) {
            for (Variant variant : variants) {
                Processes.Run run = once(variant, null);
                results.get(variant.name).wallMillis.add(run.wallMillis);
                results.get(variant.name).peakRssMb.add(run.peakRssKb / 1024.0);
            }
            System.err.printf("  cold start round %d/%d done%n", round, rounds);
        }
        return results;
    }

    /** One run; {@code extraJvmOptions} e.g. to write a class-data archive on exit. */
    Processes.Run once(Variant variant, String extraJvmOptions) throws IOException, InterruptedException {
        String roleName = "team-a-cold-" + variant.kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + (++sequence);
        Map<String, String> env = new LinkedHashMap<>();
        String options = extraJvmOptions == null ? variant.jvmOptions : (variant.jvmOptions + " " + extraJvmOptions).trim();
        if (!options.isEmpty()) {
            // how Function Compute hands a function its JVM flags (template.yml EnvironmentVariables)
            env.put("JAVA_TOOL_OPTIONS", options);
        }
        env.put("NO_PROXY", "127.0.0.1,localhost");
        env.put("no_proxy", "127.0.0.1,localhost");
        List<String> command = new ArrayList<>();
        command.add(Processes.java());
        Path event = work.resolve("events").resolve(roleName + ".json");
        if (variant.kind != Kind.BASELINE) {
            Files.createDirectories(event.getParent());
            Files.write(event, FunctionHarness.postEvent("/v1/roles", Control.JSON.createObjectNode().put("roleName", roleName)));
        }
        switch (variant.kind) {
            case BASELINE:
                env.put("CLOUD_ENDPOINT", control.endpoint());
                env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", account.path("rootAccessKeyId").asText());
                env.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", account.path("rootAccessKeySecret").asText());
                command.addAll(List.of("-jar", root.resolve("bench/target/baseline.jar").toString(), roleName));
                break;
            case FUNCTION:
                env.putAll(functionEnvironment);
                command.addAll(List.of("-cp", root.resolve("bench/target/bench-harness.jar") + File.pathSeparator
                        + root.resolve("functions/target/instance-role-functions.jar"), ColdFunction.class.getName(),
                        "io.instancerole.functions.CreateRoleFunction", event.toString()));
                break;
            default:
                command.addAll(List.of("-jar", root.resolve("local/target/instance-role-local.jar").toString(), "invoke", "createRole",
                        "--event", event.toString(), "--emulator", control.baseUrl(), "--template", root.resolve("template.yml").toString()));
        }
        Processes.Run run = variant.kind.name().startsWith("CUSTOM")
                ? customRuntime(variant, options, env, Files.readAllBytes(event))
                : Processes.run(command, env, root.toFile(), work.resolve("run"), 60);
        check(variant, roleName, run);
        return run;
    }

    /** The custom runtime as Function Compute starts it: the function's environment, a port, the handler; the credentials in headers. */
    private Processes.Run customRuntime(Variant variant, String options, Map<String, String> baseEnvironment, byte[] event)
            throws IOException, InterruptedException {
        Path image = root.resolve("runtime/target/image");
        int port = Processes.freeLoopbackPort();
        Map<String, String> env = new LinkedHashMap<>(functionEnvironment);
        env.remove("JAVA_TOOL_OPTIONS");
        env.putAll(baseEnvironment);
        env.remove("JAVA_TOOL_OPTIONS");
        env.put("FC_SERVER_PORT", Integer.toString(port));
        env.put("RUNTIME_BIND_ADDRESS", "127.0.0.1");
        env.put("FC_FUNCTION_HANDLER", CREATE_ROLE);
        env.put("FC_FUNCTION_NAME", "createRole");
        env.put("FC_FUNCTION_MEMORY_SIZE", "512");
        List<String> command = new ArrayList<>();
        if (variant.kind == Kind.CUSTOM_BOOTSTRAP) {
            command.add(image.resolve("bootstrap").toString());
            env.put("RUNTIME_JAVA_OPTIONS", options);
        } else {
            command.add((variant.kind == Kind.CUSTOM_FULL_JDK ? JDK25.resolve("bin/java") : image.resolve("jdk/bin/java")).toString());
            command.addAll(options.isEmpty() ? List.of() : List.of(options.split(" ")));
            command.addAll(IMAGE_CLASS_PATH);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-fc-request-id", "bench-" + sequence);
        headers.put("x-fc-access-key-id", account.path("rootAccessKeyId").asText());
        headers.put("x-fc-access-key-secret", account.path("rootAccessKeySecret").asText());
        headers.put("x-fc-function-name", "createRole");
        headers.put("x-fc-function-handler", CREATE_ROLE);
        headers.put("x-fc-function-memory", "512");
        headers.put("Content-Type", "application/octet-stream");
        return CustomRuntimeRun.run(command, env, image, work.resolve("run"), port, headers, event, 60);
    }

    private static void check(Variant variant, String roleName, Processes.Run run) throws IOException {
        boolean answered;
        if (variant.kind == Kind.BASELINE) {
            answered = run.exitStatus == 0 && run.stdout.contains("\"created\":true") && run.stdout.contains(roleName);
        } else {
            JsonNode answer = run.exitStatus == 0 ? Control.JSON.readTree(run.stdout) : null;
            answered = answer != null && answer.path("statusCode").asInt() == 201 && answer.path("body").asText().contains(roleName);
        }
        if (!answered) {
            throw new IllegalStateException(variant.name + " did not create " + roleName + " (exit " + run.exitStatus + ")\nstdout: "
                    + run.stdout + "\nstderr: " + run.stderr);
        }
    }
}
