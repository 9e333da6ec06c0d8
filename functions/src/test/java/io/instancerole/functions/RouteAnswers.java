package io.instancerole.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.service.Json;
import io.instancerole.emulator.client.NewInstance;
import io.instancerole.emulator.testing.SdkRequests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every route answers as the contract says, through the real adapters against the emulator; run
 * once per event format the functions are deployed with ({@link ApiGatewayRoutesTest},
 * {@link HttpTriggerRoutesTest}).
 */
abstract class RouteAnswers {
    /** The functions invoked with one event format. */
    abstract CloudWorld world();

    private static final String TEAM = "team-a";

    private static GatewayEvent post(String path, String body) {
        return GatewayEvent.post(path, body).caller("alice@example.com", TEAM);
    }

    private static GatewayEvent get(String path) {
        return GatewayEvent.get(path).caller("alice@example.com", TEAM);
    }

    @Test
    void createRoleCreatesThenAnswersUnchangedThenUpdated() {
        Answer created = world().call(CreateRoleFunction.class,
                post("/v1/roles", "{\"roleName\":\"team-a-web\",\"description\":\"web servers\",\"maxSessionDuration\":7200}")).assertOk(201);
        assertEquals("created", created.body().path("status").asText());
        assertFalse(created.body().path("dryRun").asBoolean(true));
        JsonNode role = created.body().path("role");
        assertEquals("team-a-web", role.path("roleName").asText());
        assertEquals(7200, role.path("maxSessionDuration").asInt());
        assertEquals("[\"ecs.aliyuncs.com\"]", role.path("trustedServices").toString());
        assertTrue(role.path("arn").asText().contains(world().accountId()), role.toString());

        Answer again = world().call(CreateRoleFunction.class,
                post("/v1/roles", "{\"roleName\":\"TEAM-A-WEB\",\"description\":\"web servers\"}")).assertOk(200);
        assertEquals("unchanged", again.body().path("status").asText());

        Answer updated = world().call(CreateRoleFunction.class,
                post("/v1/roles", "{\"roleName\":\"team-a-web\",\"description\":\"web and api servers\"}")).assertOk(200);
        assertEquals("updated", updated.body().path("status").asText());
        assertEquals("web and api servers", stateRole("team-a-web").path("description").asText());
    }

    @Test
    void dryRunAnswersWhatARealRunWouldAndChangesNothing() {
        JsonNode before = world().state();
        Answer planned = world().call(CreateRoleFunction.class, post("/v1/roles", "{\"roleName\":\"team-a-web\",\"dryRun\":true}")).assertOk(201);
        assertEquals("created", planned.body().path("status").asText());
        assertTrue(planned.body().path("dryRun").asBoolean());
        assertEquals(before, world().state());
        JsonNode audit = lastAudit();
        assertTrue(audit.path("dryRun").asBoolean());
        assertEquals(0, audit.path("changes").size());
    }

    @Test
    void createPolicyCreatesAndAttachesThenIsUnchanged() {
        world().createEcsRole("team-a-web");
        String body = "{\"policyName\":\"team-a-read-logs\",\"document\":{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"oss:GetObject\"],\"Resource\":[\"acs:oss:*:*:team-a-logs/*\"]}]},\"attachToRoles\":[\"team-a-web\"]}";
        Answer created = world().call(CreatePolicyFunction.class, post("/v1/policies", body)).assertOk(201);
        assertEquals("created", created.body().path("status").asText());
        assertEquals("Custom", created.body().path("policy").path("policyType").asText());
        assertEquals("attached", created.body().path("attachments").path(0).path("status").asText());
        assertTrue(created.body().path("findings").isArray());
        assertTrue(hasAttachment("team-a-read-logs", "ROLE", "team-a-web"));

        Answer again = world().call(CreatePolicyFunction.class, post("/v1/policies", body)).assertOk(200);
        assertEquals("unchanged", again.body().path("status").asText());
        assertEquals("alreadyAttached", again.body().path("attachments").path(0).path("status").asText());
    }

    @Test
    void createPolicyTakesTheDocumentAsTextToo() {
        String body = "{\"policyName\":\"team-a-read-logs\",\"document\":\"{\\\"Version\\\":\\\"1\\\",\\\"Statement\\\":[{\\\"Effect\\\":"
                + "\\\"Allow\\\",\\\"Action\\\":\\\"oss:GetObject\\\",\\\"Resource\\\":\\\"acs:oss:*:*:team-a-logs/*\\\"}]}\"}";
        Answer created = world().call(CreatePolicyFunction.class, post("/v1/policies", body)).assertOk(201);
        assertEquals("created", created.body().path("status").asText());
        assertEquals(0, created.body().path("attachments").size());
    }

