package io.instancerole.domain.it;

import static io.instancerole.domain.it.Deployment.ADMIN;
import static io.instancerole.domain.it.Deployment.TEAM_A;
import static io.instancerole.domain.it.Deployment.TEAM_B;
import static io.instancerole.domain.it.Requests.READ_BUCKET;
import static io.instancerole.domain.it.Requests.attachPolicy;
import static io.instancerole.domain.it.Requests.bind;
import static io.instancerole.domain.it.Requests.codes;
import static io.instancerole.domain.it.Requests.createPolicy;
import static io.instancerole.domain.it.Requests.createRole;
import static io.instancerole.domain.it.Requests.grant;
import static io.instancerole.domain.it.Requests.unbind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.authorize.CreatePolicyResult;
import io.instancerole.domain.authorize.RoleAttachment;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.service.Status;
import io.instancerole.emulator.client.FaultSpec;
import io.instancerole.emulator.client.NewInstance;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.emulator.testing.SdkRequests;
import io.instancerole.emulator.testing.TrustPolicies;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * An attacker in team A against the ownership rules, through the services on the real SDK with
 * the template's service role: the prefix collision with team {@code team-a-b}, probing what other
 * teams have, re-tagged roles, unknown regions, and RAM's limit of five policies halfway through.
 */
class OwnershipAttackTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static final String TEAM_A_B = "team-a-b";

    private final Account account = new Account(EMULATOR);
    private Deployment api;

    @BeforeEach
    void deploy() {
        api = Deployment.of(ServiceRole.createIn(EMULATOR), EMULATOR);
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-web"));
        api.roles.createRole(api.as(TEAM_A_B), createRole("team-a-b-web"));
        account.control().createUser("deployer");
    }

    @Test
    void teamANeverActsOnTeamABsRolesThoughTheNameHasItsPrefix() {
        String instanceOfA = account.instance(TEAM_A);
        // made before the API: untagged, but in team-a-b's namespace
        rootCreatesRole("team-a-b-legacy");

        for (String role : List.of("team-a-b-web", "team-a-b-legacy", "team-a-b-not-there")) {
            assertCollision(refused(() -> api.describe.describeRole(api.as(TEAM_A), RoleName.of(role))), role);
            assertCollision(refused(() -> api.bindings.bind(api.as(TEAM_A), bind(role, List.of(instanceOfA)))), role);
            assertCollision(refused(() -> api.bindings.unbind(api.as(TEAM_A), unbind(role, List.of(instanceOfA)))), role);
            assertCollision(refused(() -> api.grants.grant(api.as(TEAM_A), grant("deployer", role))), role);
            assertCollision(refused(() -> api.policies.createPolicy(api.as(TEAM_A), createPolicy("team-a-read", READ_BUCKET, role))), role);
            assertCollision(refused(() -> api.policies.attachPolicy(api.as(TEAM_A), attachPolicy(role, "AliyunOSSReadOnlyAccess",
                    PolicyType.System))), role);
            assertCollision(refused(() -> api.roles.createRole(api.as(TEAM_A), createRole(role, "taken over", null))), role);
        }

        assertFalse(account.policy("team-a-read").isPresent());
        assertEquals("team-a-b-web", api.describe.describeRole(api.as(TEAM_A_B), RoleName.of("team-a-b-web")).role().roleName());
        assertEquals("team-a-b-legacy", api.describe.describeRole(api.as(TEAM_A_B), RoleName.of("team-a-b-legacy")).role().roleName(),
                "the untagged role falls back to the prefix of its real team");
        assertEquals("team-a-web", api.describe.describeRole(api.as(TEAM_A), RoleName.of("team-a-web")).role().roleName());
    }

    @Test
    void anotherTeamsResourceAndAMissingOneAnswerAlike() {
        String theirs = account.instance(TEAM_B);
        String untagged = account.control().createInstance(NewInstance.vpc(Account.REGION));
        // an admin made a role in team A's namespace for itself: tagged, and not team A's
        api.roles.createRole(api.as(ADMIN), createRole("team-a-platform-owned"));

        DomainException otherInstance = refused(() -> api.describe.describeInstanceRole(api.as(TEAM_A), null, InstanceId.of(theirs)));
        DomainException untaggedInstance = refused(() -> api.describe.describeInstanceRole(api.as(TEAM_A), null, InstanceId.of(untagged)));
        DomainException missingInstance = refused(() -> api.describe.describeInstanceRole(api.as(TEAM_A), null, InstanceId.of("i-gone0000")));
        assertAlike(missingInstance, "i-gone0000", otherInstance, theirs);
        assertAlike(missingInstance, "i-gone0000", untaggedInstance, untagged);

        DomainException otherRole = refused(() -> api.describe.describeRole(api.as(TEAM_A), RoleName.of("team-a-platform-owned")));
        DomainException missingRole = refused(() -> api.describe.describeRole(api.as(TEAM_A), RoleName.of("team-a-nothing-here")));
        assertAlike(missingRole, "team-a-nothing-here", otherRole, "team-a-platform-owned");
        DomainException bindOther = refused(() -> api.bindings.bind(api.as(TEAM_A), bind("team-a-platform-owned", List.of(theirs))));
        DomainException bindMissing = refused(() -> api.bindings.bind(api.as(TEAM_A), bind("team-a-nothing-here", List.of(theirs))));
        assertAlike(bindMissing, "team-a-nothing-here", bindOther, "team-a-platform-owned");
        DomainException grantOther = refused(() -> api.grants.grant(api.as(TEAM_A), grant("deployer", "team-a-platform-owned")));
        assertEquals(ErrorCode.RoleNotFound, grantOther.code());

        List<String> batch = List.of(theirs, "i-gone0000");
        JsonNode before = account.state();
        List<String> codes = codes(api.bindings.unbind(api.as(TEAM_A), unbind(null, batch)));
        assertEquals(List.of("InstanceNotFound", "InstanceNotFound"), codes);
        assertEquals(before, account.state());
    }

    @Test
    void aTeamNamedLikeTheGrantPoliciesCannotTakeOverOrPlantAGrant() {
        String squatter = "passrole";
        api.roles.createRole(api.as(TEAM_B), createRole("team-b-web"));
        String teamAGrant = api.grants.grant(api.as(TEAM_A), grant("deployer", "team-a-web")).policyName();
        JsonNode teamAGrantBefore = account.defaultDocument(teamAGrant);

        // rewrite team A's grant policy: its name has the squatter's prefix, its tag is team A's
        DomainException takeover = refused(() -> api.policies.createPolicy(api.as(squatter), createPolicy(teamAGrant, READ_BUCKET)));
        assertEquals(ErrorCode.Forbidden, takeover.code());
        assertEquals(teamAGrantBefore, account.defaultDocument(teamAGrant));

        // plant a policy under the name team B's grant will use, and wait for team B to attach it
        String teamBGrant = api.grants.grant(api.as(TEAM_B, true), grant("deployer", "team-b-web")).policyName();
        assertEquals(Status.CREATED, api.policies.createPolicy(api.as(squatter), createPolicy(teamBGrant, READ_BUCKET)).status());
        DomainException planted = refused(() -> api.grants.grant(api.as(TEAM_B), grant("deployer", "team-b-web")));

        assertEquals(ErrorCode.Conflict, planted.code());
        assertTrue(planted.getMessage().contains("left untouched"), planted.getMessage());
        assertEquals(List.of("Custom:" + teamAGrant), account.policiesOf("User", "deployer"), "the planted policy never reached the user");
    }

    @Test
    void aReTaggedRoleFollowsItsTagNotItsName() throws ClientException {
        assertEquals("team-a-web", api.describe.describeRole(api.as(TEAM_A), RoleName.of("team-a-web")).role().roleName());

        tagRole("team-a-web", TEAM_B);
        DomainException lost = refused(() -> api.describe.describeRole(api.as(TEAM_A), RoleName.of("team-a-web")));
        DomainException lostGrant = refused(() -> api.grants.grant(api.as(TEAM_A), grant("deployer", "team-a-web")));
        tagRole("team-a-web", TEAM_A);

        assertEquals(ErrorCode.RoleNotFound, lost.code());
        assertEquals(ErrorCode.RoleNotFound, lostGrant.code());
        assertEquals("team-a-web", api.describe.describeRole(api.as(TEAM_A), RoleName.of("team-a-web")).role().roleName());
    }

    @Test
    void anUnknownRegionIsRefusedBeforeAnyCloudCall() {
        String mine = account.instance(TEAM_A);
        account.clearCalls();

        DomainException bind = assertThrows(DomainException.class,
                () -> api.bindings.bind(api.as(TEAM_A), bind("xx-nowhere", "team-a-web", List.of(mine))));
        DomainException describe = assertThrows(DomainException.class,
                () -> api.describe.describeInstanceRole(api.as(ADMIN), RegionId.of("xx-nowhere"), InstanceId.of(mine)));

        assertEquals(ErrorCode.InvalidParameter, bind.code());
        assertEquals(400, bind.code().httpStatus());
        assertTrue(bind.getMessage().contains("'xx-nowhere' is not an Alibaba Cloud region"), bind.getMessage());
        assertEquals(ErrorCode.InvalidParameter, describe.code(), "admins too");
        assertEquals(List.of(), account.actions());
    }

    @Test
    void aRoleAtRamsLimitOfFivePoliciesIsFoundBeforeAnythingIsCreated() throws ClientException {
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-full"));
        for (int i = 0; i < 5; i++) {
            EMULATOR.send(EMULATOR.root(), SdkRequests.createPolicy("team-a-p" + i, READ_BUCKET));
            EMULATOR.send(EMULATOR.root(), SdkRequests.attachPolicyToRole("Custom", "team-a-p" + i, "team-a-full"));
        }

        DomainException full = refused(() -> api.policies.createPolicy(api.as(TEAM_A),
                createPolicy("team-a-read", READ_BUCKET, "team-a-web", "team-a-full")));

        assertEquals(ErrorCode.Conflict, full.code());
        assertTrue(full.getMessage().contains("role 'team-a-full' already has 5 Custom policies attached"), full.getMessage());
        assertFalse(account.policy("team-a-read").isPresent());
        assertEquals(List.of(), account.policiesOf("Role", "team-a-web"));
    }

    @Test
    void anAttachTheCloudStillRefusesAfterThePolicyWasMadeIs207AndARetryFinishes() {
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-api"));
        // the limit reached between the check and the attach, e.g. by a concurrent request
        account.control().addFault(FaultSpec.of("AttachPolicyToRole", "LimitExceeded.Role.Policy", 409));

        CreatePolicyResult half = api.policies.createPolicy(api.as(TEAM_A), createPolicy("team-a-read", READ_BUCKET, "team-a-web", "team-a-api"));

        assertEquals(207, half.httpStatus());
        assertEquals(Status.CREATED, half.status());
        assertEquals(List.of(Status.FAILED, Status.ATTACHED), attachmentStatuses(half));
        assertEquals("LimitExceeded.Role.Policy", half.attachments().get(0).code());
        assertTrue(account.policy("team-a-read").isPresent());
        assertEquals("team-a", account.policy("team-a-read").orElseThrow().path("tags").path("team").asText());

        CreatePolicyResult retry = api.policies.createPolicy(api.as(TEAM_A), createPolicy("team-a-read", READ_BUCKET, "team-a-web", "team-a-api"));
        assertEquals(200, retry.httpStatus());
        assertEquals(List.of(Status.ATTACHED, Status.ALREADY_ATTACHED), attachmentStatuses(retry));
        assertEquals(List.of("Custom:team-a-read"), account.policiesOf("Role", "team-a-web"));
    }

    @Test
    void whatTheApiCreatesCarriesTheOwnerTag() {
        JsonNode role = account.role("team-a-web").orElseThrow();
        assertEquals("team-a", role.path("tags").path("team").asText());
        api.roles.createRole(api.as(ADMIN), createRole("shared-tools"));
        assertEquals("platform", account.role("shared-tools").orElseThrow().path("tags").path("team").asText());
    }

    private static List<Status> attachmentStatuses(CreatePolicyResult result) {
        return result.attachments().stream().map(RoleAttachment::status).collect(Collectors.toList());
    }

    private static void assertCollision(DomainException e, String role) {
        assertEquals(ErrorCode.Forbidden, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("'" + role + "' also fits the prefix 'team-a-b-' of team 'team-a-b'"), e.getMessage());
    }

    /** Same status, same code, same words but for the name. */
    private static void assertAlike(DomainException missing, String missingName, DomainException other, String otherName) {
        assertEquals(missing.code(), other.code());
        assertEquals(missing.getMessage().replace(missingName, otherName), other.getMessage());
    }

    /** The refusal, after checking that it changed nothing in the cloud. */
    private DomainException refused(Executable request) {
        JsonNode before = account.state();
        account.clearCalls();
        DomainException e = assertThrows(DomainException.class, request);
        assertEquals(before, account.state(), "a refused request changes nothing: " + e.getMessage());
        assertEquals(List.of(), account.writes());
        return e;
    }

    private static void rootCreatesRole(String name) {
        try {
            EMULATOR.send(EMULATOR.root(), SdkRequests.createRole(name, TrustPolicies.ecs()));
        } catch (ClientException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An operator re-tags a role with the root key, as the console or CLI would. */
    private static void tagRole(String roleName, String team) throws ClientException {
        CommonRequest request = new CommonRequest();
        request.setSysDomain(EMULATOR.endpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysMethod(MethodType.POST);
        request.setSysVersion("2015-05-01");
        request.setSysAction("TagResources");
        request.putQueryParameter("ResourceType", "role");
        request.putQueryParameter("ResourceNames", "[\"" + roleName + "\"]");
        request.putQueryParameter("Tag", "[{\"Key\":\"team\",\"Value\":\"" + team + "\"}]");
        EMULATOR.root().getCommonResponse(request);
    }
}
