package io.instancerole.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.functions.http.ApiGatewayCodec;
import io.instancerole.functions.http.ApiRequest;
import io.instancerole.functions.http.ApiResponse;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code invoke} answers as {@code serve} does: same status, same body, apart from request ids;
 * with the built-in runtime and through the custom runtime's protocol alike.
 */
class InvokeParityTest {
    private static final ApiGatewayCodec CODEC = new ApiGatewayCodec(Http.JSON);

    @Test
    void invokeAndServeGiveTheSameAnswer(@TempDir Path dir) throws Exception {
        StackRunner serve = new StackRunner();
        LocalMain.Outcome outcome = serve.run("--port", "0", "--emulator-port", "0", "--metadata-port", "-1",
                "--template", Project.template().toString());
        assertEquals(0, outcome.status(), serve.err());
        try (LocalStack stack = (LocalStack) outcome.running()) {
            Http http = new Http(stack.gatewayUrl());
            String emulatorUrl = stack.emulator().orElseThrow().emulator().orElseThrow().baseUrl();
            assertEquals(201, EndToEndTest.send(http, Walkthrough.CREATE_ROLE).statusCode());

            // invoke works on the same emulator, so both see the same account
            compare(http, dir, "describe", "GET", Walkthrough.DESCRIBE_ROLE.path, null, emulatorUrl);
            compare(http, dir, "createRole", "POST", "/v1/roles", "{\"roleName\": \"team-a-new\", \"dryRun\": true}", emulatorUrl);
            compare(http, dir, "describe", "GET", "/v1/instances/i-nothere1/role", null, emulatorUrl);

            StackRunner custom = compare(http, dir, "createRole", "POST", "/v1/roles", "{\"roleName\": \"team-a-other\", \"dryRun\": true}",
                    emulatorUrl, "--runtime", "custom");
            assertTrue(custom.err().contains("FC Invoke Start RequestId: ") && custom.err().contains("FC Invoke End RequestId: "),
                    "through the protocol, the function's log on stderr: " + custom.err());
        }
    }

    private static StackRunner compare(Http http, Path dir, String function, String method, String path, String body,
                                       String emulatorUrl, String... invokeOptions) throws Exception {
        HttpResponse<String> served = body == null
                ? http.get(path, "Authorization", "Bearer dev-team-a")
                : http.post(path, body, "Authorization", "Bearer dev-team-a");

        Map<String, String> headers = body == null
                ? Map.of("X-Caller-Id", "alice", "X-Caller-Team", "team-a")
                : Map.of("X-Caller-Id", "alice", "X-Caller-Team", "team-a", "Content-Type", "application/json");
        Path event = dir.resolve(function + "-" + Math.abs(path.hashCode()) + ".json");
        Files.write(event, CODEC.writeEvent(new ApiRequest(method, path, headers, Map.of(),
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8))));
        StackRunner invoke = new StackRunner();
        List<String> args = new ArrayList<>(List.of("invoke", function, "--event", event.toString(), "--emulator", emulatorUrl,
                "--template=" + Project.template()));
        args.addAll(List.of(invokeOptions));
        assertEquals(0, invoke.run(args.toArray(new String[0])).status(), invoke.err());
        ApiResponse invoked = CODEC.readResponse(invoke.out().getBytes(StandardCharsets.UTF_8));

        assertEquals(served.statusCode(), invoked.statusCode(), method + " " + path);
        assertEquals(withoutRequestIds(Http.JSON.readTree(served.body())), withoutRequestIds(Http.JSON.readTree(invoked.body())),
                method + " " + path);
        return invoke;
    }

    private static JsonNode withoutRequestIds(JsonNode node) {
        if (node.isObject()) {
            ((ObjectNode) node).remove("requestId");
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            withoutRequestIds(children.next());
        }
        return node;
    }
}
