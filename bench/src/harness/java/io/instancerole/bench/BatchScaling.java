package io.instancerole.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Batch scaling: bind one role to N instances in one bindRole request on a warm instance, and
 * count the cloud calls it made from the emulator's call log. At cloud latency: the same with the
 * emulator answering every call after a set delay, one chunk at a time against template.yml's
 * BATCH_CONCURRENCY, alternating per N.
 */
final class BatchScaling {
    static final String ROLE = "team-a-batch";

    /** Binds per batch size and concurrency at cloud latency, alternating; the table gives their median. */
    static final int LATENCY_ROUNDS = 3;

    /** One batch size at one concurrency, at cloud latency: {@link #LATENCY_ROUNDS} binds. */
    static final class LatencyRow {
        final int instances;
        final int concurrency;
        final List<Double> wallMillis = new ArrayList<>();
        final List<Integer> calls = new ArrayList<>();

        LatencyRow(int instances, int concurrency) {
            this.instances = instances;
            this.concurrency = concurrency;
        }
    }

    /** One batch size. */
    static final class Row {
        final int instances;
        final double wallMillis;
        final Map<String, Integer> callsByAction;
        final int bound;

        Row(int instances, double wallMillis, Map<String, Integer> callsByAction, int bound) {
            this.instances = instances;
            this.wallMillis = wallMillis;
            this.callsByAction = callsByAction;
            this.bound = bound;
        }

        int calls() {
            return callsByAction.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private BatchScaling() {}

    static List<Row> measure(Map<String, String> templateEnvironment, Control control, int[] sizes) throws Exception {
        JsonNode account = control.account();
        FunctionHarness createRole = new FunctionHarness("io.instancerole.functions.CreateRoleFunction", templateEnvironment,
                control.endpoint(), account);
        FunctionHarness.body(createRole.call(FunctionHarness.postEvent("/v1/roles",
                Control.JSON.createObjectNode().put("roleName", ROLE))), 200, 201);
        FunctionHarness bindRole = new FunctionHarness("io.instancerole.functions.BindRoleFunction", templateEnvironment,
                control.endpoint(), account);
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            rows.add(bind(bindRole, control, size));
            System.err.printf("  bound %d instances%n", size);
        }
        return rows;
    }

    /**
     * With every emulator call taking {@code latencyMs}: per N, {@link #LATENCY_ROUNDS} times, a bind of
     * N new instances by a warm bindRole with BATCH_CONCURRENCY 1, then by one with template.yml's,
     * each on its own instances.
     */
    static List<LatencyRow> measureAtLatency(Map<String, String> templateEnvironment, Control control, int[] sizes, int latencyMs)
            throws Exception {
        JsonNode account = control.account();
        FunctionHarness createRole = new FunctionHarness("io.instancerole.functions.CreateRoleFunction", templateEnvironment,
                control.endpoint(), account);
        FunctionHarness.body(createRole.call(FunctionHarness.postEvent("/v1/roles",
                Control.JSON.createObjectNode().put("roleName", ROLE))), 200, 201);
        // one chunk at a time, against what template.yml deploys
        int[] concurrencies = {1, Integer.parseInt(templateEnvironment.get("BATCH_CONCURRENCY"))};
        Map<Integer, FunctionHarness> bindRoles = new TreeMap<>();
        for (int concurrency : concurrencies) {
            Map<String, String> env = new TreeMap<>(templateEnvironment);
            env.put("BATCH_CONCURRENCY", Integer.toString(concurrency));
            FunctionHarness bindRole = new FunctionHarness("io.instancerole.functions.BindRoleFunction", env, control.endpoint(), account);
            bind(bindRole, control, 1); // warm: the first request of an instance pays for loading classes
            bindRoles.put(concurrency, bindRole);
        }
        List<LatencyRow> rows = new ArrayList<>();
        control.setLatency(latencyMs);
        try {
            for (int size : sizes) {
                LatencyRow sequential = new LatencyRow(size, concurrencies[0]);
                LatencyRow concurrent = new LatencyRow(size, concurrencies[1]);
                for (int round = 0; round < LATENCY_ROUNDS; round++) {
                    for (LatencyRow row : List.of(sequential, concurrent)) {
                        Row bound = bind(bindRoles.get(row.concurrency), control, size);
                        row.wallMillis.add(bound.wallMillis);
                        row.calls.add(bound.calls());
                        System.err.printf("  bound %d instances at %d ms per call, concurrency %d: %.0f ms, %d calls%n", size, latencyMs,
                                row.concurrency, bound.wallMillis, bound.calls());
                    }
                }
                rows.add(sequential);
                rows.add(concurrent);
            }
        } finally {
            control.setLatency(0);
        }
        return rows;
    }

    /** One bind of {@code size} new instances, timed from event in to answer out, its calls read from the call log. */
    private static Row bind(FunctionHarness bindRole, Control control, int size) throws Exception {
        ArrayNode ids = Control.JSON.createArrayNode();
        for (int i = 0; i < size; i++) {
            ids.add(control.createInstance("cn-hangzhou", "team-a"));
        }
        ObjectNode body = Control.JSON.createObjectNode().put("regionId", "cn-hangzhou").put("roleName", ROLE);
        body.set("instanceIds", ids);
        byte[] event = FunctionHarness.postEvent("/v1/role-bindings", body);
        control.clearCalls();
        long started = System.nanoTime();
        JsonNode answer = FunctionHarness.body(bindRole.call(event), 200, 207);
        double wall = (System.nanoTime() - started) / 1e6;
        Map<String, Integer> byAction = new TreeMap<>();
        for (JsonNode call : control.calls()) {
            byAction.merge(call.path("action").asText(), 1, Integer::sum);
        }
        return new Row(size, wall, byAction, countBound(answer, size));
    }

    /** How many instances the answer reports bound; every one must be, or the row means nothing. */
    private static int countBound(JsonNode answer, int size) {
        int bound = 0;
        for (JsonNode item : answer.path("results")) {
            String status = item.path("status").asText();
            if (status.equals("bound") || status.equals("unchanged")) {
                bound++;
            }
        }
        if (bound != size) {
            throw new IllegalStateException("bound " + bound + " of " + size + " instances: " + answer);
        }
        return bound;
    }
}
