package io.instancerole.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.emulator.Emulator;
import io.instancerole.emulator.client.EmulatorControl;
import io.instancerole.functions.http.ApiGatewayCodec;
import io.instancerole.functions.http.ApiRequest;
import io.instancerole.functions.http.ApiResponse;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} and {@code invoke} against the emulator, with the test template's functions:
 * the execution role made from the template, its STS session handed to the functions, the
 * emulator's endpoint in their environment, and the demo account.
 */
class EmulatorStackTest {
    private static final String TEMPLATE = StackRunner.resource("test-template.yml").toString();
    private static StackRunner runner;
    private static LocalStack stack;
    private static Emulator emulator;
    private static Http http;

    @BeforeAll
    static void serve() {
        runner = new StackRunner();
        LocalMain.Outcome outcome = runner.run("--port", "0", "--emulator-port", "0", "--metadata-port", "0", "--template", TEMPLATE);
        assertEquals(0, outcome.status(), runner.err());
        stack = (LocalStack) outcome.running();
        emulator = stack.emulator().orElseThrow().emulator().orElseThrow();
        http = new Http(stack.gatewayUrl());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static EmulatorState state() {
        return new EmulatorState(emulator.control().state());
    }

    @Test
    void theServiceRoleIsTrustedByFunctionComputeAndHasExactlyTheTemplatesPolicies() throws Exception {
        EmulatorState state = state();
        JsonNode role = state.role("fc-test-svc").orElseThrow(() -> new AssertionError(state.toString()));
        JsonNode trust = Http.JSON.readTree(role.path("assumeRolePolicyDocument").asText());
        assertEquals("fc.aliyuncs.com", trust.path("Statement").get(0).path("Principal").path("Service").get(0).asText());
        assertEquals(List.of("Custom:fc-test-svc-policy", "System:AliyunECSReadOnlyAccess"), state.attachedTo("Role", "fc-test-svc"));
        JsonNode expected = ServicePolicies.of(Template.read(Path.of(TEMPLATE)), "test-svc").documents().get(0);
        assertEquals(expected, Http.JSON.readTree(state.defaultDocument("fc-test-svc-policy")));
    }

    @Test
    void functionsGetTheEmulatorsEndpointAndASessionOfTheServiceRole() {
        JsonNode echo = Http.json(http.get("/v1/echo/a", "Authorization", "Bearer dev-team-a"));
        assertEquals(emulator.endpoint(), echo.path("environment").path("CLOUD_ENDPOINT").asText());
        assertEquals("hello", echo.path("environment").path("GREETING").asText());
        assertTrue(echo.path("accessKeyId").asText().startsWith("STS."), echo.toString());
    }

    @Test
    void theDemoAccountHasTwoTeamsInstancesAndADeployer() {
        EmulatorState state = state();
        for (String[] expected : new String[][] {{"i-demoa1", "vpc", "team-a"}, {"i-demoa2", "vpc", "team-a"},
                {"i-demob1", "vpc", "team-b"}, {"i-democlassic1", "classic", "team-a"}}) {
            JsonNode instance = state.instance(expected[0]).orElseThrow(() -> new AssertionError(state.toString()));
            assertEquals("cn-hangzhou", instance.path("regionId").asText());
            assertEquals(expected[1], instance.path("networkType").asText());
            assertEquals(expected[2], instance.path("tags").path("team").asText());
            assertNull(state.boundRole(expected[0]));
            assertTrue(expected[0].matches("^i-[a-z0-9]{4,30}$"), "a valid instance id for the API: " + expected[0]);
        }
        assertEquals(4, state.count("instances"));
        assertEquals(List.of("deployer"), state.userNames());
    }

    @Test
    void theBannerSaysWhereEverythingIsAndWhatToTry() {
        String banner = runner.out();
        assertTrue(banner.contains(stack.gatewayUrl()), banner);
        assertTrue(banner.contains(emulator.baseUrl()), banner);
        assertTrue(banner.contains(emulator.metadataUrl()), banner);
        for (String expected : List.of("dev-platform", "dev-team-a", "dev-team-b", "i-demoa1", "i-demoa2", "i-demob1",
                "i-democlassic1", "deployer", "curl -s -X POST " + stack.gatewayUrl() + "/v1/roles")) {
            assertTrue(banner.contains(expected), expected + " in " + banner);
        }
        assertFalse(banner.contains(emulator.rootAccessKeySecret()), "no secret on stdout");
    }

    @Test
    void invokeMakesOneColdInvocationAndPrintsTheAnswer(@TempDir Path dir) throws Exception {
        ApiGatewayCodec codec = new ApiGatewayCodec(Http.JSON);
        Path event = dir.resolve("event.json");
        Files.write(event, codec.writeEvent(new ApiRequest("GET", "/v1/echo/x", Map.of("X-Caller-Id", "alice",
                "X-Caller-Team", "team-a"), Map.of("q", "1"), new byte[0])));
        StackRunner invoke = new StackRunner();
        assertEquals(0, invoke.run("invoke", "echo", "--event", event.toString(), "--template", TEMPLATE).status(), invoke.err());
        ApiResponse answer = codec.readResponse(invoke.out().getBytes(StandardCharsets.UTF_8));
        assertEquals(200, answer.statusCode());
        JsonNode echo = Http.JSON.readTree(answer.body());
        assertEquals("alice", echo.path("headers").path("X-Caller-Id").asText());
        assertEquals("1", echo.path("query").path("q").asText());
        assertTrue(echo.path("accessKeyId").asText().startsWith("STS."));
        assertTrue(echo.path("initializedAs").asInt() > 0, "the initializer ran first");
        assertEquals(echo.path("accessKeyId").asText(), echo.path("initializerAccessKeyId").asText(),
                "the initializer, started alongside the role's set-up, still gets the role's session when it asks");
        assertFalse(echo.path("environment").path("CLOUD_ENDPOINT").asText().equals(emulator.endpoint()),
                "an emulator of its own");
        assertTrue(invoke.err().contains("\"type\":\"audit\""), "the function's log goes to stderr, not into the answer");
    }

    @Test
    void invokeReadsTheEventFromStdinAndUsesARunningEmulator() throws Exception {
        ApiGatewayCodec codec = new ApiGatewayCodec(Http.JSON);
        byte[] event = codec.writeEvent(new ApiRequest("GET", "/v1/echo/y", Map.of(), Map.of(), new byte[0]));
        StackRunner invoke = new StackRunner(Map.of(), event);
        LocalMain.Outcome outcome = invoke.run("invoke", "echo", "--event", "-", "--emulator", emulator.baseUrl(), "--template", TEMPLATE);
        assertEquals(0, outcome.status(), invoke.err());
        JsonNode echo = Http.JSON.readTree(codec.readResponse(invoke.out().getBytes(StandardCharsets.UTF_8)).body());
        assertEquals(emulator.endpoint(), echo.path("environment").path("CLOUD_ENDPOINT").asText());
        assertEquals("/v1/echo/y", echo.path("path").asText());
        EmulatorState state = state();
        assertEquals(List.of("Custom:fc-test-svc-policy", "System:AliyunECSReadOnlyAccess"), state.attachedTo("Role", "fc-test-svc"),
                "the role was already there: left as it was");
        assertEquals("v1", state.policy("fc-test-svc-policy").orElseThrow().path("defaultVersion").asText());
    }

    @Test
    void invokeReportsAFunctionThatFails() {
        StackRunner invoke = new StackRunner(Map.of(), "{\"path\":\"/v1/broken\",\"httpMethod\":\"GET\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, invoke.run("invoke", "broken", "--emulator", emulator.baseUrl(), "--template", TEMPLATE).status());
        assertTrue(invoke.err().contains("function broken failed"), invoke.err());
        assertEquals("", invoke.out());
    }

    @Test
    void noDemoStartsAnEmptyAccount() {
        StackRunner other = new StackRunner();
        LocalMain.Outcome outcome = other.run("--no-demo", "--port", "0", "--emulator-port", "0", "--metadata-port", "-1",
                "--template", TEMPLATE);
        assertEquals(0, outcome.status(), other.err());
        try (LocalStack empty = (LocalStack) outcome.running()) {
            EmulatorControl control = empty.emulator().orElseThrow().control();
            EmulatorState state = new EmulatorState(control.state());
            assertEquals(0, state.count("instances"));
            assertTrue(state.userNames().isEmpty());
            assertTrue(state.role("fc-test-svc").isPresent(), "the execution role is not demo data");
            assertFalse(other.out().contains("i-demoa1"), other.out());
        }
    }

    @Test
    void anEmulatorPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StackRunner other = new StackRunner();
            LocalMain.Outcome outcome = other.run("--port", "0", "--emulator-port", String.valueOf(taken.getLocalPort()),
                    "--metadata-port", "0", "--template", TEMPLATE);
            assertEquals(1, outcome.status());
            assertEquals("error: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use (--emulator-port); stop what"
                    + " holds it or choose another port with --emulator-port N", other.err().strip());
        }
    }

