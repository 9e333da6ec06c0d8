package io.instancerole.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.ecs.model.v20140526.AttachInstanceRamRoleRequest;
import com.aliyuncs.ecs.model.v20140526.DetachInstanceRamRoleRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.emulator.Emulator;
import io.instancerole.emulator.client.EmulatorControl;
import io.instancerole.emulator.client.NewInstance;
import io.instancerole.emulator.client.UserKeys;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The README's walkthrough against {@code serve} with the project's template.yml and the real
 * functions, over real HTTP, checking the emulator's state after every step; then the guardrails.
 * The functions run as the built-in runtime runs them; {@link CustomRuntimeEndToEndTest} runs the
 * same through the custom runtime.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndTest {
    private static final String TEAM_B = "dev-team-b";
    StackRunner runner;
    private LocalStack stack;
    private Emulator emulator;
    private EmulatorControl control;
    Http gateway;

    /** How the stack runs its functions: serve's options. */
    List<String> runtimeOptions() {
        return List.of();
    }

    @BeforeAll
    void serve() {
        runner = new StackRunner();
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--emulator-port", "0", "--metadata-port", "0",
                "--template", Project.template().toString()));
        args.addAll(runtimeOptions());
        LocalMain.Outcome outcome = runner.run(args.toArray(new String[0]));
        assertEquals(0, outcome.status(), runner.err());
        stack = (LocalStack) outcome.running();
        emulator = stack.emulator().orElseThrow().emulator().orElseThrow();
        control = emulator.control();
        gateway = new Http(stack.gatewayUrl());
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    static HttpResponse<String> send(Http http, Walkthrough.Step step, String... extraHeaders) {
        List<String> headers = new ArrayList<>(List.of(extraHeaders));
        if (step.token != null) {
            headers.add("Authorization");
            headers.add("Bearer " + step.token);
        }
        String[] array = headers.toArray(new String[0]);
        return step.body == null ? http.get(step.path, array) : http.post(step.path, step.body, array);
    }

    private JsonNode expect(int status, Walkthrough.Step step, String... extraHeaders) {
        HttpResponse<String> response = send(gateway, step, extraHeaders);
        assertEquals(status, response.statusCode(), step.method + " " + step.path + ": " + response.body());
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
        return Http.json(response);
    }

    private EmulatorState state() {
        return new EmulatorState(control.state());
    }

    private void ensureWalkthroughRole() {
        int status = send(gateway, Walkthrough.CREATE_ROLE).statusCode();
        assertTrue(status == 200 || status == 201, "team-a-web exists: " + status);
    }

    @Test
    void theWholeWorkflowAsTheReadmeWalksIt() throws Exception {
        JsonNode created = expect(201, Walkthrough.CREATE_ROLE);
        assertEquals("created", created.path("status").asText());
        assertEquals("[\"ecs.aliyuncs.com\"]", created.path("role").path("trustedServices").toString());
        JsonNode role = state().role("team-a-web").orElseThrow();
        assertTrue(role.path("assumeRolePolicyDocument").asText().contains("ecs.aliyuncs.com"));
        assertEquals("unchanged", expect(200, Walkthrough.CREATE_ROLE).path("status").asText(), "a repeat changes nothing");

        JsonNode policy = expect(201, Walkthrough.CREATE_POLICY);
        assertEquals("created", policy.path("status").asText());
        assertEquals("attached", policy.path("attachments").get(0).path("status").asText());
        assertTrue(state().attachedTo("Role", "team-a-web").contains("Custom:team-a-web-logs"));
        assertEquals(Http.JSON.readTree(Walkthrough.CREATE_POLICY.body).path("document"),
                Http.JSON.readTree(state().defaultDocument("team-a-web-logs")));

        assertEquals("attached", expect(201, Walkthrough.ATTACH_SYSTEM_POLICY).path("status").asText());
        assertEquals(List.of("Custom:team-a-web-logs", "System:AliyunECSReadOnlyAccess"), state().attachedTo("Role", "team-a-web"));

        JsonNode dryRun = expect(200, Walkthrough.BIND_DRY_RUN);
        assertTrue(dryRun.path("dryRun").asBoolean());
        assertEquals("bound", dryRun.path("results").get(0).path("status").asText());
        assertNull(state().boundRole("i-demoa1"), "a dry run changes nothing");

        JsonNode bound = expect(200, Walkthrough.BIND);
        assertEquals("bound", bound.path("results").get(0).path("status").asText());
        assertEquals("bound", bound.path("results").get(1).path("status").asText());
        assertEquals("team-a-web", state().boundRole("i-demoa1"));
        assertEquals("team-a-web", state().boundRole("i-demoa2"));

        assertEquals("team-a-web", expect(200, Walkthrough.DESCRIBE_INSTANCE).path("roleName").asText());

        Http metadata = new Http(emulator.baseUrl());
        HttpResponse<String> roleName = metadata.get(Walkthrough.METADATA_ROLE_PATH);
        assertEquals(200, roleName.statusCode());
        assertEquals("team-a-web", roleName.body());
        JsonNode credentials = Http.json(metadata.get(Walkthrough.METADATA_ROLE_PATH + "team-a-web"));
        assertEquals("Success", credentials.path("Code").asText());
        assertTrue(credentials.path("AccessKeyId").asText().startsWith("STS."), credentials.toString());

        expect(201, Walkthrough.CREATE_SECOND_ROLE);
        JsonNode replaced = expect(200, Walkthrough.REPLACE).path("results").get(0);
        assertEquals("replaced", replaced.path("status").asText());
        assertEquals("team-a-web", replaced.path("previousRoleName").asText());
        assertEquals("team-a-batch", state().boundRole("i-demoa2"));

        assertEquals("unbound", expect(200, Walkthrough.UNBIND).path("results").get(0).path("status").asText());
        assertNull(state().boundRole("i-demoa1"));
        assertEquals(404, metadata.get(Walkthrough.METADATA_ROLE_PATH + "team-a-web").statusCode(),
                "an unbound instance has no credentials");

        JsonNode grant = expect(201, Walkthrough.GRANT_PASS_ROLE);
        assertEquals("created", grant.path("status").asText());
        List<String> userPolicies = state().attachedTo("User", "deployer");
        assertEquals(1, userPolicies.size(), userPolicies.toString());
        String grantDocument = state().defaultDocument(userPolicies.get(0).substring("Custom:".length()));
        assertTrue(grantDocument.contains("ram:PassRole"), grantDocument);
        assertTrue(grantDocument.contains("acs:ram:*:" + emulator.accountId() + ":role/team-a-web"), grantDocument);
        assertFalse(grantDocument.contains("role/*"), "never PassRole on every role: " + grantDocument);

        JsonNode described = expect(200, Walkthrough.DESCRIBE_ROLE);
        assertEquals("team-a-web", described.path("role").path("roleName").asText());
        assertEquals(2, described.path("policies").size(), described.toString());

        String stdout = runner.out();
        assertTrue(stdout.lines().anyMatch(l -> l.contains("\"type\":\"audit\"") && l.contains("\"callerId\":\"alice\"")), stdout);
        String everything = stdout + runner.err();
        assertFalse(everything.contains(credentials.path("AccessKeySecret").asText()), "no secret in the log");
        assertFalse(everything.contains(credentials.path("SecurityToken").asText()), "no token in the log");
        assertFalse(everything.contains(emulator.rootAccessKeySecret()), "no secret in the log");
    }

    @Test
    void anotherTeamsInstanceIsRefusedAndKeepsItsRole() {
        ensureWalkthroughRole();
        JsonNode result = expect(207, Walkthrough.BIND_OTHER_TEAMS_INSTANCE).path("results").get(0);
        assertEquals("failed", result.path("status").asText());
        // another team's instance answers exactly as a missing one: nothing to learn from it
        assertEquals("InstanceNotFound", result.path("code").asText());
        assertNull(state().boundRole("i-demob1"));
        assertEquals("InstanceNotFound", expect(404, Walkthrough.DESCRIBE_OTHER_TEAMS_INSTANCE).path("code").asText());
    }

    @Test
    void teamAsGranteeBindsTeamAsInstancesWithItsOwnKeysAndNothingOfTeamBs() throws ClientException {
        ensureWalkthroughRole();
        String teamA = control.createInstance(NewInstance.vpc(DemoAccount.REGION).tag("team", "team-a"));
        String teamB = control.createInstance(NewInstance.vpc(DemoAccount.REGION).tag("team", "team-b"));
        int created = send(gateway, Walkthrough.Step.post(TEAM_B, "/v1/roles", "{\"roleName\": \"team-b-e2e\"}")).statusCode();
        assertTrue(created == 200 || created == 201, "team-b-e2e exists: " + created);
        expect(200, Walkthrough.Step.post(TEAM_B, "/v1/role-bindings", "{\"roleName\": \"team-b-e2e\", \"instanceIds\": [\"" + teamB + "\"]}"));
        int granted = send(gateway, Walkthrough.GRANT_PASS_ROLE).statusCode();
        assertTrue(granted == 200 || granted == 201, "the walkthrough's grant: " + granted);
        UserKeys keys = control.createUser(DemoAccount.USER);
        DefaultAcsClient grantee = new DefaultAcsClient(DefaultProfile.getProfile(DemoAccount.REGION),
                new BasicCredentials(keys.accessKeyId(), keys.accessKeySecret()));

        // the attack of the issue: team A's grantee unbinds team B's instance
        ClientException unbindB = assertThrows(ClientException.class, () -> grantee.getAcsResponse(detach(teamB)));
        ClientException bindB = assertThrows(ClientException.class, () -> grantee.getAcsResponse(attach("team-a-web", teamB)));
        int bound = grantee.getAcsResponse(attach("team-a-web", teamA)).getFailCount();
        String boundRole = state().boundRole(teamA);
        int unbound = grantee.getAcsResponse(detach(teamA)).getFailCount();

        assertEquals("Forbidden.RAM", unbindB.getErrCode());
        assertEquals("Forbidden.RAM", bindB.getErrCode());
        assertEquals("team-b-e2e", state().boundRole(teamB));
        assertEquals(0, bound);
        assertEquals("team-a-web", boundRole);
        assertEquals(0, unbound);
        assertNull(state().boundRole(teamA));
    }

    private AttachInstanceRamRoleRequest attach(String roleName, String instanceId) {
        AttachInstanceRamRoleRequest request = new AttachInstanceRamRoleRequest();
        request.setRamRoleName(roleName);
        request.setInstanceIds("[\"" + instanceId + "\"]");
        return atEmulator(request);
    }

    private DetachInstanceRamRoleRequest detach(String instanceId) {
        DetachInstanceRamRoleRequest request = new DetachInstanceRamRoleRequest();
        request.setInstanceIds("[\"" + instanceId + "\"]");
        return atEmulator(request);
    }

    private <R extends AcsRequest<?>> R atEmulator(R request) {
        request.setSysEndpoint(emulator.endpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        return request;
    }

    @Test
    void aClassicNetworkInstanceCannotTakeARole() {
        ensureWalkthroughRole();
        JsonNode result = expect(207, Walkthrough.BIND_CLASSIC_INSTANCE).path("results").get(0);
        assertEquals("InstanceNotVpc", result.path("code").asText());
        assertNull(state().boundRole("i-democlassic1"));
    }

    @Test
    void anotherTeamsRoleNameAndAnOverlyBroadPolicyAreRefused() {
        assertEquals("Forbidden", expect(403, Walkthrough.CREATE_OTHER_TEAMS_ROLE).path("code").asText());
        assertTrue(state().role("team-b-web").isEmpty());
        assertEquals("PolicyTooBroad", expect(403, Walkthrough.CREATE_BROAD_POLICY).path("code").asText());
        assertTrue(state().policy("team-a-everything").isEmpty());
    }

    @Test
    void identityHeadersSentByTheClientAreIgnored() {
        JsonNode refused = expect(403, Walkthrough.FORGED_TEAM, "X-Caller-Id", "platform-admin", "X-Caller-Team", "platform");
        assertEquals("Forbidden", refused.path("code").asText());
        assertTrue(state().role("platform-tools").isEmpty());
        assertEquals(401, send(gateway, Walkthrough.NO_TOKEN, "X-Caller-Id", "platform-admin", "X-Caller-Team", "platform").statusCode(),
                "the headers alone are no identity");
        HttpResponse<String> asPlatform = send(gateway, Walkthrough.FORGED_TEAM.withToken("dev-platform"));
        assertEquals(201, asPlatform.statusCode(), "the platform team itself may: " + asPlatform.body());
        assertTrue(state().role("platform-tools").isPresent());
    }

    @Test
    void noTokenIsUnauthenticatedAndReachesNoFunction() {
        int callsBefore = control.calls().size();
        JsonNode error = expect(401, Walkthrough.NO_TOKEN);
        assertEquals("Unauthenticated", error.path("code").asText());
        assertEquals(callsBefore, control.calls().size(), "no cloud call was made");
    }
}
