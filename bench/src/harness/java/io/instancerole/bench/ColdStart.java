package io.instancerole.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    /** One way of starting a JVM that answers the ensure. */
    static final class Variant {
        final String name;
        final String jvmOptions;
        final boolean ours;

        Variant(String name, String jvmOptions, boolean ours) {
            this.name = name;
            this.jvmOptions = jvmOptions;
            this.ours = ours;
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
    private final JsonNode account;
    private int sequence;

    ColdStart(Path root, Path work, Control control) {
        this.root = root;
        this.work = work;
        this.control = control;
        this.account = control.account();
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
        String roleName = "team-a-cold-" + (variant.ours ? "ours" : "base") + "-" + (++sequence);
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
        if (variant.ours) {
            Path event = work.resolve("events").resolve(roleName + ".json");
            Files.createDirectories(event.getParent());
            Files.write(event, createRoleEvent(roleName));
            command.addAll(List.of("-jar", root.resolve("local/target/instance-role-local.jar").toString(), "invoke", "createRole",
                    "--event", event.toString(), "--emulator", control.baseUrl(), "--template", root.resolve("template.yml").toString()));
        } else {
            env.put("CLOUD_ENDPOINT", control.endpoint());
            env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", account.path("rootAccessKeyId").asText());
            env.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", account.path("rootAccessKeySecret").asText());
            command.addAll(List.of("-jar", root.resolve("bench/target/baseline.jar").toString(), roleName));
        }
        Processes.Run run = Processes.run(command, env, root.toFile(), work.resolve("run"), 60);
        check(variant, roleName, run);
        return run;
    }

    private static void check(Variant variant, String roleName, Processes.Run run) throws IOException {
        boolean answered;
        if (variant.ours) {
            JsonNode answer = run.exitStatus == 0 ? Control.JSON.readTree(run.stdout) : null;
            answered = answer != null && answer.path("statusCode").asInt() == 201
                    && Control.JSON.readTree(answer.path("body").asText()).toString().contains(roleName);
        } else {
            answered = run.exitStatus == 0 && run.stdout.contains("\"created\":true") && run.stdout.contains(roleName);
        }
        if (!answered) {
            throw new IllegalStateException(variant.name + " did not create " + roleName + " (exit " + run.exitStatus + ")\nstdout: "
                    + run.stdout + "\nstderr: " + run.stderr);
        }
    }

    /** API Gateway's event for {@code POST /v1/roles}, as team-a's caller. */
    static byte[] createRoleEvent(String roleName) throws IOException {
        ObjectNode event = Control.JSON.createObjectNode();
        event.put("path", "/v1/roles").put("httpMethod", "POST");
        event.putObject("headers").put("X-Caller-Id", "alice").put("X-Caller-Team", "team-a").put("Content-Type", "application/json");
        event.putObject("queryParameters");
        event.putObject("pathParameters");
        event.put("body", Control.JSON.createObjectNode().put("roleName", roleName).toString());
        event.put("isBase64Encoded", false);
        return Control.JSON.writeValueAsBytes(event);
    }
}
