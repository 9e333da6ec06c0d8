package io.instancerole.bench;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.ram.model.v20150501.GetRoleRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Warm cost: what our layers add to a request on a warm instance. createRole on a role that
 * already exists (the idempotent "ensure" a pipeline repeats), one request at a time through a
 * {@link WireTimer}; per request, handler time minus the wire time of its cloud calls. For scale,
 * the same cloud call made with the bare SDK (its defaults) through the same timer.
 */
final class WarmCost {
    static final String ROLE = "team-a-warm";

    /** Per-request samples in milliseconds. */
    static final class Result {
        final List<Double> handler = new ArrayList<>();
        final List<Double> wire = new ArrayList<>();
        final List<Double> ours = new ArrayList<>();
        final List<Double> bareSdkClientSide = new ArrayList<>();
        int cloudCallsPerRequest;
    }

    private WarmCost() {}

    static Result measure(Map<String, String> templateEnvironment, Control control, int requests, int warmup)
            throws Exception {
        Result result = new Result();
        JsonNode account = control.account();
        try (WireTimer timer = new WireTimer(Integer.parseInt(control.endpoint().replaceFirst(".*:", "")))) {
            FunctionHarness createRole = new FunctionHarness("io.instancerole.functions.CreateRoleFunction", templateEnvironment,
                    timer.endpoint(), account);
            byte[] event = FunctionHarness.postEvent("/v1/roles", Control.JSON.createObjectNode().put("roleName", ROLE));
            FunctionHarness.body(createRole.call(event), 200, 201);
            for (int i = 0; i < warmup; i++) {
                FunctionHarness.body(createRole.call(event), 200);
            }
            timer.takeWireNanos();
            timer.takeExchanges();
            for (int i = 0; i < requests; i++) {
                long started = System.nanoTime();
                JsonNode answer = createRole.call(event);
                long took = System.nanoTime() - started;
                long wire = timer.takeWireNanos();
                FunctionHarness.body(answer, 200);
                result.handler.add(took / 1e6);
                result.wire.add(wire / 1e6);
                result.ours.add((took - wire) / 1e6);
            }
            result.cloudCallsPerRequest = Math.round(timer.takeExchanges() / (float) requests);
            bareSdk(timer, account, requests, warmup, result);
        }
        return result;
    }

    private static void bareSdk(WireTimer timer, JsonNode account, int requests, int warmup, Result result) throws ClientException {
        DefaultAcsClient client = new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou",
                account.path("rootAccessKeyId").asText(), account.path("rootAccessKeySecret").asText()));
        try {
            for (int i = 0; i < warmup + requests; i++) {
                GetRoleRequest get = new GetRoleRequest();
                get.setRoleName(ROLE);
                get.setSysEndpoint(timer.endpoint());
                get.setSysProtocol(ProtocolType.HTTP);
                timer.takeWireNanos();
                long started = System.nanoTime();
                client.getAcsResponse(get);
                long took = System.nanoTime() - started;
                long wire = timer.takeWireNanos();
                if (i >= warmup) {
                    result.bareSdkClientSide.add((took - wire) / 1e6);
                }
            }
        } finally {
            client.shutdown();
        }
    }
}
