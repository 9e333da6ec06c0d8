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
 * The local gateway serves the reference page at {@code /} and nothing else from the jar, offers
 * the callers to its token picker on loopback, and lets the origins of {@code --allowed-origins}
 * (only those) call the API from another origin.
 */
class PageServingTest {
    private static final String PORTAL = "http://portal.example:5500";
    private static StackRunner runner;
    private static LocalStack stack;
    private static Http http;

    @BeforeAll
    static void serve() {
        // the test template's functions, and no emulator: these requests stop at the gateway or the echo function
        runner = new StackRunner(StackRunner.STAND_IN_CLOUD, new byte[0]);
        stack = runner.serve("--cloud", "aliyun", "--port", "0", "--allowed-origins", PORTAL, "--template", StackRunner.resource("test-template.yml").toString());
        http = new Http(stack.gatewayUrl());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void thePageIsServedAtTheRootWithoutAToken() {
        HttpResponse<String> index = http.get("/");
        assertEquals(200, index.statusCode());
        assertEquals("text/html; charset=utf-8", index.headers().firstValue("Content-Type").orElse(""));
        assertTrue(index.body().contains("<script type=\"module\" src=\"app.js\">"), index.body());
        HttpResponse<String> config = http.get("/config.js");
        assertEquals("text/javascript; charset=utf-8", config.headers().firstValue("Content-Type").orElse(""));
        assertTrue(config.body().contains("export const API_BASE_URL = '';"), "same origin by default: " + config.body());
        assertTrue(runner.out().contains("web page     " + stack.gatewayUrl() + "/"), runner.out());
    }

    @Test
    void onlyThePagesOwnFilesAreServed() {
        for (String path : new String[] {"/../pom.xml", "/%2e%2e/pom.xml", "/.hidden.js", "/io/instancerole/local/LocalMain.class",
                "/index.html/", "/web/index.html", "/nothing.html"}) {
            HttpResponse<String> response = http.get(path);
            assertEquals(404, response.statusCode(), path + ": " + response.body());
            assertEquals("NotFound", Http.json(response).path("code").asText(), path);
        }
    }

    @Test
    void theTokenPickerFindsTheCallersOfTheBanner() {
        JsonNode callers = Http.json(http.get(LocalGateway.CALLERS_PATH));
        assertEquals(3, callers.size(), callers.toString());
        assertEquals("dev-team-a", callers.get(1).path("token").asText());
        assertEquals("team-a", callers.get(1).path("callerTeam").asText());
    }

    @Test
    void anAllowedOriginsPreflightIsAnsweredByTheGatewayAndItsCallsCanBeRead() {
        HttpResponse<String> preflight = http.send("OPTIONS", "/v1/echo/x", "Origin", PORTAL,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");
        assertEquals(204, preflight.statusCode());
        assertEquals(PORTAL, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals("GET, POST", preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(""));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Authorization"));

        HttpResponse<String> call = http.get("/v1/echo/x", "Origin", PORTAL, "Authorization", "Bearer dev-team-a");
        assertEquals(200, call.statusCode(), call.body());
        assertEquals(PORTAL, call.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        HttpResponse<String> refused = http.get("/v1/echo/x", "Origin", PORTAL);
        assertEquals(401, refused.statusCode());
        assertEquals(PORTAL, refused.headers().firstValue("Access-Control-Allow-Origin").orElse(""),
                "the page can read the error's code and message too");
    }

    @Test
    void anyOtherOriginGetsNoPermissionToReadTheAnswers() {
        HttpResponse<String> preflight = http.send("OPTIONS", "/v1/echo/x", "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertEquals(204, preflight.statusCode());
        assertFalse(preflight.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        HttpResponse<String> call = http.get("/v1/echo/x", "Origin", "https://evil.example", "Authorization", "Bearer dev-team-a");
        assertFalse(call.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    @Test
    void anOriginWithAPathIsAUsageError() {
        StackRunner bad = new StackRunner();
        LocalMain.Outcome outcome = bad.run("serve", "--port", "0", "--allowed-origins", "https://portal.example/app");
        assertEquals(2, outcome.status(), bad.err());
        assertTrue(bad.err().contains("--allowed-origins takes origins such as"), bad.err());
    }
}