    @Test
    void attachPolicyAttachesASystemPolicyOnce() {
        world().createEcsRole("team-a-web");
        GatewayEvent attach = post("/v1/roles/team-a-web/policy-attachments", "{\"policyName\":\"AliyunOSSReadOnlyAccess\",\"policyType\":\"System\"}");
        Answer attached = world().call(CreatePolicyFunction.class, attach).assertOk(201);
        assertEquals("attached", attached.body().path("status").asText());
        assertEquals("team-a-web", attached.body().path("roleName").asText());
        assertTrue(hasAttachment("AliyunOSSReadOnlyAccess", "ROLE", "team-a-web"));
        Answer again = world().call(CreatePolicyFunction.class,
                post("/v1/roles/team-a-web/policy-attachments", "{\"policyName\":\"AliyunOSSReadOnlyAccess\",\"policyType\":\"System\"}")).assertOk(200);
        assertEquals("alreadyAttached", again.body().path("status").asText());
    }

    @Test
    void bindAnswers200WhenEveryInstanceIsBoundAnd207WhenSomeFail() {
        world().createEcsRole("team-a-web");
        String first = world().teamInstance(TEAM);
        String second = world().teamInstance(TEAM);
        Answer bound = world().call(BindRoleFunction.class, post("/v1/role-bindings",
                "{\"roleName\":\"team-a-web\",\"instanceIds\":[\"" + first + "\",\"" + second + "\"]}")).assertOk(200);
        assertEquals(CloudWorld.REGION, bound.body().path("regionId").asText());
        assertEquals(List.of(first, second), List.of(bound.body().path("results").path(0).path("instanceId").asText(),
                bound.body().path("results").path(1).path("instanceId").asText()));
        assertEquals("bound", bound.body().path("results").path(0).path("status").asText());
        assertEquals(2, bound.body().path("summary").path("bound").asInt());
        assertEquals("team-a-web", instanceRole(first));

        String classic = world().instance(NewInstance.classic(CloudWorld.REGION).tag("team", TEAM));
        String third = world().teamInstance(TEAM);
        Answer partial = world().call(BindRoleFunction.class, post("/v1/role-bindings",
                "{\"roleName\":\"team-a-web\",\"instanceIds\":[\"" + first + "\",\"" + classic + "\",\"" + third + "\"]}")).assertOk(207);
        JsonNode results = partial.body().path("results");
        assertEquals("unchanged", results.path(0).path("status").asText());
        assertEquals("failed", results.path(1).path("status").asText());
        assertEquals("InstanceNotVpc", results.path(1).path("code").asText());
        assertEquals("bound", results.path(2).path("status").asText());
        assertEquals(1, partial.body().path("summary").path("failed").asInt());
        assertEquals("partial", lastAudit().path("outcome").asText());
    }

