package io.instancerole.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway and the local Function Compute runtime, with the test template's functions (which
 * make no cloud calls), started through the command line with {@code --cloud aliyun} and
 * stand-in credentials so no emulator is involved.
 */
class LocalGatewayTest {
    static final Map<String, String> CLOUD_ENVIRONMENT = Map.of(
            "ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIlocaltest", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "not-a-real-secret");
    private static StackRunner runner;
    private static LocalStack stack;
    private static Http http;

    @BeforeAll
    static void serve() {
        runner = new StackRunner(CLOUD_ENVIRONMENT, new byte[0]);
        LocalMain.Outcome outcome = runner.run("serve", "--cloud", "aliyun", "--port", "0",
                "--template", StackRunner.resource("test-template.yml").toString());
        assertEquals(0, outcome.status(), runner.err());
        stack = (LocalStack) outcome.running();
        http = new Http(stack.gatewayUrl());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anAnonymousRouteTakesNoTokenAndPassesNoIdentity() {
        HttpResponse<String> response = http.post("/v1/signed-echo", "{}", "X-Caller-Id", "mallory", "X-Caller-Team", "platform",
                "X-Slack-Signature", "v0=kept");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode headers = Http.json(response).path("headers");
        assertFalse(headers.has("X-Caller-Id") || headers.has("X-Caller-Team"), headers.toString());
        assertEquals("v0=kept", headers.path("X-Slack-Signature").asText(), "the platform's signature reaches the function");
        assertEquals(401, http.post("/v1/echo/x", "{}").statusCode(), "the other routes still want a token");
    }

    @Test
    void healthzAnswersWithoutAToken() {
        HttpResponse<String> response = http.get("/healthz");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
    }

    @Test
    void theTokenDecidesTheIdentityAndHeadersSentByTheClientAreDropped() {
        HttpResponse<String> response = http.get("/v1/echo/some%20name?x=1&y=a%2Bb",
                "Authorization", "Bearer dev-team-a", "X-Caller-Id", "mallory", "x-caller-team", "platform",
                "X-Custom", "kept");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode echo = Http.json(response);
        JsonNode headers = echo.path("headers");
        assertEquals("alice", headers.path("X-Caller-Id").asText());
        assertEquals("team-a", headers.path("X-Caller-Team").asText());
        assertEquals("kept", headers.path("X-Custom").asText());
        assertFalse(headers.toString().contains("mallory"), headers.toString());
        assertFalse(headers.toString().contains("platform"), headers.toString());
        assertFalse(headers.has("Authorization"), "the token is the gateway's business, not the function's");
        assertEquals("GET", echo.path("method").asText());
        assertEquals("/v1/echo/some%20name", echo.path("path").asText());
        assertEquals("1", echo.path("query").path("x").asText());
        assertEquals("a+b", echo.path("query").path("y").asText());
        assertEquals("yes", response.headers().firstValue("X-Echo").orElse(""));
        assertEquals(echo.path("requestId").asText(), response.headers().firstValue("X-Request-Id").orElse(""),
                "the response carries the request id the function was given");
    }

    @Test
    void theFunctionGetsItsConfigurationContextAndCredentials() {
        JsonNode echo = Http.json(http.post("/v1/echo/x", "{\"a\": \"é\"}", "Authorization", "Bearer dev-platform"));
        assertEquals("{\"a\": \"é\"}", echo.path("body").asText());
        assertEquals("hello", echo.path("environment").path("GREETING").asText());
        assertFalse(echo.path("environment").has("CLOUD_ENDPOINT"), "the real cloud: the SDK's own endpoints");
        assertEquals("LTAIlocaltest", echo.path("accessKeyId").asText());
        assertEquals("echo", echo.path("functionName").asText());
        assertEquals(10000, echo.path("timeLimitMs").asInt());
        assertEquals(256, echo.path("memoryMb").asInt());
        assertEquals("test-svc", echo.path("service").asText());
    }

    @Test
    void theInitializerRunsOnceBeforeTheFirstRequest() {
        JsonNode first = Http.json(http.get("/v1/echo/a", "Authorization", "Bearer dev-team-b"));
        JsonNode second = Http.json(http.get("/v1/echo/b", "Authorization", "Bearer dev-team-b"));
        assertTrue(first.path("initializedAs").asInt() > 0, "initialized before the request");
        assertEquals(first.path("initializedAs").asInt(), second.path("initializedAs").asInt());
    }

    @Test
    void auditLinesTheFunctionLogsGoToStdout() {
        HttpResponse<String> response = http.get("/v1/echo/a", "Authorization", "Bearer dev-team-a");
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(runner.out().contains("{\"type\":\"audit\",\"requestId\":\"" + requestId + "\"}\n"), runner.out());
    }

    @Test
    void noOrAnUnknownTokenIsUnauthenticated() {
        for (String[] headers : new String[][] {{}, {"Authorization", "Bearer nope"}, {"Authorization", "Basic ZGV2LXRlYW0tYQ=="},
                {"X-Caller-Id", "alice", "X-Caller-Team", "team-a"}}) {
            HttpResponse<String> response = http.get("/v1/echo/a", headers);
            assertEquals(401, response.statusCode(), response.body());
            JsonNode error = Http.json(response);
            assertEquals("Unauthenticated", error.path("code").asText());
            assertFalse(error.path("message").asText().isEmpty());
            assertEquals(response.headers().firstValue("X-Request-Id").orElse(""), error.path("requestId").asText());
        }
    }

    @Test
    void routesNotInTheTemplateAre404AndOtherMethods405() {
        HttpResponse<String> missing = http.get("/v1/nothing", "Authorization", "Bearer dev-team-a");
        assertEquals(404, missing.statusCode());
        assertEquals("NotFound", Http.json(missing).path("code").asText());
        HttpResponse<String> wrongMethod = http.send("DELETE", "/v1/slow", "Authorization", "Bearer dev-team-a");
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("MethodNotAllowed", Http.json(wrongMethod).path("code").asText());
        assertEquals("GET", wrongMethod.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void aBodyOverTheGatewaysLimitIs413WithoutReachingTheFunction() {
        HttpResponse<String> huge = http.post("/v1/echo/x", "x".repeat((1 << 20) + 1), "Authorization", "Bearer dev-team-a");
        assertEquals(413, huge.statusCode(), huge.body());
        assertEquals("PayloadTooLarge", Http.json(huge).path("code").asText());
        assertEquals("application/json; charset=utf-8", huge.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void aFunctionThatOutlivesItsTimeoutIs504AndItsInstanceIsReplaced() {
        int before = Http.json(http.get("/v1/slow", "Authorization", "Bearer dev-team-a")).path("instance").asInt();
        HttpResponse<String> slow = http.get("/v1/slow?sleepMs=30000", "Authorization", "Bearer dev-team-a");
        assertEquals(504, slow.statusCode(), slow.body());
        JsonNode error = Http.json(slow);
        assertEquals("FunctionTimeout", error.path("code").asText());
        assertTrue(error.path("message").asText().contains("slow"), error.toString());
        int after = Http.json(http.get("/v1/slow", "Authorization", "Bearer dev-team-a")).path("instance").asInt();
        assertNotEquals(before, after, "a timed-out instance is not reused");
    }

    @Test
    void aFunctionThatThrowsIsAnInternalErrorWithTheRequestIdToQuote() {
        HttpResponse<String> response = http.get("/v1/broken", "Authorization", "Bearer dev-team-a");
        assertEquals(500, response.statusCode());
        JsonNode error = Http.json(response);
        assertEquals("InternalError", error.path("code").asText());
        assertTrue(error.path("message").asText().contains(error.path("requestId").asText()));
        assertFalse(response.body().contains("IllegalStateException"), "no stack trace to the caller");
    }

    @Test
    void aCallersFileReplacesTheBuiltInTokens(@TempDir Path dir) throws Exception {
        Path callers = dir.resolve("callers.json");
        Files.writeString(callers, "[{\"token\": \"carol-token\", \"callerId\": \"carol\", \"callerTeam\": \"team-c\"}]");
        StackRunner other = new StackRunner(CLOUD_ENVIRONMENT, new byte[0]);
        LocalMain.Outcome outcome = other.run("--cloud", "aliyun", "--port", "0", "--callers", callers.toString(),
                "--template", StackRunner.resource("test-template.yml").toString());
        assertEquals(0, outcome.status(), other.err());
        try (LocalStack custom = (LocalStack) outcome.running()) {
            Http client = new Http(custom.gatewayUrl());
            assertEquals(401, client.get("/v1/echo/a", "Authorization", "Bearer dev-team-a").statusCode());
            JsonNode echo = Http.json(client.get("/v1/echo/a", "Authorization", "Bearer carol-token"));
            assertEquals("carol", echo.path("headers").path("X-Caller-Id").asText());
            assertEquals("team-c", echo.path("headers").path("X-Caller-Team").asText());
            assertTrue(other.out().contains("carol-token"), "the banner lists the tokens");
        }
    }
}
