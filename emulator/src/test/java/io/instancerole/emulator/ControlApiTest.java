package io.instancerole.emulator;

import static io.instancerole.emulator.testing.SdkRequests.attachInstanceRamRole;
import static io.instancerole.emulator.testing.SdkRequests.attachPolicyToRole;
import static io.instancerole.emulator.testing.SdkRequests.createPolicy;
import static io.instancerole.emulator.testing.SdkRequests.createRole;
import static io.instancerole.emulator.testing.SdkRequests.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.ram.model.v20150501.GetPolicyRequest;
import com.aliyuncs.ram.model.v20150501.GetRoleRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.instancerole.emulator.client.Account;
import io.instancerole.emulator.client.EmulatorControl;
import io.instancerole.emulator.client.EmulatorControlException;
import io.instancerole.emulator.client.FaultSpec;
import io.instancerole.emulator.client.NewInstance;
import io.instancerole.emulator.client.SessionCredentials;
import io.instancerole.emulator.client.UserKeys;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.emulator.testing.SdkClients;
import io.instancerole.emulator.testing.TrustPolicies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ControlApiTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private final EmulatorControl control = EMULATOR.control();
    private final DefaultAcsClient root = EMULATOR.root();

    @Test
    void accountMatchesTheJavaApi() {
        Account account = control.account();

        assertEquals(EMULATOR.accountId(), account.accountId());
        assertTrue(account.accountId().matches("\\d{16}"));
        assertEquals(EMULATOR.emulator().rootAccessKeyId(), account.rootAccessKeyId());
        assertEquals(EMULATOR.emulator().rootAccessKeySecret(), account.rootAccessKeySecret());
        assertFalse(account.toString().contains(account.rootAccessKeySecret()));
    }

    @Test
    void createsInstancesAndRefusesBadOnes() {
        String chosen = control.createInstance(NewInstance.classic("cn-beijing").instanceId("i-fixed01")
                .status("Stopped").instanceName("批处理").tag("team", "team-b"));
        String generated = control.createInstance(NewInstance.vpc("cn-hangzhou"));
        JsonNode first = control.state().path("instances").get(0);

        assertEquals("i-fixed01", chosen);
        assertTrue(generated.matches("i-[a-z0-9]{20}"), generated);
        assertEquals("cn-beijing", first.path("regionId").asText());
        assertEquals("classic", first.path("networkType").asText());
        assertEquals("Stopped", first.path("status").asText());
        assertEquals("批处理", first.path("instanceName").asText());
        assertEquals("team-b", first.path("tags").path("team").asText());
        assertTrue(first.path("ramRoleName").isNull());
        assertEquals("AlreadyExists", refused(() -> control.createInstance(NewInstance.vpc("cn-hangzhou").instanceId("i-fixed01"))));
        assertEquals("InvalidField", refused(() -> control.createInstance(NewInstance.vpc("cn-hangzhou").status("Exploded"))));
        assertEquals("InvalidField", refused(() -> control.createInstance(NewInstance.vpc("cn hangzhou"))));
    }

    @Test
    void rawControlCallsAreCheckedStrictly() throws Exception {
        HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
        String base = EMULATOR.emulator().baseUrl() + "/_emulator";

        HttpResponse<String> unknownField = http.send(HttpRequest.newBuilder(URI.create(base + "/instances"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"regionId\":\"cn-hangzhou\",\"colour\":\"red\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> notJson = http.send(HttpRequest.newBuilder(URI.create(base + "/users"))
                .POST(HttpRequest.BodyPublishers.ofString("userName=x")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknownPath = http.send(HttpRequest.newBuilder(URI.create(base + "/nothing")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/instances"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"regionId\":\"cn-hangzhou\",\"networkType\":\"vpc\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(400, unknownField.statusCode());
        assertTrue(unknownField.body().contains("\"code\":\"UnknownField\""), unknownField.body());
        assertTrue(unknownField.body().contains("colour"), unknownField.body());
        assertEquals(400, notJson.statusCode());
        assertEquals(404, unknownPath.statusCode());
        assertEquals(201, created.statusCode());
        assertTrue(new ObjectMapper().readTree(created.body()).path("instanceId").asText().startsWith("i-"));
    }

    @Test
    void usersGetWorkingKeys() throws Exception {
        UserKeys first = control.createUser("alice");
        UserKeys second = control.createUser("alice");

        assertTrue(first.accessKeyId().startsWith("LTAI"));
        assertFalse(first.accessKeyId().equals(second.accessKeyId()));
        assertEquals("RAMUser", EMULATOR.send(SdkClients.client(second.accessKeyId(), second.accessKeySecret(),
                EmulatorExtension.REGION), new GetCallerIdentityRequest()).getIdentityType());
        assertEquals(1, control.state().path("users").size());
        assertEquals("InvalidParameter.UserName.InvalidChars", refused(() -> control.createUser("bad name")));
    }

    @Test
    void serviceCredentialsActAsTheRoleForTrustedServicesOnly() throws Exception {
        EMULATOR.send(root, createRole("fc-exec", TrustPolicies.service("fc.aliyuncs.com")));
        EMULATOR.send(root, createPolicy("read-roles", policy("Allow", "ram:GetRole", "*")));
        EMULATOR.send(root, attachPolicyToRole("Custom", "read-roles", "fc-exec"));
        EMULATOR.send(root, createRole("ecs-only", TrustPolicies.ecs()));

        SessionCredentials fc = control.serviceCredentials("fc-exec");
        DefaultAcsClient asFunction = SdkClients.client(fc.accessKeyId(), fc.accessKeySecret(), fc.securityToken(),
                EmulatorExtension.REGION);
        GetRoleRequest getRole = new GetRoleRequest();
        getRole.setRoleName("ecs-only");

        assertEquals("ecs-only", EMULATOR.send(asFunction, getRole).getRole().getRoleName());
        assertEquals("acs:ram::" + EMULATOR.accountId() + ":assumed-role/fc-exec/fc.aliyuncs.com",
                EMULATOR.send(asFunction, new GetCallerIdentityRequest()).getArn());
        assertEquals("NotTrusted", refused(() -> control.serviceCredentials("ecs-only")));
        assertTrue(control.serviceCredentials("ecs-only", "ecs.aliyuncs.com").accessKeyId().startsWith("STS."));
        assertEquals("NotFound", refused(() -> control.serviceCredentials("ghost")));
    }

    @Test
    void faultsAreConsumedAndCleared() throws Exception {
        control.addFault(FaultSpec.of("GetCallerIdentity", "Throttling.User", 400).times(2));

        assertEquals("Throttling.User", EMULATOR.failure(root, new GetCallerIdentityRequest()).getErrCode());
        assertEquals("Throttling.User", EMULATOR.failure(root, new GetCallerIdentityRequest()).getErrCode());
        assertEquals("Account", EMULATOR.send(root, new GetCallerIdentityRequest()).getIdentityType());
        control.addFault(FaultSpec.of("GetCallerIdentity", "Throttling.User", 400));
        control.clearFaults();
        assertEquals("Account", EMULATOR.send(root, new GetCallerIdentityRequest()).getIdentityType());
        assertEquals("InvalidField", refused(() -> control.addFault(FaultSpec.of("GetCallerIdentity", "X", 200))));
    }

    @Test
    void aFaultAfterSomeCallsLetsThemPassFirst() throws Exception {
        control.addFault(FaultSpec.of("GetCallerIdentity", "Throttling.User", 400).after(2));

        assertEquals("Account", EMULATOR.send(root, new GetCallerIdentityRequest()).getIdentityType());
        assertEquals("Account", EMULATOR.send(root, new GetCallerIdentityRequest()).getIdentityType());
        assertEquals("Throttling.User", EMULATOR.failure(root, new GetCallerIdentityRequest()).getErrCode());
        assertEquals("Account", EMULATOR.send(root, new GetCallerIdentityRequest()).getIdentityType());
        assertEquals("InvalidField", refused(() -> control.addFault(FaultSpec.of("GetCallerIdentity", "X", 400).after(-1))));
    }

    @Test
    void latencyIsASetting() {
        JsonNode defaults = control.settings();
        JsonNode changed = control.setLatency(Duration.ofMillis(250), Duration.ofMillis(20));

        assertEquals(0, defaults.path("latencyMs").asLong());
        assertEquals(0, defaults.path("latencyJitterMs").asLong());
        assertEquals(250, changed.path("latencyMs").asLong());
        assertEquals(20, changed.path("latencyJitterMs").asLong());
        assertEquals("InvalidField", refused(() -> control.setLatency(Duration.ofMillis(-1), Duration.ZERO)));
        assertEquals("InvalidField", refused(() -> control.setLatency(Duration.ofMinutes(2), Duration.ZERO)));
        control.reset();
        assertEquals(0, control.settings().path("latencyMs").asLong(), "a reset takes the latency away");
    }

    /**
     * Calls are logged before their latency is waited out: with a latency no test waits for, all
     * four calls reach the log while none has answered, which only happens if the emulator
     * delays them side by side rather than one after another.
     */
    @Test
    void concurrentCallsAreDelayedConcurrently() throws Exception {
        try (Emulator own = Emulator.start(EmulatorOptions.defaults())) {
            own.control().setLatency(Duration.ofMinutes(1), Duration.ZERO);
            DefaultAcsClient client = SdkClients.client(own.rootAccessKeyId(), own.rootAccessKeySecret(), EmulatorExtension.REGION);
            ExecutorService callers = Executors.newFixedThreadPool(4, call -> {
                Thread thread = new Thread(call);
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<?>> answers = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    answers.add(callers.submit(() -> client.getAcsResponse(SdkClients.at(own.endpoint(), new GetCallerIdentityRequest()))));
                }
                while (own.control().calls().size() < 4) {
                    Thread.sleep(10);
                }
                assertTrue(answers.stream().noneMatch(Future::isDone), "no call has answered yet");
            } finally {
                callers.shutdownNow();
            }
        }
    }

    @Test
    void settingsAreReadAndWritten() {
        JsonNode defaults = control.settings();
        control.setPropagationDelay(Duration.ofMillis(1500));
        JsonNode changed = control.setCredentialLifetime(Duration.ofHours(1));

        assertEquals(0, defaults.path("propagationDelayMs").asLong());
        assertEquals(21600, defaults.path("credentialLifetimeSeconds").asLong());
        assertEquals(1500, changed.path("propagationDelayMs").asLong());
        assertEquals(3600, changed.path("credentialLifetimeSeconds").asLong());
        assertEquals("InvalidField", refused(() -> control.setCredentialLifetime(Duration.ofHours(13))));
    }

    @Test
    void stateShowsEverythingCreated() throws Exception {
        EMULATOR.send(root, createRole("app", TrustPolicies.ecs()));
        EMULATOR.send(root, createPolicy("read-logs", policy("Allow", "oss:Get*", "*")));
        EMULATOR.send(root, attachPolicyToRole("Custom", "read-logs", "app"));
        String instance = control.createInstance(NewInstance.vpc("cn-hangzhou").tag("team", "team-a"));
        EMULATOR.send(root, attachInstanceRamRole("app", instance));

        JsonNode state = control.state();

        assertEquals(EMULATOR.accountId(), state.path("accountId").asText());
        JsonNode role = state.path("roles").get(0);
        assertEquals("app", role.path("roleName").asText());
        assertEquals("acs:ram::" + EMULATOR.accountId() + ":role/app", role.path("arn").asText());
        assertEquals(3600, role.path("maxSessionDuration").asLong());
        assertTrue(role.path("assumeRolePolicyDocument").asText().contains("ecs.aliyuncs.com"));
        assertEquals(1, state.path("policies").size(), "system policies are left out");
        assertEquals("v1", state.path("policies").get(0).path("versions").get(0).path("versionId").asText());
        JsonNode attachment = state.path("attachments").get(0);
        assertEquals("read-logs/Custom/Role/app", attachment.path("policyName").asText() + "/"
                + attachment.path("policyType").asText() + "/" + attachment.path("principalType").asText() + "/"
                + attachment.path("principalName").asText());
        assertEquals("app", state.path("instances").get(0).path("ramRoleName").asText());
    }

    @Test
    void callsAreRecordedInOrderWithoutSecrets() throws Exception {
        EMULATOR.send(root, createRole("fc-exec", TrustPolicies.service("fc.aliyuncs.com")));
        SessionCredentials fc = control.serviceCredentials("fc-exec");
        EMULATOR.send(SdkClients.client(fc.accessKeyId(), fc.accessKeySecret(), fc.securityToken(),
                EmulatorExtension.REGION), new GetCallerIdentityRequest());
        GetPolicyRequest missing = new GetPolicyRequest();
        missing.setPolicyType("Custom");
        missing.setPolicyName("nope");
        EMULATOR.failure(root, missing);

        ArrayNode calls = control.calls();

        assertEquals(3, calls.size());
        assertEquals("Ram/CreateRole/200", describe(calls.get(0)));
        assertEquals("Sts/GetCallerIdentity/200", describe(calls.get(1)));
        assertEquals("Ram/GetPolicy/404", describe(calls.get(2)));
        assertEquals("EntityNotExist.Policy", calls.get(2).path("code").asText());
        assertTrue(calls.get(0).path("code").isNull());
        assertTrue(calls.get(1).path("seq").asLong() > calls.get(0).path("seq").asLong());
        assertEquals("acs:ram::" + EMULATOR.accountId() + ":root", calls.get(0).path("principal").asText());
        assertEquals("acs:ram::" + EMULATOR.accountId() + ":assumed-role/fc-exec/fc.aliyuncs.com",
                calls.get(1).path("principal").asText());
        assertEquals("fc-exec", calls.get(0).path("params").path("RoleName").asText());
        String all = calls.toString();
        assertFalse(all.contains("\"Signature\""), all);
        assertFalse(all.contains("SecurityToken"), all);
        assertFalse(all.contains(fc.securityToken()), all);
        assertFalse(all.contains(fc.accessKeySecret()), all);
        assertFalse(all.contains(EMULATOR.emulator().rootAccessKeySecret()), all);
        control.clearCalls();
        assertEquals(0, control.calls().size());
    }

    @Test
    void resetEmptiesTheAccountButKeepsKeysAndSystemPolicies() throws Exception {
        EMULATOR.send(root, createRole("app", TrustPolicies.ecs()));
        control.createInstance(NewInstance.vpc("cn-hangzhou"));
        control.createUser("alice");
        control.setClockOffset(Duration.ofHours(1));

        control.reset();
        JsonNode state = control.state();
        GetPolicyRequest admin = new GetPolicyRequest();
        admin.setPolicyType("System");
        admin.setPolicyName("AdministratorAccess");

        assertEquals(0, state.path("roles").size());
        assertEquals(0, state.path("instances").size());
        assertEquals(0, state.path("users").size());
        assertEquals(0, control.settings().path("clockOffsetMs").asLong());
        assertEquals("AdministratorAccess", EMULATOR.send(root, admin).getPolicy().getPolicyName());
    }

    private static String describe(JsonNode call) {
        return call.path("product").asText() + "/" + call.path("action").asText() + "/" + call.path("httpStatus").asInt();
    }

    private static String refused(Runnable call) {
        return assertThrows(EmulatorControlException.class, call::run).code();
    }
}
