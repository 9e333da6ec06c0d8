package io.instancerole.cloud.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.model.Caller;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.model.UserName;
import io.instancerole.domain.port.CallerIdentity;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.port.CloudSession;
import io.instancerole.emulator.client.FaultSpec;
import io.instancerole.emulator.client.SessionCredentials;
import io.instancerole.emulator.client.UserKeys;
import io.instancerole.emulator.testing.EmulatorExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sessions through the real SDK against the emulator: credentials, retries, request ids, the operator role. */
class AliyunCloudSessionsTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static final RoleName WEB = RoleName.of("team-a-web");
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @Test
    void stsTellsWhoTheSessionIs() {
        CallerIdentity identity = Emulated.rootSessions(EMULATOR, sleeper).open(Emulated.ALICE).sts().getCallerIdentity();

        assertEquals(EMULATOR.accountId(), identity.accountId());
        assertEquals("Account", identity.identityType());
        assertEquals("acs:ram::" + EMULATOR.accountId() + ":root", identity.arn());
    }

    @Test
    void recordsTheRequestIdOfEveryCallSuccessOrError() {
        CloudSession session = Emulated.rootSessions(EMULATOR, sleeper).open(Emulated.ALICE);

        session.sts().getCallerIdentity();
        assertFalse(session.ram().getRole(WEB).isPresent());
        session.ram().createRole(WEB, Emulated.ECS_TRUST, null, null, Map.of());
        CloudException conflict = assertThrows(CloudException.class, () -> session.ram().createRole(WEB, Emulated.ECS_TRUST, null, null, Map.of()));

        List<String> ids = session.cloudRequestIds();
        assertEquals(4, ids.size(), ids.toString());
        assertEquals(4, new HashSet<>(ids).size(), "one id per answer");
        assertEquals(conflict.requestId(), ids.get(3));
        assertTrue(Emulated.rootSessions(EMULATOR, sleeper).open(Emulated.ALICE).cloudRequestIds().isEmpty(), "sessions do not share ids");
    }

    @Test
    void throttlingIsRetriedWithBackoffAndThenSucceeds() {
        EMULATOR.control().addFault(FaultSpec.of("GetCallerIdentity", "Throttling.User", 400).times(2));
        CloudSession session = Emulated.rootSessions(EMULATOR, sleeper).open(Emulated.ALICE);

        assertEquals(EMULATOR.accountId(), session.sts().getCallerIdentity().accountId());

        List<JsonNode> calls = Emulated.calls(EMULATOR, "GetCallerIdentity");
        assertEquals(3, calls.size());
        assertEquals("Throttling.User", calls.get(0).path("code").asText());
        assertEquals(200, calls.get(2).path("httpStatus").asInt());
        Set<String> nonces = new HashSet<>();
        calls.forEach(call -> nonces.add(call.path("params").path("SignatureNonce").asText()));
        assertEquals(3, nonces.size(), "a new SignatureNonce per attempt");
        assertEquals(2, sleeper.waits().size());
        assertTrue(sleeper.waits().get(1).compareTo(sleeper.waits().get(0).dividedBy(2)) >= 0);
        assertEquals(3, session.cloudRequestIds().size(), "the throttled answers' ids too");
    }

    @Test
    void persistentThrottlingIsReportedAfterTheLastAttempt() {
        EMULATOR.control().addFault(FaultSpec.of("ListPoliciesForRole", "Throttling.User", 400).times(10));
        CloudSession session = Emulated.rootSessions(EMULATOR, sleeper).open(Emulated.ALICE);

        CloudException e = assertThrows(CloudException.class, () -> session.ram().listPoliciesForRole(WEB));

        assertEquals(CloudException.Kind.THROTTLED, e.kind());
        assertEquals("Throttling.User", e.code());
        assertEquals(400, e.httpStatus());
        assertEquals(Backoff.DEFAULT.maxAttempts(), Emulated.calls(EMULATOR, "ListPoliciesForRole").size());
        assertEquals(Backoff.DEFAULT.maxAttempts() - 1, sleeper.waits().size());
        for (Duration wait : sleeper.waits()) {
            assertTrue(wait.compareTo(Duration.ofSeconds(2)) <= 0, wait.toString());
        }
    }

    @Test
    void anOutageIsReportedUnavailableAfterRetries() {
        EMULATOR.control().addFault(FaultSpec.of("DescribeInstances", "ServiceUnavailable", 503).times(10));
        CloudSession session = Emulated.rootSessions(EMULATOR, sleeper).open(Emulated.ALICE);

        CloudException e = assertThrows(CloudException.class,
                () -> session.ecs().describeInstances(Emulated.REGION, List.of(io.instancerole.domain.model.InstanceId.of("i-abcd1234"))));

        assertEquals(CloudException.Kind.UNAVAILABLE, e.kind());
        assertEquals(503, e.httpStatus());
        assertEquals(4, Emulated.calls(EMULATOR, "DescribeInstances").size());
        assertTrue(e.requestId() != null && !e.requestId().isEmpty());
    }

    @Test
    void aPermissionErrorIsNotRetried() {
        UserKeys nobody = EMULATOR.control().createUser("nobody");
        CredentialsSource keys = () -> Optional.of(new CloudCredentials(nobody.accessKeyId(), nobody.accessKeySecret(), null));
        CloudSession session = Emulated.sessions(EMULATOR, keys, null, sleeper, Clock.systemUTC()).open(Emulated.ALICE);

        CloudException e = assertThrows(CloudException.class, () -> session.ram().getRole(WEB));

        assertEquals(CloudException.Kind.DENIED, e.kind());
        assertEquals("NoPermission", e.code());
        assertEquals(403, e.httpStatus());
        assertEquals(1, Emulated.calls(EMULATOR, "GetRole").size());
        assertTrue(sleeper.waits().isEmpty());
    }

    @Test
    void aWrongSecretIsDeniedAndNoSecretReachesTheMessage() {
        String keyId = EMULATOR.emulator().rootAccessKeyId();
        CloudCredentials wrong = new CloudCredentials(keyId, "not-the-secret-123", "some-token-456");
        CloudSession session = Emulated.sessions(EMULATOR, () -> Optional.of(wrong), null, sleeper, Clock.systemUTC()).open(Emulated.ALICE);

        CloudException e = assertThrows(CloudException.class, () -> session.sts().getCallerIdentity());

        assertEquals(CloudException.Kind.DENIED, e.kind());
        assertFalse(e.getMessage().contains("not-the-secret-123") || e.getMessage().contains("some-token-456"), e.getMessage());
        assertEquals(1, Emulated.calls(EMULATOR, "GetCallerIdentity").size());
    }

    @Test
    void signsWithTheStandardEnvironmentVariables() {
        UserKeys deployer = EMULATOR.control().createUser("deployer");
        EnvironmentCredentials environment = EnvironmentCredentials.from(Map.of(
                EnvironmentCredentials.ACCESS_KEY_ID, deployer.accessKeyId(),
                EnvironmentCredentials.ACCESS_KEY_SECRET, deployer.accessKeySecret()));

        CallerIdentity identity = Emulated.sessions(EMULATOR, environment, null, sleeper, Clock.systemUTC())
                .open(Emulated.ALICE).sts().getCallerIdentity();

        assertEquals("RAMUser", identity.identityType());
        assertEquals("acs:ram::" + EMULATOR.accountId() + ":user/deployer", identity.arn());
    }

    @Test
    void signsWithTheLatestExecutionCredentialsOfTheFunction() {
        CloudSession root = Emulated.rootSessions(EMULATOR, sleeper).open(Emulated.ALICE);
        RoleName serviceRole = RoleName.of("instance-role-fc");
        root.ram().createRole(serviceRole, "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":[\"fc.aliyuncs.com\"]}}],\"Version\":\"1\"}", null, null, Map.of());
        root.ram().attachPolicyToRole(PolicyName.of("AliyunRAMFullAccess"), PolicyType.System, serviceRole);
        SessionCredentials fc = EMULATOR.control().serviceCredentials(serviceRole.value());
        ExecutionCredentials execution = new ExecutionCredentials();
        execution.update(fc.accessKeyId(), fc.accessKeySecret(), fc.securityToken());
        CredentialsSource chain = CredentialsSource.firstAvailable(execution, EnvironmentCredentials.from(Map.of()));

        CloudSession session = Emulated.sessions(EMULATOR, chain, null, sleeper, Clock.systemUTC()).open(Emulated.ALICE);
        session.ram().createRole(WEB, Emulated.ECS_TRUST, null, null, Map.of());

        JsonNode createRole = Emulated.calls(EMULATOR, "CreateRole").get(1);
        assertTrue(createRole.path("principal").asText().toLowerCase().contains(":assumed-role/instance-role-fc/"), createRole.toString());
    }

    @Test
    void anOperatorRoleSessionIsNamedAfterTheCallerAndReusedUntilNearExpiry() {
        String operatorArn = operatorRole();
        UserKeys deployer = EMULATOR.control().createUser("deployer");
        CloudSession root = Emulated.rootSessions(EMULATOR, sleeper).open(Emulated.ALICE);
        root.ram().attachPolicyToUser(PolicyName.of("AliyunSTSAssumeRoleAccess"), PolicyType.System, UserName.of("deployer"));
        CredentialsSource deployerKeys = () -> Optional.of(new CloudCredentials(deployer.accessKeyId(), deployer.accessKeySecret(), null));
        MovableClock clock = new MovableClock();
        AliyunCloudSessions sessions = Emulated.sessions(EMULATOR, deployerKeys, operatorArn, sleeper, clock);
        EMULATOR.control().clearCalls();

        CloudSession first = sessions.open(Emulated.ALICE);
        CallerIdentity identity = first.sts().getCallerIdentity();
        sessions.open(Emulated.ALICE).ram().getRole(WEB);
        sessions.open(Caller.of("bob/smith", "team-b")).ram().getRole(WEB);

        assertEquals("AssumedRoleUser", identity.identityType());
        assertTrue(identity.arn().endsWith("/alice@example.com"), identity.arn());
        List<JsonNode> assumes = Emulated.calls(EMULATOR, "AssumeRole");
        assertEquals(2, assumes.size(), "one session per caller, reused");
        assertEquals("alice@example.com", assumes.get(0).path("params").path("RoleSessionName").asText());
        assertTrue(assumes.get(0).path("principal").asText().endsWith(":user/deployer"));
        assertTrue(assumes.get(1).path("params").path("RoleSessionName").asText().startsWith("bob-smith-"));
        assertEquals(2, first.cloudRequestIds().size(), "AssumeRole's request id is in the session that needed it");
        JsonNode getRole = Emulated.calls(EMULATOR, "GetRole").get(0);
        assertTrue(getRole.path("principal").asText().endsWith("/alice@example.com"), getRole.toString());

        clock.advance(Duration.ofMinutes(56));
        sessions.open(Emulated.ALICE).sts().getCallerIdentity();
        assertEquals(3, Emulated.calls(EMULATOR, "AssumeRole").size(), "renewed within 5 minutes of expiry");
    }

    @Test
    void theDaggerModuleWiresSessionsFromTheDeploymentEnvironment() {
        String operatorArn = operatorRole();
        Map<String, String> environment = Map.of(CloudConfig.ENDPOINT_VARIABLE, EMULATOR.endpoint(), "OPERATOR_ROLE_ARN", operatorArn);
        TestCloudComponent component = DaggerTestCloudComponent.factory().create(environment, CloudConfig.fromEnvironment(environment),
                Emulated.root(EMULATOR), sleeper, Clock.systemUTC());

        assertTrue(component.cloudSessions() == component.cloudSessions(), "one per component: it holds the client caches");
        CallerIdentity identity = component.cloudSessions().open(Emulated.ALICE).sts().getCallerIdentity();

        assertEquals(EMULATOR.accountId(), identity.accountId());
        assertTrue(identity.arn().endsWith(":assumed-role/instance-role-operator/alice@example.com"), identity.arn());
    }

    /** A role the account's principals may assume, allowed to do everything. */
    private static String operatorRole() {
        CloudSession root = Emulated.rootSessions(EMULATOR, new RecordingSleeper()).open(Emulated.ALICE);
        RoleName operator = RoleName.of("instance-role-operator");
        String trust = "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"RAM\":[\"acs:ram::"
                + EMULATOR.accountId() + ":root\"]}}],\"Version\":\"1\"}";
        String arn = root.ram().createRole(operator, trust, null, null, Map.of()).arn();
        root.ram().attachPolicyToRole(PolicyName.of("AdministratorAccess"), PolicyType.System, operator);
        return arn;
    }

    /** A clock a test moves forward by hand. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
