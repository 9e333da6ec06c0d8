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
 * count the cloud calls it made from the emulator's call log.
 */
final class BatchScaling {
    static final String ROLE = "team-a-batch";

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
            rows.add(new Row(size, wall, byAction, countBound(answer, size)));
            System.err.printf("  bound %d instances%n", size);
        }
        return rows;
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
