package io.instancerole.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.fc.runtime.Credentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.domain.config.InvalidConfigurationException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.emulator.client.FaultSpec;
import io.instancerole.emulator.testing.SdkRequests;
import io.instancerole.emulator.testing.TrustPolicies;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every error code of the contract, provoked by a request through the real adapters against the
 * emulator (the cloud's own failures injected as emulator faults): status, code, shape, details.
 * One test per code, named {@code provokes<Code>}.
 */
class ErrorCodesTest {
    @RegisterExtension
    static final CloudWorld WORLD = new CloudWorld();

    /** Enough failures to outlast the adapters' retries. */
    private static final int ALWAYS = 20;

    private static GatewayEvent post(String path, String body) {
        return GatewayEvent.post(path, body).caller("alice", "team-a");
    }

    private static GatewayEvent get(String path) {
        return GatewayEvent.get(path).caller("alice", "team-a");
    }

    @Test
    void everyErrorCodeHasItsTestHere() {
        Set<String> tested = Arrays.stream(ErrorCodesTest.class.getDeclaredMethods()).map(Method::getName)
                .filter(name -> name.startsWith("provokes")).map(name -> name.substring("provokes".length())).collect(Collectors.toSet());
        Set<String> codes = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());
        assertEquals(codes, tested);
    }

    @Test
    void provokesInvalidParameter() {
        Answer answer = WORLD.call(CreateRoleFunction.class, post("/v1/roles", "{\"roleName\":\"team-a web\"}"))
                .assertError(400, "InvalidParameter");
        assertEquals("roleName", answer.body().path("details").path(0).path("field").asText());
        assertTrue(answer.body().path("message").asText().startsWith("roleName: "), answer.rawBody());
    }

    @Test
    void provokesInvalidRequest() {
        Answer answer = WORLD.call(CreateRoleFunction.class, post("/v1/roles", "{\"roleName\":\"team-a-web\",\"descripton\":\"x\"}"))
                .assertError(400, "InvalidRequest");
        assertTrue(answer.body().path("message").asText().contains("'descripton'"), "names the field: " + answer.rawBody());
    }

    @Test
    void provokesUnauthenticated() {
        WORLD.call(DescribeFunction.class, GatewayEvent.get("/v1/roles/team-a-web").header("X-Caller-Id", "alice"))
                .assertError(401, "Unauthenticated");
        assertEquals("denied", WORLD.logger().auditLines().get(0).path("outcome").asText());
    }

    @Test
    void identityHeadersSentTwiceAreNeverGuessedAt() {
        JsonNode before = WORLD.state();
        // the attack: a second header in another letter case naming the admin team
        WORLD.call(CreateRoleFunction.class, post("/v1/roles", "{\"roleName\":\"team-a-web\"}").header("x-caller-team", "platform"))
                .assertError(401, "Unauthenticated");
        WORLD.call(CreateRoleFunction.class, post("/v1/roles", "{\"roleName\":\"team-a-web\"}").header("X-CALLER-ID", "mallory"))
                .assertError(401, "Unauthenticated");
        Answer several = WORLD.call(CreateRoleFunction.class, post("/v1/roles", "{\"roleName\":\"platform-admin\"}")
                .header("X-Caller-Team", "team-a", "platform")).assertError(401, "Unauthenticated");
        WORLD.call(CreateRoleFunction.class, post("/v1/roles", "{\"roleName\":\"platform-admin\"}")
                .header("X-Caller-Team", "team-a,platform")).assertError(401, "Unauthenticated");
        Answer joinedId = WORLD.call(CreateRoleFunction.class, post("/v1/roles", "{\"roleName\":\"team-a-web\"}")
                .header("X-Caller-Id", "alice,mallory")).assertError(401, "Unauthenticated");
        assertTrue(joinedId.body().path("message").asText().contains("several comma-separated values"), joinedId.rawBody());

        assertTrue(several.body().path("message").asText().contains("X-Caller-Team was sent 2 times"), several.rawBody());
        assertEquals(before, WORLD.state());
        // one of each, in any letter case, is fine
        WORLD.call(CreateRoleFunction.class, post("/v1/roles", "{\"roleName\":\"team-a-web\"}").withoutHeader("X-Caller-Team")
                .header("x-caller-team", "team-a")).assertOk(201);
    }

    @Test
    void provokesForbidden() {
        Answer answer = WORLD.call(CreateRoleFunction.class, post("/v1/roles", "{\"roleName\":\"team-b-web\"}")).assertError(403, "Forbidden");
        assertTrue(answer.body().path("message").asText().contains("team-a-"), "names the rule: " + answer.rawBody());
        assertTrue(WORLD.state().path("roles").size() == 1, "only the service role exists");
    }

    @Test
    void provokesPolicyTooBroad() {
        String fullAccess = "{\"policyName\":\"team-a-all\",\"document\":{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"*\",\"Resource\":\"*\"}]}}";
        JsonNode before = WORLD.state();
        Answer refused = WORLD.call(CreatePolicyFunction.class, post("/v1/policies", fullAccess)).assertError(403, "PolicyTooBroad");
        assertEquals("SECURITY_WARNING", refused.body().path("details").path(0).path("level").asText());
        assertEquals(before, WORLD.state());

        // an admin's change goes ahead and the findings come back
        Answer admitted = WORLD.call(CreatePolicyFunction.class, GatewayEvent.post("/v1/policies",
                fullAccess.replace("team-a-all", "platform-all")).caller("root-admin", "platform")).assertOk(201);
        assertTrue(admitted.body().path("findings").toString().contains("FULL_ACCESS"), admitted.rawBody());
    }

    @Test
    void provokesNotFound() {
        WORLD.call(DescribeFunction.class, get("/v1/nothing")).assertError(404, "NotFound");
    }

    @Test
    void provokesRoleNotFound() {
        WORLD.call(DescribeFunction.class, get("/v1/roles/team-a-missing")).assertError(404, "RoleNotFound");
        String instance = WORLD.teamInstance("team-a");
        JsonNode before = WORLD.state();
        WORLD.call(BindRoleFunction.class, post("/v1/role-bindings", "{\"roleName\":\"team-a-missing\",\"instanceIds\":[\"" + instance + "\"]}"))
                .assertError(404, "RoleNotFound");
        assertEquals(before, WORLD.state());
    }

    @Test
    void provokesPolicyNotFound() {
        WORLD.createEcsRole("team-a-web");
        WORLD.call(CreatePolicyFunction.class, post("/v1/roles/team-a-web/policy-attachments",
                "{\"policyName\":\"team-a-nothing\",\"policyType\":\"Custom\"}")).assertError(404, "PolicyNotFound");
    }

    @Test
    void provokesUserNotFound() {
        WORLD.createEcsRole("team-a-web");
        WORLD.call(GrantPassRoleFunction.class, post("/v1/pass-role-grants", "{\"userName\":\"nobody\",\"roleNames\":[\"team-a-web\"]}"))
                .assertError(404, "UserNotFound");
    }

    @Test
    void provokesInstanceNotFound() {
        WORLD.call(DescribeFunction.class, get("/v1/instances/i-missing0000/role")).assertError(404, "InstanceNotFound");
    }

    @Test
    void provokesMethodNotAllowed() {
        Answer answer = WORLD.call(BindRoleFunction.class, GatewayEvent.of("PUT", "/v1/role-bindings").caller("alice", "team-a"))
                .assertError(405, "MethodNotAllowed");
        assertEquals("POST", answer.header("Allow"));
    }

    @Test
    void provokesRoleConflict() {
        WORLD.send(SdkRequests.createRole("team-a-svc", TrustPolicies.service("fc.aliyuncs.com")));
        JsonNode before = WORLD.state();
        Answer answer = WORLD.call(CreateRoleFunction.class, post("/v1/roles", "{\"roleName\":\"team-a-svc\"}")).assertError(409, "RoleConflict");
        assertTrue(answer.body().path("message").asText().contains("ecs.aliyuncs.com"), answer.rawBody());
        assertEquals(before, WORLD.state());
    }

    @Test
    void provokesRoleNotTrustedByEcs() {
        WORLD.send(SdkRequests.createRole("team-a-svc", TrustPolicies.service("fc.aliyuncs.com")));
        String instance = WORLD.teamInstance("team-a");
        JsonNode before = WORLD.state();
        WORLD.call(BindRoleFunction.class, post("/v1/role-bindings", "{\"roleName\":\"team-a-svc\",\"instanceIds\":[\"" + instance + "\"]}"))
                .assertError(409, "RoleNotTrustedByEcs");
        WORLD.call(ReplaceRoleFunction.class, post("/v1/role-bindings/replace",
                "{\"roleName\":\"team-a-svc\",\"instanceIds\":[\"" + instance + "\"]}")).assertError(409, "RoleNotTrustedByEcs");
        assertEquals(before, WORLD.state());
    }

    @Test
    void provokesConflict() {
        WORLD.control().addFault(FaultSpec.of("CreatePolicy", "LimitExceeded.Policy", 409).times(ALWAYS));
        Answer answer = WORLD.call(CreatePolicyFunction.class, post("/v1/policies", "{\"policyName\":\"team-a-p\",\"document\":"
                + "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"acs:oss:*:*:b/*\"}]}}"))
                .assertError(409, "Conflict");
        assertCloudFacts(answer, "CreatePolicy", "LimitExceeded.Policy");
    }

    @Test
    void aLaterStepTheCloudRefusesIs207WithTheFailedItem() {
        WORLD.createEcsRole("team-a-web");
        WORLD.createEcsRole("team-a-api");
        WORLD.control().addFault(FaultSpec.of("AttachPolicyToRole", "LimitExceeded.Role.Policy", 409));
        String body = "{\"policyName\":\"team-a-p\",\"attachToRoles\":[\"team-a-web\",\"team-a-api\"],\"document\":"
                + "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"acs:oss:*:*:b/*\"}]}}";

        Answer half = WORLD.call(CreatePolicyFunction.class, post("/v1/policies", body)).assertOk(207);
        Answer retry = WORLD.call(CreatePolicyFunction.class, post("/v1/policies", body)).assertOk(200);

        assertEquals("created", half.body().path("status").asText());
        assertEquals("failed", half.body().path("attachments").path(0).path("status").asText());
        assertEquals("LimitExceeded.Role.Policy", half.body().path("attachments").path(0).path("code").asText());
        assertEquals("attached", half.body().path("attachments").path(1).path("status").asText());
        assertEquals("partial", WORLD.logger().auditLines().get(0).path("outcome").asText());
        assertEquals("attached", retry.body().path("attachments").path(0).path("status").asText());
        assertEquals("alreadyAttached", retry.body().path("attachments").path(1).path("status").asText());
    }

    @Test
    void provokesPayloadTooLarge() {
        WORLD.call(CreateRoleFunction.class, post("/v1/roles", "{\"description\":\"" + "d".repeat(70_000) + "\"}"))
                .assertError(413, "PayloadTooLarge");
    }

    @Test
    void provokesUnsupportedMediaType() {
        WORLD.call(CreateRoleFunction.class, post("/v1/roles", "roleName=team-a-web").header("Content-Type", "application/x-www-form-urlencoded"))
                .assertError(415, "UnsupportedMediaType");
    }

    @Test
    void provokesPolicyInvalid() {
        String seedExample = "{\"policyName\":\"team-a-ecs\",\"document\":{\"Version\":\"2016-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"ecs: CreateInstance\"],\"Resource\":\"*\"}]}}";
        JsonNode before = WORLD.state();
        Answer answer = WORLD.call(CreatePolicyFunction.class, post("/v1/policies", seedExample)).assertError(422, "PolicyInvalid");
        String findings = answer.body().path("details").toString();
        assertTrue(findings.contains("INVALID_VERSION") && findings.contains("INVALID_ACTION_FORMAT"), findings);
        assertTrue(findings.contains("ecs:CreateInstance"), "the message suggests the fix: " + findings);
        assertEquals("Statement[0].Action[0]", findingWithCode(answer, "INVALID_ACTION_FORMAT").path("path").asText());
        assertEquals(before, WORLD.state(), "nothing is created");
    }

    @Test
    void provokesThrottled() {
        WORLD.createEcsRole("team-a-web");
        WORLD.control().addFault(FaultSpec.of("GetRole", "Throttling.User", 400).times(ALWAYS));
        Answer answer = WORLD.call(DescribeFunction.class, get("/v1/roles/team-a-web")).assertError(429, "Throttled");
        assertCloudFacts(answer, "GetRole", "Throttling.User");
        assertTrue(WORLD.control().calls().size() > 1, "retried before giving up");
        assertEquals("failed", WORLD.logger().auditLines().get(0).path("outcome").asText());
    }

    @Test
    void provokesCloudUnavailable() {
        WORLD.control().addFault(FaultSpec.of("DescribeInstances", "ServiceUnavailable", 503).times(ALWAYS));
        Answer answer = WORLD.call(DescribeFunction.class, get("/v1/instances/i-abcd1234/role")).assertError(503, "CloudUnavailable");
        assertCloudFacts(answer, "DescribeInstances", "ServiceUnavailable");
    }

    @Test
    void provokesCloudDenied() {
        String limited = "team-less-service";
        WORLD.send(SdkRequests.createRole(limited, TrustPolicies.service("fc.aliyuncs.com")));
        WORLD.send(SdkRequests.createPolicy("without-create-role", withoutAction(DeploymentFiles.servicePolicies().get(0), "ram:CreateRole")));
        WORLD.send(SdkRequests.attachPolicyToRole("Custom", "without-create-role", limited));
        Credentials credentials = WORLD.serviceCredentialsOf(limited);
        JsonNode before = WORLD.state();
        Answer answer = WORLD.call(WORLD.handler(CreateRoleFunction.class), post("/v1/roles", "{\"roleName\":\"team-a-web\"}"), credentials)
                .assertError(502, "CloudDenied");
        assertCloudFacts(answer, "CreateRole", "NoPermission");
        assertTrue(answer.body().path("message").asText().contains("ram:CreateRole"), "names the missing permission: " + answer.rawBody());
        assertEquals(before, WORLD.state());
    }

    @Test
    void provokesInternalError() throws Exception {
        Map<String, String> environment = new HashMap<>(WORLD.environmentOf(CreateRoleFunction.class));
        environment.put("OWNER_TAG_KEY", "aliyun-owner");
        CreateRoleFunction misconfigured = new CreateRoleFunction(environment);

        RecordingLogger initLog = new RecordingLogger();
        InvalidConfigurationException refused = assertThrows(InvalidConfigurationException.class,
                () -> misconfigured.initialize(TestContext.of(null, initLog)));
        assertTrue(refused.getMessage().contains("OWNER_TAG_KEY"));
        assertTrue(initLog.errorLines().get(0).contains("OWNER_TAG_KEY"), "the initializer says why it failed");

        RecordingLogger log = new RecordingLogger();
        TestContext context = TestContext.of(null, log);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        misconfigured.handleRequest(new ByteArrayInputStream(post("/v1/roles", "{\"roleName\":\"team-a-web\"}").bytes()), output, context);
        Answer answer = Answer.parse(output.toByteArray(), context.getRequestId()).assertError(500, "InternalError");
        assertTrue(answer.body().path("message").asText().contains(context.getRequestId()), "quotes the request id");
        assertFalse(answer.rawBody().contains("OWNER_TAG_KEY"), "the cause stays in the log");
        String logged = log.errorLines().get(0);
        assertTrue(logged.contains("OWNER_TAG_KEY") && logged.contains("\\tat "), "the log has the cause and the stack trace: " + logged);
        assertEquals("failed", log.auditLines().get(0).path("outcome").asText());
    }

    private static void assertCloudFacts(Answer answer, String action, String cloudCode) {
        JsonNode facts = answer.body().path("details").path(0);
        assertEquals(action, facts.path("cloudAction").asText(), answer.rawBody());
        assertEquals(cloudCode, facts.path("cloudCode").asText(), answer.rawBody());
        assertTrue(facts.has("cloudRequestId"), answer.rawBody());
    }

    private static JsonNode findingWithCode(Answer answer, String code) {
        for (JsonNode finding : answer.body().path("details")) {
            if (code.equals(finding.path("code").asText())) {
                return finding;
            }
        }
        throw new AssertionError("no finding " + code + " in " + answer.rawBody());
    }

    /** The document with one action taken out of every statement. */
    private static String withoutAction(JsonNode document, String action) {
        ObjectNode copy = document.deepCopy();
        for (JsonNode statement : copy.path("Statement")) {
            JsonNode actions = statement.path("Action");
            if (actions.isArray()) {
                Iterator<JsonNode> items = ((ArrayNode) actions).elements();
                while (items.hasNext()) {
                    if (action.equals(items.next().asText())) {
                        items.remove();
                    }
                }
            }
        }
        assertFalse(copy.toString().contains("\"" + action + "\""), "removed " + action);
        return copy.toString();
    }
}
