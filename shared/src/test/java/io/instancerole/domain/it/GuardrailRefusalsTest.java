package io.instancerole.domain.it;

import static io.instancerole.domain.it.Deployment.ADMIN;
import static io.instancerole.domain.it.Deployment.TEAM_A;
import static io.instancerole.domain.it.Deployment.TEAM_B;
import static io.instancerole.domain.it.Requests.READ_BUCKET;
import static io.instancerole.domain.it.Requests.bind;
import static io.instancerole.domain.it.Requests.codes;
import static io.instancerole.domain.it.Requests.createPolicy;
import static io.instancerole.domain.it.Requests.createRole;
import static io.instancerole.domain.it.Requests.grant;
import static io.instancerole.domain.it.Requests.replace;
import static io.instancerole.domain.it.Requests.statuses;
import static io.instancerole.domain.it.Requests.unbind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.authorize.CreatePolicyResult;
import io.instancerole.domain.binding.BatchResult;
import io.instancerole.domain.binding.InstanceIdBatch;
import io.instancerole.domain.binding.UnbindRequest;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.error.FieldError;
import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.policy.Finding;
import io.instancerole.domain.policy.FindingLevel;
import io.instancerole.domain.service.Status;
import io.instancerole.emulator.client.NewInstance;
import io.instancerole.emulator.testing.EmulatorExtension;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Every guardrail refusal through the real adapters: the refused request changes nothing in the
 * cloud, and a request-level refusal is decided before any cloud call. Each rule is also shown
 * letting through what it should (an admin, the team's own things), so the refusal is the rule's.
 */
class GuardrailRefusalsTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static final String PASS_ANY_ROLE = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ram:PassRole\",\"Resource\":\"*\"}]}";

    private final Account account = new Account(EMULATOR);
    private ServiceRole serviceRole;
    private Deployment api;
    private String mine;
    private String theirs;

    @BeforeEach
    void deploy() {
        serviceRole = ServiceRole.createIn(EMULATOR);
        api = Deployment.of(serviceRole, EMULATOR);
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-web"));
        api.roles.createRole(api.as(TEAM_B), createRole("team-b-web"));
        mine = account.instance(TEAM_A);
        theirs = account.instance(TEAM_B);
        api.bindings.bind(api.as(TEAM_B), bind("team-b-web", List.of(theirs)));
        account.control().createUser("deployer");
    }

    @Test
    void teamPrefixRuleKeepsATeamToItsOwnRolesAndPolicies() {
        assertRule("team prefix rule", refusedBeforeAnyCall(ErrorCode.Forbidden,
                () -> api.roles.createRole(api.as(TEAM_A), createRole("team-b-api"))));
        assertRule("team prefix rule", refusedBeforeAnyCall(ErrorCode.Forbidden,
                () -> api.policies.createPolicy(api.as(TEAM_A), createPolicy("team-b-bucket", READ_BUCKET))));
        assertRule("team prefix rule", refusedBeforeAnyCall(ErrorCode.Forbidden,
                () -> api.policies.createPolicy(api.as(TEAM_A), createPolicy("team-a-bucket", READ_BUCKET, "team-a-web", "team-b-web"))));
        assertRule("team prefix rule", refusedBeforeAnyCall(ErrorCode.Forbidden,
                () -> api.bindings.bind(api.as(TEAM_A), bind("team-b-web", List.of(mine)))));
        assertRule("team prefix rule", refusedBeforeAnyCall(ErrorCode.Forbidden,
                () -> api.bindings.replace(api.as(TEAM_A), replace("team-b-web", null, List.of(mine)))));
        assertRule("team prefix rule", refusedBeforeAnyCall(ErrorCode.Forbidden,
                () -> api.describe.describeRole(api.as(TEAM_A), RoleName.of("team-b-web"))));

        assertFalse(account.role("team-b-api").isPresent());
        assertFalse(account.policy("team-b-bucket").isPresent());
        assertFalse(account.policy("team-a-bucket").isPresent(), "nothing of a half-refused request was created");
        assertEquals(Status.CREATED, api.roles.createRole(api.as(ADMIN), createRole("team-b-api")).status(), "an admin may");
    }

    @Test
    void ownerTagRuleFailsOnlyTheInstancesOfOtherTeams() {
        String untagged = account.control().createInstance(NewInstance.vpc(Account.REGION));
        account.clearCalls();

        BatchResult result = api.bindings.bind(api.as(TEAM_A), bind("team-a-web", List.of(theirs, mine, untagged)));

        assertEquals(List.of("failed", "bound", "failed"), statuses(result));
        // another team's instance and an untagged one fail as a missing one would
        assertEquals(Arrays.asList("InstanceNotFound", null, "InstanceNotFound"), codes(result));
        assertTrue(result.results().get(0).message().contains("owner tag rule"), result.results().get(0).message());
        assertEquals(207, result.httpStatus());
        assertEquals(Arrays.asList("team-b-web", "team-a-web", null), account.rolesOf(List.of(theirs, mine, untagged)));
        assertEquals(List.of(List.of(mine)), account.calls("AttachInstanceRamRole").stream().map(Account::instanceIds).collect(Collectors.toList()),
                "only the team's own instance reached ECS");

        JsonNode before = account.state();
        account.clearCalls();
        assertEquals(List.of("InstanceNotFound"), codes(api.bindings.replace(api.as(TEAM_A), replace("team-a-web", null, List.of(theirs)))));
        assertEquals(List.of("InstanceNotFound"), codes(api.bindings.unbind(api.as(TEAM_A), unbind(null, List.of(theirs)))));
        assertEquals(before, account.state());
        assertEquals(List.of(), account.writes());

        assertRule("owner tag rule", refused(ErrorCode.InstanceNotFound,
                () -> api.describe.describeInstanceRole(api.as(TEAM_A), null, InstanceId.of(theirs))));
        assertEquals("team-b-web", api.describe.describeInstanceRole(api.as(ADMIN), null, InstanceId.of(theirs)).roleName(), "an admin may");
    }

    @Test
    void passRoleRuleGrantsOnlyTheTeamsOwnRoles() {
        assertRule("team prefix rule", refusedBeforeAnyCall(ErrorCode.Forbidden,
                () -> api.grants.grant(api.as(TEAM_A), grant("deployer", "team-b-web"))));
        assertRule("team prefix rule", refusedBeforeAnyCall(ErrorCode.Forbidden,
                () -> api.grants.grant(api.as(TEAM_A), grant("deployer", "team-a-web", "team-b-web"))));

        assertEquals(List.of(), account.policiesOf("User", "deployer"));
        assertEquals(Status.CREATED, api.grants.grant(api.as(TEAM_A), grant("deployer", "team-a-web")).status());
    }

    @Test
    void aPolicyWithSecurityWarningsIsTooBroadForATeamButNotForAnAdmin() {
        DomainException tooBroad = refusedBeforeAnyCall(ErrorCode.PolicyTooBroad,
                () -> api.policies.createPolicy(api.as(TEAM_A), createPolicy("team-a-deploy", PASS_ANY_ROLE, "team-a-web")));

        assertRule("policy findings rule", tooBroad);
        assertEquals(403, tooBroad.code().httpStatus());
        assertTrue(findingCodes(tooBroad.details()).contains("PASS_ROLE_WITH_STAR_IN_RESOURCE"), tooBroad.details().toString());
        assertFalse(account.policy("team-a-deploy").isPresent());

        CreatePolicyResult admin = api.policies.createPolicy(api.as(ADMIN), createPolicy("platform-deploy", PASS_ANY_ROLE));
        assertEquals(Status.CREATED, admin.status());
        assertTrue(admin.findings().stream().anyMatch(f -> f.level() == FindingLevel.SECURITY_WARNING), admin.findings().toString());
        assertTrue(account.policy("platform-deploy").isPresent());
    }

    @Test
    void blockedSystemPoliciesAreForAdminsOnly() {
        assertRule("blocked system policy rule", refusedBeforeAnyCall(ErrorCode.Forbidden,
                () -> api.policies.attachPolicy(api.as(TEAM_A), Requests.attachPolicy("team-a-web", "AdministratorAccess", PolicyType.System))));
        assertRule("blocked system policy rule", refusedBeforeAnyCall(ErrorCode.Forbidden,
                () -> api.policies.attachPolicy(api.as(TEAM_A), Requests.attachPolicy("team-a-web", "aliyunecsfullaccess", PolicyType.System))));
        assertEquals(List.of(), account.policiesOf("Role", "team-a-web"));

        assertEquals(Status.ATTACHED, api.policies.attachPolicy(api.as(TEAM_A),
                Requests.attachPolicy("team-a-web", "AliyunECSReadOnlyAccess", PolicyType.System)).status(), "a system policy not on the list");
        assertEquals(Status.ATTACHED, api.policies.attachPolicy(api.as(ADMIN),
                Requests.attachPolicy("team-a-web", "AdministratorAccess", PolicyType.System)).status(), "an admin may");
        assertEquals(List.of("System:AliyunECSReadOnlyAccess", "System:AdministratorAccess"), account.policiesOf("Role", "team-a-web"));
    }

    @Test
    void aRegionOutsideAllowedRegionsIsRefusedForEveryone() {
        Deployment regional = Deployment.of(serviceRole, EMULATOR, Map.of("ALLOWED_REGIONS", "cn-hangzhou,cn-beijing"));

        DomainException refused = refusedBeforeAnyCall(ErrorCode.InvalidParameter,
                () -> regional.bindings.bind(regional.as(ADMIN), bind("cn-shanghai", "team-a-web", List.of(mine))));
        assertEquals("regionId", ((FieldError) refused.details().get(0)).field());
        assertTrue(refused.getMessage().contains("cn-hangzhou, cn-beijing"), refused.getMessage());
        refusedBeforeAnyCall(ErrorCode.InvalidParameter,
                () -> regional.bindings.unbind(regional.as(TEAM_A),
                        UnbindRequest.of(RegionId.of("cn-shanghai"), InstanceIdBatch.parse(List.of(mine)), null)));
        refusedBeforeAnyCall(ErrorCode.InvalidParameter,
                () -> regional.describe.describeInstanceRole(regional.as(TEAM_A), RegionId.of("cn-shanghai"), InstanceId.of(mine)));

        assertEquals(List.of("bound"), statuses(regional.bindings.bind(regional.as(TEAM_A), bind(Account.REGION, "team-a-web", List.of(mine)))));
        assertEquals("team-a-web", account.roleOf(mine));
    }

    /** The refusal, after checking it changed nothing and made no mutating cloud call. */
    private DomainException refused(ErrorCode code, Executable request) {
        JsonNode before = account.state();
        account.clearCalls();
        DomainException e = assertThrows(DomainException.class, request);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(before, account.state(), "a refused request changes nothing");
        assertEquals(List.of(), account.writes());
        return e;
    }

    /** A request-level rule: decided from the request alone, so the cloud is not even asked. */
    private DomainException refusedBeforeAnyCall(ErrorCode code, Executable request) {
        DomainException e = refused(code, request);
        assertEquals(List.of(), account.actions(), "refused before any cloud call");
        return e;
    }

    private static void assertRule(String rule, DomainException e) {
        assertTrue(e.getMessage().contains(rule), "the message names the rule: " + e.getMessage());
    }

    private static List<String> findingCodes(List<?> details) {
        return details.stream().map(d -> ((Finding) d).code()).collect(Collectors.toList());
    }
}
