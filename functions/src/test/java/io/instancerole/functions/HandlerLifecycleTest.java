package io.instancerole.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.fc.runtime.Credentials;
import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.it.ServiceRole;
import io.instancerole.emulator.client.SessionCredentials;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The initializer, the lazy path, concurrency, the credentials handed over per invocation, and what reaches the wire. */
class HandlerLifecycleTest {
    @RegisterExtension
    static final CloudWorld WORLD = new CloudWorld();

    @Test
    void theInitializerPrimesWithoutTouchingTheCloud() throws Exception {
        CreateRoleFunction handler = new CreateRoleFunction(WORLD.environmentOf(CreateRoleFunction.class));
        RecordingLogger log = new RecordingLogger();
        handler.initialize(TestContext.of(null, log));
        FunctionsComponent primed = handler.component();
        assertEquals(0, WORLD.control().calls().size(), "priming makes no cloud call");
        assertTrue(log.infoLines().get(0).contains("\"type\":\"init\""), log.infoLines().toString());
        assertTrue(log.auditLines().isEmpty(), "priming is not a request: no audit line");

        WORLD.call(handler, GatewayEvent.post("/v1/roles", "{\"roleName\":\"team-a-web\"}").caller("alice", "team-a"),
                WORLD.serviceCredentialsOf(ServiceRole.ROLE_NAME)).assertOk(201);
        assertSame(primed, handler.component(), "requests use the component the initializer built");
    }

    @Test
    void concurrentFirstRequestsWithoutTheInitializerAreEachAnsweredAndAudited() throws Exception {
        DescribeFunction handler = new DescribeFunction(WORLD.environmentOf(DescribeFunction.class));
        Credentials credentials = WORLD.serviceCredentialsOf(ServiceRole.ROLE_NAME);
        int requests = 16;
        for (int i = 0; i < requests; i++) {
            WORLD.createEcsRole("team-a-r" + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String role = "team-a-r" + i;
                Callable<Answer> call = () -> {
                    start.await();
                    return WORLD.call(handler, GatewayEvent.get("/v1/roles/" + role).caller("alice", "team-a"), credentials);
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            Set<String> requestIds = new HashSet<>();
            for (int i = 0; i < requests; i++) {
                Answer answer = answers.get(i).get(60, TimeUnit.SECONDS).assertOk(200);
                assertEquals("team-a-r" + i, answer.body().path("role").path("roleName").asText(), "each caller gets its own answer");
                requestIds.add(answer.requestId());
            }
            assertEquals(requests, requestIds.size());
        } finally {
            pool.shutdownNow();
        }
        assertNotNull(handler.component());
        List<JsonNode> audits = WORLD.logger().auditLines();
        assertEquals(requests, audits.size(), "one audit line per request");
        Set<String> audited = new HashSet<>();
        audits.forEach(a -> audited.add(a.path("requestId").asText()));
        assertEquals(requests, audited.size());
    }

    @Test
    void eachInvocationSignsWithTheCredentialsItWasHanded() {
        SessionCredentials first = WORLD.control().serviceCredentials(ServiceRole.ROLE_NAME);
        SessionCredentials rotated = WORLD.control().serviceCredentials(ServiceRole.ROLE_NAME);
        WORLD.control().clearCalls();
        WORLD.createEcsRole("team-a-web");
        WORLD.control().clearCalls();
        GatewayEvent describe = GatewayEvent.get("/v1/roles/team-a-web").caller("alice", "team-a");
        FunctionHandler handler = WORLD.handler(DescribeFunction.class);
        WORLD.call(handler, describe, TestContext.credentials(first.accessKeyId(), first.accessKeySecret(), first.securityToken())).assertOk(200);
        WORLD.call(handler, GatewayEvent.get("/v1/roles/team-a-web").caller("alice", "team-a"),
                TestContext.credentials(rotated.accessKeyId(), rotated.accessKeySecret(), rotated.securityToken())).assertOk(200);
        List<String> keys = new ArrayList<>();
        WORLD.control().calls().forEach(call -> keys.add(call.path("params").path("AccessKeyId").asText()));
        assertEquals(first.accessKeyId(), keys.get(0));
        assertEquals(rotated.accessKeyId(), keys.get(keys.size() - 1), "the rotated credentials were used: " + keys);
        String logs = String.join("\n", WORLD.logger().allLines());
        for (SessionCredentials session : List.of(first, rotated)) {
            assertFalse(logs.contains(session.accessKeySecret()) || logs.contains(session.securityToken()), "no secret in a log line");
        }
    }

    @Test
    void withoutAnyCredentialsTheOperatorIsToldNotTheCaller() {
        // a handler never given credentials: the shared ones may hold an earlier test's session
        DescribeFunction handler = new DescribeFunction(WORLD.environmentOf(DescribeFunction.class));
        Answer answer = WORLD.call(handler, GatewayEvent.get("/v1/roles/team-a-web").caller("alice", "team-a"), null)
                .assertError(502, "CloudDenied");
        String message = answer.body().path("message").asText();
        assertTrue(message.startsWith("this function has no cloud credentials"), message);
        for (String source : List.of("execution credentials", "ALIBABA_CLOUD_ACCESS_KEY_ID", "OPERATOR_ROLE_ARN")) {
            assertTrue(message.contains(source), "names " + source + ": " + message);
        }
        assertFalse(message.contains("ram:Credentials"), message);
        assertTrue(WORLD.control().calls().isEmpty(), "no cloud call was made");
    }

    @Test
    void base64BodiesAndLowerCaseHeadersAreAccepted() {
        Answer created = WORLD.call(CreateRoleFunction.class, GatewayEvent.post("/v1/roles", "{\"roleName\":\"team-a-web\",\"description\":\"é\"}")
                .base64().header("x-caller-id", "alice").header("x-caller-team", "team-a")).assertOk(201);
        assertEquals("é", created.body().path("role").path("description").asText());
    }

    @Test
    void everyFunctionHasTheRuntimesNoArgConstructor() {
        for (Class<? extends FunctionHandler> type : Functions.CLASSES) {
            try {
                FunctionHandler handler = type.getConstructor().newInstance();
                assertFalse(handler.router().routes().isEmpty());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(type + " has no public no-arg constructor", e);
            }
        }
    }
}
