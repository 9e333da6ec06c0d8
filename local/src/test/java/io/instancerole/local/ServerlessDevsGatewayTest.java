package io.instancerole.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --template} with an s.yaml: the functions get Function Compute 3.0 HTTP-trigger
 * events, and each route's trigger decides who may call it and which claims reach the function.
 */
class ServerlessDevsGatewayTest {
    private static LocalStack stack;
    private static Http http;

    @BeforeAll
    static void serve() {
        stack = new StackRunner(StackRunner.STAND_IN_CLOUD, new byte[0])
                .serve("--cloud", "aliyun", "--port", "0", "--template", StackRunner.resource("test-s.yaml").toString());
        http = new Http(stack.gatewayUrl());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aJwtRouteGetsAnHttpTriggerEventWithTheCallersClaimsAsHeaders() {
        HttpResponse<String> response = http.get("/v1/echo/a%2Db?x=1", "Authorization", "Bearer dev-team-a",
                "X-Caller-Team", "platform", "x-caller-id", "platform-admin", "X-Trace", "one", "X-Trace", "two");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode echo = Http.json(response);
        assertEquals("HttpTriggerCodec", echo.path("format").asText(), "s.yaml's platform sends HTTP-trigger events");
        assertEquals("alice", echo.path("headers").path("X-Caller-Id").asText(), "the token's sub, not the client's header");
        assertEquals("team-a", echo.path("headers").path("X-Caller-Team").asText(), "the token's team, not the client's header");
        assertFalse(echo.path("headers").has("Authorization"), "the token stays at the gateway");
        assertEquals("one,two", echo.path("headers").path("X-Trace").asText(), "a repeated header keeps both values");
        assertEquals("/v1/echo/a-b", echo.path("path").asText(), "routed on the decoded path");
        assertEquals("1", echo.path("query").path("x").asText());
        assertEquals("hello", echo.path("environment").path("GREETING").asText(), "vars.environment resolved");
    }

    @Test
    void aJwtRouteWithoutAKnownTokenIsRefused() {
        assertEquals(401, http.get("/v1/echo/x").statusCode());
        assertEquals(401, http.get("/v1/echo/x", "Authorization", "Bearer forged", "X-Caller-Team", "platform").statusCode());
    }

    @Test
    void anAnonymousTriggersRouteTakesAnyoneAndPassesNoIdentity() {
        HttpResponse<String> response = http.post("/v1/hook", "{}", "X-Caller-Team", "team-b", "X-Caller-Id", "mallory",
                "X-Slack-Signature", "v0=kept");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode headers = Http.json(response).path("headers");
        assertTrue(headers.path("X-Caller-Team").isMissingNode() && headers.path("X-Caller-Id").isMissingNode(), headers.toString());
        assertEquals("v0=kept", headers.path("X-Slack-Signature").asText(), "the platform's signature reaches the function");
    }
}