    @Test
    void theEmulatorCommandNamesItsOwnOptionForAPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StackRunner other = new StackRunner();
            assertEquals(1, other.run("emulator", "--port", String.valueOf(taken.getLocalPort())).status());
            assertTrue(other.err().contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use (--port)"), other.err());
        }
    }

    @Test
    void theEmulatorCommandRunsTheEmulatorAlone() {
        StackRunner alone = new StackRunner();
        LocalMain.Outcome outcome = alone.run("emulator", "--port", "0", "--metadata-port", "-1");
        assertEquals(0, outcome.status(), alone.err());
        try (Running running = outcome.running()) {
            String out = alone.out();
            String baseUrl = out.lines().filter(l -> l.contains("control")).findFirst().orElseThrow()
                    .replaceAll(".*(http://[^/ ]+)/_emulator/.*", "$1");
            EmulatorState state = new EmulatorState(new EmulatorControl(baseUrl).state());
            assertEquals(0, state.count("roles"), "nothing but the empty account");
            assertFalse(out.contains("/latest/meta-data"), "no metadata listener with -1: " + out);
        }
    }

    @Test
    void executionCredentialsAreRenewedBeforeTheyExpire() {
        MutableClock clock = new MutableClock();
        ServiceRoleSession session = new ServiceRoleSession(emulator.control(), "fc-test-svc", clock);
        String first = session.current().getAccessKeyId();
        assertEquals(first, session.current().getAccessKeyId(), "reused while fresh");
        clock.advance(Duration.ofHours(3).plusMinutes(1)); // past half of the default six hours
        String renewed = session.current().getAccessKeyId();
        assertTrue(renewed.startsWith("STS."));
        assertFalse(renewed.equals(first), "a new session after half its lifetime");
    }

    /** A clock the test moves forward. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
