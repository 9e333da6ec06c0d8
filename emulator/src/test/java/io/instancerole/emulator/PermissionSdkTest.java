package io.instancerole.emulator;

import static io.instancerole.emulator.testing.SdkRequests.attachInstanceRamRole;
import static io.instancerole.emulator.testing.SdkRequests.attachPolicyToUser;
import static io.instancerole.emulator.testing.SdkRequests.createPolicy;
import static io.instancerole.emulator.testing.SdkRequests.createRole;
import static io.instancerole.emulator.testing.SdkRequests.detachInstanceRamRole;
import static io.instancerole.emulator.testing.SdkRequests.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ram.model.v20150501.GetRoleRequest;
import io.instancerole.emulator.client.NewInstance;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.emulator.testing.TrustPolicies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Permissions of RAM users, enforced by default and failing closed. */
class PermissionSdkTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private final DefaultAcsClient root = EMULATOR.root();

    @Test
    void userIsRefusedUntilAPolicyAllowsIt() throws Exception {
        DefaultAcsClient alice = EMULATOR.user("alice");
        String account = EMULATOR.accountId();

        ClientException before = EMULATOR.failure(alice, createRole("app-web", TrustPolicies.ecs()));
        grant("alice", "create-app-roles", policy("Allow", "ram:CreateRole", "acs:ram:*:" + account + ":role/app-*"));
        String arn = EMULATOR.send(alice, createRole("app-web", TrustPolicies.ecs())).getRole().getArn();
        ClientException outsideResource = EMULATOR.failure(alice, createRole("db-admin", TrustPolicies.ecs()));
        ClientException otherAction = EMULATOR.failure(alice, getRole("app-web"));

        assertEquals("NoPermission", before.getErrCode());
        assertTrue(before.getErrMsg().contains("Action: ram:CreateRole"), before.getErrMsg());
        assertTrue(before.getErrMsg().contains("Resource: acs:ram:*:" + account + ":role/app-web"), before.getErrMsg());
        assertEquals("ImplicitDeny", before.getAccessDeniedDetail().get("NoPermissionType"));
        assertTrue(arn.endsWith(":role/app-web"));
        assertEquals("NoPermission", outsideResource.getErrCode());
        assertEquals("NoPermission", otherAction.getErrCode());
    }

    @Test
    void deniedEcsCallsAreForbiddenRam() {
        DefaultAcsClient bob = EMULATOR.user("bob");

        ClientException e = EMULATOR.failure(bob, new DescribeInstancesRequest());

        assertEquals("Forbidden.RAM", e.getErrCode());
        assertTrue(e.getErrMsg().contains("Action: ecs:DescribeInstances"), e.getErrMsg());
        assertTrue(e.getErrMsg().contains("Resource: acs:ecs:cn-hangzhou:" + EMULATOR.accountId() + ":instance/*"),
                e.getErrMsg());
    }

    @Test
    void passRoleScopedToOneRoleAllowsThatRoleOnly() throws Exception {
        EMULATOR.send(root, createRole("app-role", TrustPolicies.ecs()));
        EMULATOR.send(root, createRole("admin-role", TrustPolicies.ecs()));
        String first = vpc("team-a");
        String second = vpc("team-a");
        DefaultAcsClient deployer = EMULATOR.user("deployer");
        grant("deployer", "attach-any", policy("Allow", "ecs:AttachInstanceRamRole", "*"));

        ClientException noPassRole = EMULATOR.failure(deployer, attachInstanceRamRole("app-role", first));
        // ARNs compare case-insensitively
        grant("deployer", "pass-app-role", policy("Allow", "ram:PassRole",
                "acs:ram:*:" + EMULATOR.accountId() + ":role/APP-ROLE"));
        int failures = EMULATOR.send(deployer, attachInstanceRamRole("app-role", first)).getFailCount();
        ClientException otherRole = EMULATOR.failure(deployer, attachInstanceRamRole("admin-role", second));

        assertEquals("InvalidUser.PassRoleForbidden", noPassRole.getErrCode());
        assertEquals(0, failures);
        assertEquals("InvalidUser.PassRoleForbidden", otherRole.getErrCode());
        assertTrue(otherRole.getErrMsg().contains("Action: ram:PassRole, Resource: acs:ram:*:" + EMULATOR.accountId()
                + ":role/admin-role"), otherRole.getErrMsg());
    }

    @Test
    void attachNeedsEcsPermissionOnEveryInstance() throws Exception {
        EMULATOR.send(root, createRole("app-role", TrustPolicies.ecs()));
        String teamA = vpc("team-a");
        String teamB = vpc("team-b");
        DefaultAcsClient deployer = EMULATOR.user("deployer");
        grant("deployer", "pass", policy("Allow", "ram:PassRole", "*"));
        grant("deployer", "team-a-only", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"ecs:AttachInstanceRamRole\",\"Resource\":\"acs:ecs:*:*:instance/*\","
                + "\"Condition\":{\"StringEquals\":{\"ecs:tag/team\":\"team-a\"}}}]}");

        ClientException mixed = EMULATOR.failure(deployer, attachInstanceRamRole("app-role", teamA, teamB));
        int failures = EMULATOR.send(deployer, attachInstanceRamRole("app-role", teamA)).getFailCount();

        assertEquals("Forbidden.RAM", mixed.getErrCode());
        assertTrue(mixed.getErrMsg().contains("instance/" + teamB), mixed.getErrMsg());
        assertEquals(0, failures);
    }

    @Test
    void resourceTagConditionIsJudgedOnEveryInstanceOfADetach() throws Exception {
        EMULATOR.send(root, createRole("app-role", TrustPolicies.ecs()));
        String teamA = vpc("team-a");
        String teamB = vpc("team-b");
        EMULATOR.send(root, attachInstanceRamRole("app-role", teamA, teamB));
        DefaultAcsClient grantee = EMULATOR.user("grantee");
        grant("grantee", "team-a-detach", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"ecs:DetachInstanceRamRole\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"acs:ResourceTag/team\":\"team-a\"}}}]}");

        ClientException mixed = EMULATOR.failure(grantee, detachInstanceRamRole("app-role", teamA, teamB));
        ClientException otherTeam = EMULATOR.failure(grantee, detachInstanceRamRole("app-role", teamB));
        int failures = EMULATOR.send(grantee, detachInstanceRamRole("app-role", teamA)).getFailCount();

        assertEquals("Forbidden.RAM", mixed.getErrCode());
        assertTrue(mixed.getErrMsg().contains("instance/" + teamB), mixed.getErrMsg());
        assertEquals("Forbidden.RAM", otherTeam.getErrCode());
        assertEquals(0, failures);
        assertEquals("app-role", instanceRole(teamB));
        assertEquals("null", instanceRole(teamA));
    }

    @Test
    void explicitDenyBeatsAllow() throws Exception {
        EMULATOR.send(root, createRole("app-role", TrustPolicies.ecs()));
        DefaultAcsClient carol = EMULATOR.user("carol");
        EMULATOR.send(root, attachPolicyToUser("System", "AdministratorAccess", "carol"));
        grant("carol", "no-role-binding", policy("Deny", "ecs:AttachInstanceRamRole", "*"));

        ClientException e = EMULATOR.failure(carol, attachInstanceRamRole("app-role", vpc("team-a")));

        assertEquals("Forbidden.RAM", e.getErrCode());
        assertTrue(e.getErrMsg().contains("explicitly denied by Statement[0] of policy no-role-binding"), e.getErrMsg());
        assertEquals("ExplicitDeny", e.getAccessDeniedDetail().get("NoPermissionType"));
        assertEquals(1, EMULATOR.send(carol, new DescribeInstancesRequest()).getTotalCount());
    }

    @Test
    void anUnknownConditionOperatorIsMalformedNotStoredAndDenied() {
        // the linter calls it INVALID_CONDITION_OPERATOR; RAM rejects it on create, so it never reaches evaluation
        // (fail-closed evaluation of what cannot be evaluated is covered by the policy module's evaluator tests)
        ClientException e = EMULATOR.failure(root, createPolicy("odd-condition", "{\"Version\":\"1\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":\"ram:GetRole\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringMatchesSoundex\":{\"acs:SourceIp\":\"127.0.0.1\"}}}]}"));

        assertEquals("MalformedPolicyDocument", e.getErrCode());
        assertTrue(e.getErrMsg().contains("Statement[0].Condition.StringMatchesSoundex"), e.getErrMsg());
    }

    @Test
    void supportedConditionsAreEvaluated() throws Exception {
        EMULATOR.send(root, createRole("app-role", TrustPolicies.ecs()));
        DefaultAcsClient erin = EMULATOR.user("erin");
        grant("erin", "from-loopback", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ram:GetRole\","
                + "\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"acs:SourceIp\":\"127.0.0.0/8\"}}}]}");

        assertEquals("app-role", EMULATOR.send(erin, getRole("app-role")).getRole().getRoleName());
    }

    private void grant(String userName, String policyName, String document) throws ClientException {
        EMULATOR.send(root, createPolicy(policyName, document));
        EMULATOR.send(root, attachPolicyToUser("Custom", policyName, userName));
    }

    private static String vpc(String team) {
        return EMULATOR.control().createInstance(NewInstance.vpc("cn-hangzhou").tag("team", team));
    }

    private static String instanceRole(String instanceId) {
        for (com.fasterxml.jackson.databind.JsonNode instance : EMULATOR.control().state().path("instances")) {
            if (instance.path("instanceId").asText().equals(instanceId)) {
                return instance.path("ramRoleName").asText("null");
            }
        }
        throw new AssertionError("no instance " + instanceId);
    }

    private static GetRoleRequest getRole(String name) {
        GetRoleRequest request = new GetRoleRequest();
        request.setRoleName(name);
        return request;
    }
}