    /**
     * A function with a 1 ms Timeout has no time for a second wave of chunks: the first four
     * start together, the fifth finds the deadline passed and its instances answer skipped.
     * The same request in a function with time to spare finishes the job.
     */
    @Test
    void aBindCutByTheFunctionsTimeLimitAnswersSkippedAndRepeatingItFinishes() {
        world().createEcsRole("team-a-web");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add(world().teamInstance(TEAM));
        }
        GatewayEvent request = post("/v1/role-bindings", "{\"roleName\":\"team-a-web\",\"instanceIds\":"
                + ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]")) + "}");

        JsonNode cut = world().callWithin(BindRoleFunction.class, request, Duration.ofMillis(1)).assertOk(207).body();

        int skipped = cut.path("summary").path("skipped").asInt();
        assertTrue(skipped >= 100 && skipped % 100 == 0, "at least the fifth chunk was skipped: " + cut.path("summary"));
        JsonNode last = cut.path("results").path(499);
        assertEquals(List.of(ids.get(499), "skipped", "DeadlineExceeded"),
                List.of(last.path("instanceId").asText(), last.path("status").asText(), last.path("code").asText()));
        assertEquals(skipped, cut.path("retry").path("skipped").asInt());
        assertTrue(cut.path("retry").path("message").asText().contains("send the same request again"), cut.path("retry").toString());
        assertEquals("partial", lastAudit().path("outcome").asText());

        JsonNode done = world().callWithin(BindRoleFunction.class, request, Duration.ofSeconds(60)).assertOk(200).body();
        assertEquals(500 - skipped, done.path("summary").path("unchanged").asInt());
        assertEquals(skipped, done.path("summary").path("bound").asInt());
        assertTrue(done.path("retry").isMissingNode());
    }

    @Test
    void unbindRemovesTheRole() {
        world().createEcsRole("team-a-web");
        String instance = world().teamInstance(TEAM);
        world().bindWithRoot("team-a-web", instance);
        Answer unbound = world().call(UnbindRoleFunction.class, post("/v1/role-bindings/unbind",
                "{\"regionId\":\"cn-hangzhou\",\"instanceIds\":[\"" + instance + "\"]}")).assertOk(200);
        assertEquals("unbound", unbound.body().path("results").path(0).path("status").asText());
        assertTrue(unbound.body().path("roleName").isNull());
        assertTrue(stateInstance(instance).path("ramRoleName").isNull() || stateInstance(instance).path("ramRoleName").asText().isEmpty());
    }

    @Test
    void replaceSwapsTheRoleAndNamesThePreviousOne() {
        world().createEcsRole("team-a-web");
        world().createEcsRole("team-a-web-v2");
        String instance = world().teamInstance(TEAM);
        world().bindWithRoot("team-a-web", instance);
        Answer replaced = world().call(ReplaceRoleFunction.class, post("/v1/role-bindings/replace",
                "{\"instanceIds\":[\"" + instance + "\"],\"roleName\":\"team-a-web-v2\",\"expectedCurrentRoleName\":\"team-a-web\"}")).assertOk(200);
        JsonNode result = replaced.body().path("results").path(0);
        assertEquals("replaced", result.path("status").asText());
        assertEquals("team-a-web", result.path("previousRoleName").asText());
        assertEquals("team-a-web-v2", instanceRole(instance));
    }

    @Test
    void grantThenRevokePassRole() {
        world().createEcsRole("team-a-web");
        world().control().createUser("deployer");
        Answer granted = world().call(GrantPassRoleFunction.class, post("/v1/pass-role-grants",
                "{\"userName\":\"deployer\",\"roleNames\":[\"team-a-web\"]}")).assertOk(201);
        assertEquals("created", granted.body().path("status").asText());
        assertEquals("deployer", granted.body().path("userName").asText());
        assertTrue(granted.body().path("document").toString().contains("acs:ram:*:" + world().accountId() + ":role/team-a-web"),
                granted.body().path("document").toString());
        String policyName = granted.body().path("policyName").asText();
        assertTrue(hasAttachment(policyName, "USER", "deployer"));

        Answer revoked = world().call(GrantPassRoleFunction.class, post("/v1/pass-role-grants/revoke",
                "{\"userName\":\"deployer\",\"roleNames\":[\"team-a-web\"]}")).assertOk(200);
        assertEquals("deleted", revoked.body().path("status").asText());
        assertFalse(hasAttachment(policyName, "USER", "deployer"));
    }

    @Test
    void describeRoleAndInstance() {
        world().createEcsRole("team-a-web");
        world().send(SdkRequests.attachPolicyToRole("System", "AliyunOSSReadOnlyAccess", "team-a-web"));
        Answer role = world().call(DescribeFunction.class, get("/v1/roles/team-a-web")).assertOk(200);
        assertEquals("team-a-web", role.body().path("role").path("roleName").asText());
        assertEquals("AliyunOSSReadOnlyAccess", role.body().path("policies").path(0).path("policyName").asText());
        assertEquals("System", role.body().path("policies").path(0).path("policyType").asText());

        String instance = world().teamInstance(TEAM);
        Answer unbound = world().call(DescribeFunction.class, get("/v1/instances/" + instance + "/role")).assertOk(200);
        assertTrue(unbound.body().has("roleName") && unbound.body().path("roleName").isNull(), unbound.rawBody());
        world().bindWithRoot("team-a-web", instance);
        Answer bound = world().call(DescribeFunction.class, get("/v1/instances/" + instance + "/role").query("regionId", "cn-hangzhou")).assertOk(200);
        assertEquals("team-a-web", bound.body().path("roleName").asText());
        assertEquals("cn-hangzhou", bound.body().path("regionId").asText());
    }

    @Test
    void perInstanceFailuresSayWhatToDoAndLeaveTheInstanceAlone() {
        world().createEcsRole("team-a-web");
        world().createEcsRole("team-a-other");
        String other = world().teamInstance(TEAM);
        String foreign = world().teamInstance("team-b");
        world().bindWithRoot("team-a-other", other);
        JsonNode before = world().state();

        Answer bind = world().call(BindRoleFunction.class, post("/v1/role-bindings",
                "{\"roleName\":\"team-a-web\",\"instanceIds\":[\"" + other + "\",\"" + foreign + "\"]}")).assertOk(207);
        assertEquals("InstanceHasOtherRole", bind.body().path("results").path(0).path("code").asText());
        assertTrue(bind.body().path("results").path(0).path("message").asText().contains("replace"), bind.rawBody());
        // another team's instance answers as a missing one
        assertEquals("InstanceNotFound", bind.body().path("results").path(1).path("code").asText());

        Answer replace = world().call(ReplaceRoleFunction.class, post("/v1/role-bindings/replace",
                "{\"roleName\":\"team-a-web\",\"instanceIds\":[\"" + other + "\"],\"expectedCurrentRoleName\":\"team-a-third\"}")).assertOk(207);
        assertEquals("UnexpectedCurrentRole", replace.body().path("results").path(0).path("code").asText());
        assertEquals(before, world().state(), "failed instances keep their role");
    }

    @Test
    void everyPostTakesDryRunAndMakesNoMutatingCall() {
        world().createEcsRole("team-a-web");
        world().createEcsRole("team-a-web-v2");
        world().control().createUser("deployer");
        String bound = world().teamInstance(TEAM);
        String free = world().teamInstance(TEAM);
        world().bindWithRoot("team-a-web", bound);
        world().control().clearCalls();
        JsonNode before = world().state();
        String document = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"acs:oss:*:*:b/*\"}]}";
        List<Object[]> cases = List.of(
                new Object[] {CreateRoleFunction.class, "/v1/roles", "{\"roleName\":\"team-a-new\",\"dryRun\":true}", 201},
                new Object[] {CreatePolicyFunction.class, "/v1/policies",
                        "{\"policyName\":\"team-a-p\",\"document\":" + document + ",\"attachToRoles\":[\"team-a-web\"],\"dryRun\":true}", 201},
                new Object[] {CreatePolicyFunction.class, "/v1/roles/team-a-web/policy-attachments",
                        "{\"policyName\":\"AliyunOSSReadOnlyAccess\",\"policyType\":\"System\",\"dryRun\":true}", 201},
                new Object[] {BindRoleFunction.class, "/v1/role-bindings",
                        "{\"roleName\":\"team-a-web\",\"instanceIds\":[\"" + free + "\"],\"dryRun\":true}", 200},
                new Object[] {UnbindRoleFunction.class, "/v1/role-bindings/unbind", "{\"instanceIds\":[\"" + bound + "\"],\"dryRun\":true}", 200},
                new Object[] {ReplaceRoleFunction.class, "/v1/role-bindings/replace",
                        "{\"roleName\":\"team-a-web-v2\",\"instanceIds\":[\"" + bound + "\"],\"dryRun\":true}", 200},
                new Object[] {GrantPassRoleFunction.class, "/v1/pass-role-grants",
                        "{\"userName\":\"deployer\",\"roleNames\":[\"team-a-web\"],\"dryRun\":true}", 201},
                new Object[] {GrantPassRoleFunction.class, "/v1/pass-role-grants/revoke",
                        "{\"userName\":\"deployer\",\"roleNames\":[\"team-a-web\"],\"dryRun\":true}", 200});
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Class<? extends FunctionHandler> function = (Class<? extends FunctionHandler>) c[0];
            Answer answer = world().call(function, post((String) c[1], (String) c[2])).assertOk((Integer) c[3]);
            assertTrue(answer.body().path("dryRun").asBoolean(), c[1] + ": " + answer.rawBody());
            answers.put((String) c[1], answer);
        }
        assertEquals("bound", answers.get("/v1/role-bindings").body().path("results").path(0).path("status").asText());
        assertEquals("unbound", answers.get("/v1/role-bindings/unbind").body().path("results").path(0).path("status").asText());
        assertEquals("replaced", answers.get("/v1/role-bindings/replace").body().path("results").path(0).path("status").asText());
        assertEquals("created", answers.get("/v1/pass-role-grants").body().path("status").asText());
        assertEquals("unchanged", answers.get("/v1/pass-role-grants/revoke").body().path("status").asText(),
                "the dry-run grant before it left nothing to revoke");
        assertEquals(before, world().state(), "a dry run changes nothing");
        for (JsonNode call : world().control().calls()) {
            assertTrue(call.path("action").asText().matches("(Get|List|Describe).*"), "only reads: " + call.path("action").asText());
        }
    }

    @Test
    void theAuditLineNamesTheCallerTheChangeAndTheCloudRequestIds() {
        Answer created = world().call(CreateRoleFunction.class, post("/v1/roles", "{\"roleName\":\"team-a-web\"}")).assertOk(201);
        List<JsonNode> audits = world().logger().auditLines();
        assertEquals(1, audits.size(), "one audit line per request");
        JsonNode audit = audits.get(0);
        assertEquals(created.requestId(), audit.path("requestId").asText());
        assertEquals("alice@example.com", audit.path("callerId").asText());
        assertEquals(TEAM, audit.path("callerTeam").asText());
        assertEquals("createRole", audit.path("function").asText());
        assertEquals("POST /v1/roles", audit.path("route").asText());
        assertEquals("success", audit.path("outcome").asText());
        assertEquals("team-a-web", audit.path("target").path("roleName").asText());
        assertEquals("CreateRole", audit.path("changes").path(0).path("action").asText());
        assertTrue(audit.path("cloudRequestIds").size() >= 2, "GetRole and CreateRole: " + audit);
        String everything = String.join("\n", world().logger().allLines());
        assertFalse(everything.contains(world().serviceSecretForLeakCheck()), "no secret in any log line");
    }

    private JsonNode lastAudit() {
        List<JsonNode> audits = world().logger().auditLines();
        return audits.get(audits.size() - 1);
    }

    private JsonNode stateRole(String name) {
        for (JsonNode role : world().state().path("roles")) {
            if (role.path("roleName").asText().equalsIgnoreCase(name)) {
                return role;
            }
        }
        throw new AssertionError("no role " + name);
    }

    @Test
    void policyLintAnswersFromTheLinterAloneWithoutACloudCall() {
        world().control().clearCalls();
        String text = "{\"Version\": \"1\",\n \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}";

        JsonNode answer = world().call(CreatePolicyFunction.class, post("/v1/policy-lint",
                Json.write(Map.of("document", text, "policyName", "team-a-all")))).assertOk(200).body();

        assertTrue(answer.path("wouldBeRefused").asBoolean(), answer.toString());
        assertTrue(answer.path("reason").asText().startsWith("PolicyTooBroad: "), answer.toString());
        assertEquals(2, answer.path("findings").get(0).path("line").asInt(), answer.toString());
        assertEquals(0, world().control().calls().size(), "no cloud call: " + world().control().calls());
    }

    @Test
    void aListReadsItsPageFromTheQueryAndRefusesWhatItDoesNotTake() {
        world().createEcsRole("team-a-web");
        world().createEcsRole("team-b-web");

        JsonNode roles = world().call(DescribeFunction.class, get("/v1/roles").query("limit", "1")).assertOk(200).body();
        assertEquals("team-a-web", roles.path("roles").get(0).path("roleName").asText(), roles.toString());
        assertEquals(1, roles.path("roles").size());
        assertFalse(roles.has("nextMarker"), "team B's role is not the team's, so there is no second page: " + roles);
        world().call(DescribeFunction.class, get("/v1/roles").query("limit", "101")).assertError(400, "InvalidParameter");
        world().call(DescribeFunction.class, get("/v1/roles").query("limt", "10")).assertError(400, "InvalidRequest");
    }

    private JsonNode stateInstance(String id) {
        for (JsonNode instance : world().state().path("instances")) {
            if (instance.path("instanceId").asText().equals(id)) {
                return instance;
            }
        }
        throw new AssertionError("no instance " + id);
    }

    private String instanceRole(String id) {
        return stateInstance(id).path("ramRoleName").asText();
    }

    private boolean hasAttachment(String policyName, String principalType, String principalName) {
        for (JsonNode attachment : world().state().path("attachments")) {
            if (attachment.path("policyName").asText().equalsIgnoreCase(policyName)
                    && attachment.path("principalType").asText().equalsIgnoreCase(principalType)
                    && attachment.path("principalName").asText().equalsIgnoreCase(principalName)) {
                return true;
            }
        }
        return false;
    }
}
