package io.instancerole.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.instancerole.runtime.testfunctions.RecordingFunction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The custom-runtime protocol as Function Compute speaks it, over real HTTP, against a recording handler. */
class CustomRuntimeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HANDLER = RecordingFunction.class.getName() + "::handleRequest";
    private static final String SECRET = "secret-of-the-execution-role";
    private static final String TOKEN = "token-of-the-execution-role";

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    private CustomRuntime runtime;

    @BeforeEach
    void reset() {
        RecordingFunction.INITIALIZATIONS.set(0);
        RecordingFunction.FAILING_INITIALIZATIONS.set(0);
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private void start(Map<String, String> environment) throws Exception {
        runtime = CustomRuntime.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), environment,
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String path, String controlPath, String requestId, String body,
                                      String... extraHeaders) throws Exception {
        List<String> headers = new ArrayList<>(List.of("x-fc-request-id", requestId,
                "x-fc-access-key-id", "STS.key-of-the-execution-role", "x-fc-access-key-secret", SECRET,
                "x-fc-security-token", TOKEN, "x-fc-function-name", "recorder", "x-fc-function-memory", "512"));
        if (controlPath != null) {
            headers.addAll(List.of("x-fc-control-path", controlPath));
        }
        headers.addAll(List.of(extraHeaders));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + path))
                .headers(headers.toArray(new String[0]))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode seen(HttpResponse<String> invoked) throws Exception {
        return JSON.readTree(JSON.readTree(invoked.body()).path("body").asText());
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anEventReachesTheHandlerWithTheRequestsCredentialsAndItsAnswerComesBackAsIs() throws Exception {
        start(Map.of("FC_FUNCTION_HANDLER", HANDLER, "GREETING", "hello"));
        HttpResponse<String> invoked = send("POST", "/invoke", "/invoke", "req-1", "{\"the\":\"event\"}",
                "Content-Type", "application/octet-stream");

        assertEquals(200, invoked.statusCode(), invoked.body());
        assertEquals("200", invoked.headers().firstValue("x-fc-status").orElse(null));
        JsonNode answer = JSON.readTree(invoked.body());
        assertEquals(201, answer.path("statusCode").asInt(), "the handler's answer, untouched");
        JsonNode seen = seen(invoked);
        assertEquals("{\"the\":\"event\"}", seen.path("event").asText());
        assertEquals("req-1", seen.path("requestId").asText());
        assertEquals("STS.key-of-the-execution-role", seen.path("accessKeyId").asText());
        assertEquals(SECRET, seen.path("accessKeySecret").asText());
        assertEquals(TOKEN, seen.path("securityToken").asText());
        assertEquals("recorder", seen.path("functionName").asText());
        assertEquals(512, seen.path("memoryMb").asInt());
        assertEquals("hello", seen.path("greeting").asText(), "the handler is made with the function's environment");

        List<String> lines = log().lines().collect(java.util.stream.Collectors.toList());
        int start = lines.indexOf("FC Invoke Start RequestId: req-1");
        int end = lines.indexOf("FC Invoke End RequestId: req-1");
        assertTrue(start >= 0 && end > start, log());
        assertTrue(lines.subList(start, end).contains("handled req-1"), "the function's log between the two lines: " + log());
        assertFalse(log().contains(SECRET) || log().contains(TOKEN), "no secret in the log");
    }

    @Test
    void theInitializerRunsOnceHoweverOftenInitializeIsSent() throws Exception {
        start(Map.of("FC_FUNCTION_HANDLER", HANDLER));
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> initialized = send("POST", "/initialize", "/initialize", "init-" + i, null);
            assertEquals(200, initialized.statusCode(), initialized.body());
            assertEquals("200", initialized.headers().firstValue("x-fc-status").orElse(null));
        }
        assertEquals(1, seen(send("POST", "/invoke", "/invoke", "req-2", "{}")).path("initializations").asInt());
        assertEquals(1, RecordingFunction.INITIALIZATIONS.get());
        assertTrue(log().contains("FC Initialize Start RequestId: init-1") && log().contains("FC Initialize End RequestId: init-1"), log());
        assertTrue(log().contains("initialized with key STS.key-of-the-execution-role"), "the initializer gets the credentials: " + log());
    }

    @Test
    void aFailedInitializerIsReportedAndRunsAgainNextTime() throws Exception {
        start(Map.of("FC_FUNCTION_HANDLER", HANDLER, "FAIL_INITIALIZE", "yes"));
        HttpResponse<String> failed = send("POST", "/initialize", "/initialize", "init-1", null);
        assertEquals(404, failed.statusCode());
        assertEquals("404", failed.headers().firstValue("x-fc-status").orElse(null));
        assertEquals("the first initialization fails", JSON.readTree(failed.body()).path("errorMessage").asText());

        assertEquals(200, send("POST", "/initialize", "/initialize", "init-2", null).statusCode());
        assertEquals(1, RecordingFunction.INITIALIZATIONS.get());
    }

    @Test
    void aHandlerThatThrowsIsReportedAsFailedWithItsStackTraceInTheLogOnly() throws Exception {
        start(Map.of("FC_FUNCTION_HANDLER", HANDLER));
        HttpResponse<String> failed = send("POST", "/invoke", "/invoke", "req-3", "please fail");

        assertEquals(404, failed.statusCode());
        assertEquals("404", failed.headers().firstValue("x-fc-status").orElse(null));
        JsonNode error = JSON.readTree(failed.body());
        assertEquals("the handler failed on purpose", error.path("errorMessage").asText());
        assertEquals("java.io.IOException", error.path("errorType").asText());
        assertFalse(failed.body().contains("RecordingFunction.handleRequest"), "no stack trace to the caller");
        assertTrue(log().contains("at " + RecordingFunction.class.getName() + ".handleRequest"), "the stack trace is logged: " + log());
        assertTrue(log().contains("FC Invoke End RequestId: req-3"), log());

        assertEquals(200, send("POST", "/invoke", "/invoke", "req-4", "{}").statusCode(), "the instance serves on");
    }

    @Test
    void anHttpTriggerRequestReachesTheHandlerAsAnApiGatewayEventWithoutFunctionComputesHeaders() throws Exception {
        start(Map.of("FC_FUNCTION_HANDLER", HANDLER));
        HttpResponse<String> answered = send("POST", "/v1/roles?dryRun=yes&name=a%20b", "/http-invoke", "req-5",
                "{\"roleName\":\"team-a-web\"}", "X-Caller-Id", "alice", "Content-Type", "application/json");

        assertEquals(201, answered.statusCode(), "the function's statusCode is the HTTP status: " + answered.body());
        assertEquals("200", answered.headers().firstValue("x-fc-status").orElse(null));
        assertEquals("yes", answered.headers().firstValue("X-Recorded").orElse(null));
        JsonNode seen = JSON.readTree(answered.body());
        JsonNode event = JSON.readTree(seen.path("event").asText());
        assertEquals("POST", event.path("httpMethod").asText());
        assertEquals("/v1/roles", event.path("path").asText());
        assertEquals("a b", event.path("queryParameters").path("name").asText());
        assertEquals("alice", event.path("headers").path("X-caller-id").asText(event.path("headers").path("X-Caller-Id").asText()));
        String eventText = event.toString();
        assertFalse(eventText.toLowerCase(java.util.Locale.ROOT).contains("x-fc-"), "Function Compute's headers stay out: " + eventText);
        assertFalse(eventText.contains(SECRET) || eventText.contains(TOKEN), "no credentials in the event");
        assertEquals("{\"roleName\":\"team-a-web\"}", new String(java.util.Base64.getDecoder().decode(event.path("body").asText()),
                StandardCharsets.UTF_8));
        assertEquals("STS.key-of-the-execution-role", seen.path("accessKeyId").asText(), "the credentials go to the context");
    }

    @Test
    void theHandlerHeaderChoosesTheFunctionAndAWrongOneIsReported() throws Exception {
        start(Map.of());
        HttpResponse<String> missing = send("POST", "/invoke", "/invoke", "req-6", "{}");
        assertEquals(404, missing.statusCode());
        assertTrue(JSON.readTree(missing.body()).path("errorMessage").asText().contains("FC_FUNCTION_HANDLER"), missing.body());

        HttpResponse<String> wrong = send("POST", "/invoke", "/invoke", "req-7", "{}", "x-fc-function-handler", "no.such.Handler::handleRequest");
        assertEquals(404, wrong.statusCode());
        assertTrue(JSON.readTree(wrong.body()).path("errorMessage").asText().contains("no class no.such.Handler"), wrong.body());

        HttpResponse<String> chosen = send("POST", "/invoke", "/invoke", "req-8", "{}", "x-fc-function-handler", HANDLER);
        assertEquals(200, chosen.statusCode(), chosen.body());
    }
}
