package io.instancerole.emulator;

import static io.instancerole.emulator.testing.SdkRequests.assumeRole;
import static io.instancerole.emulator.testing.SdkRequests.attachPolicyToRole;
import static io.instancerole.emulator.testing.SdkRequests.attachPolicyToUser;
import static io.instancerole.emulator.testing.SdkRequests.createRole;
import static io.instancerole.emulator.testing.SdkRequests.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ram.model.v20150501.GetRoleRequest;
import com.aliyuncs.ram.model.v20150501.ListRolesRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleResponse;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityResponse;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.emulator.testing.SdkClients;
import io.instancerole.emulator.testing.TrustPolicies;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StsSdkTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private final DefaultAcsClient root = EMULATOR.root();

    @Test
    void identifiesARamUser() throws Exception {
        GetCallerIdentityResponse identity = EMULATOR.send(EMULATOR.user("alice"), new GetCallerIdentityRequest());

        assertEquals("RAMUser", identity.getIdentityType());
        assertEquals("acs:ram::" + EMULATOR.accountId() + ":user/alice", identity.getArn());
        assertEquals(EMULATOR.accountId(), identity.getAccountId());
        assertTrue(identity.getUserId().matches("\\d{16}"), identity.getUserId());
    }

    @Test
    void assumesARoleTrustedByTheAccount() throws Exception {
        String arn = EMULATOR.send(root, createRole("Deployer", TrustPolicies.account(EMULATOR.accountId())))
                .getRole().getArn();
        AssumeRoleRequest request = assumeRole(arn, "ci-run.42@pipeline");
        request.setDurationSeconds(900L);

        AssumeRoleResponse response = EMULATOR.send(root, request);
        GetCallerIdentityResponse identity = EMULATOR.send(sessionClient(response), new GetCallerIdentityRequest());

        assertTrue(response.getCredentials().getAccessKeyId().startsWith("STS."));
        Instant expiration = Instant.parse(response.getCredentials().getExpiration());
        assertTrue(expiration.isAfter(Instant.now().plusSeconds(800)) && expiration.isBefore(Instant.now().plusSeconds(1000)),
                expiration.toString());
        assertEquals("acs:ram::" + EMULATOR.accountId() + ":assumed-role/deployer/ci-run.42@pipeline",
                response.getAssumedRoleUser().getArn());
        assertEquals("AssumedRoleUser", identity.getIdentityType());
        assertEquals(response.getAssumedRoleUser().getArn(), identity.getArn());
        assertEquals(response.getAssumedRoleUser().getAssumedRoleId(), identity.getPrincipalId());
        assertTrue(identity.getPrincipalId().startsWith(identity.getRoleId() + ":"));
    }

    @Test
    void roleTrustedOnlyByEcsCannotBeAssumedByAUser() throws Exception {
        String arn = EMULATOR.send(root, createRole("instance-role", TrustPolicies.ecs())).getRole().getArn();
        DefaultAcsClient admin = EMULATOR.user("admin");
        EMULATOR.send(root, attachPolicyToUser("System", "AdministratorAccess", "admin"));

        ClientException byUser = EMULATOR.failure(admin, assumeRole(arn, "try"));
        ClientException byRoot = EMULATOR.failure(root, assumeRole(arn, "try"));

        assertEquals("NoPermission", byUser.getErrCode());
        assertTrue(byUser.getErrMsg().contains("trust policy"), byUser.getErrMsg());
        assertEquals("NoPermission", byRoot.getErrCode());
    }

    @Test
    void aUserNeedsPermissionToAssumeARole() throws Exception {
        String arn = EMULATOR.send(root, createRole("Deployer", TrustPolicies.account(EMULATOR.accountId())))
                .getRole().getArn();
        DefaultAcsClient bob = EMULATOR.user("bob");

        ClientException refused = EMULATOR.failure(bob, assumeRole(arn, "bob-session"));
        EMULATOR.send(root, attachPolicyToUser("System", "AliyunSTSAssumeRoleAccess", "bob"));
        AssumeRoleResponse allowed = EMULATOR.send(bob, assumeRole(arn, "bob-session"));

        assertEquals("NoPermission", refused.getErrCode());
        assertTrue(refused.getErrMsg().contains("sts:AssumeRole"), refused.getErrMsg());
        assertTrue(allowed.getCredentials().getSecurityToken().length() > 20);
    }

    @Test
    void validatesAssumeRoleParameters() throws Exception {
        String arn = EMULATOR.send(root, createRole("Deployer", TrustPolicies.account(EMULATOR.accountId())))
                .getRole().getArn();
        AssumeRoleRequest tooShort = assumeRole(arn, "s");
        AssumeRoleRequest shortDuration = assumeRole(arn, "ok");
        shortDuration.setDurationSeconds(899L);
        AssumeRoleRequest longDuration = assumeRole(arn, "ok");
        longDuration.setDurationSeconds(3601L);
        AssumeRoleRequest badPolicy = assumeRole(arn, "ok");
        badPolicy.setPolicy("{\"Version\":\"2\"}");

        assertEquals("InvalidParameter.RoleSessionName", code(tooShort));
        assertEquals("InvalidParameter.DurationSeconds", code(shortDuration));
        assertEquals("InvalidParameter.DurationSeconds", code(longDuration));
        assertEquals("InvalidParameter.PolicyGrammar", code(badPolicy));
        assertEquals("InvalidParameter.RoleArn", code(assumeRole("role/Deployer", "ok")));
        assertEquals("EntityNotExist.Role", code(assumeRole(arn.replace("deployer", "ghost"), "ok")));
    }

    @Test
    void sessionPolicyNarrowsTheRolesPermissions() throws Exception {
        String arn = EMULATOR.send(root, createRole("Admin", TrustPolicies.account(EMULATOR.accountId())))
                .getRole().getArn();
        EMULATOR.send(root, attachPolicyToRole("System", "AdministratorAccess", "Admin"));
        AssumeRoleRequest narrowed = assumeRole(arn, "narrow");
        narrowed.setPolicy(policy("Allow", "ram:GetRole", "*"));

        DefaultAcsClient session = sessionClient(EMULATOR.send(root, narrowed));
        GetRoleRequest getRole = new GetRoleRequest();
        getRole.setRoleName("Admin");
        EMULATOR.send(session, getRole);
        ClientException listRoles = EMULATOR.failure(session, new ListRolesRequest());
        DefaultAcsClient unnarrowed = sessionClient(EMULATOR.send(root, assumeRole(arn, "full")));

        assertEquals("NoPermission", listRoles.getErrCode());
        assertTrue(listRoles.getErrMsg().contains("session policy"), listRoles.getErrMsg());
        assertEquals(0, EMULATOR.send(unnarrowed, new ListRolesRequest()).getRoles().size() - 1);
    }

    @Test
    void sessionsExpire() throws Exception {
        String arn = EMULATOR.send(root, createRole("Deployer", TrustPolicies.account(EMULATOR.accountId())))
                .getRole().getArn();
        AssumeRoleRequest request = assumeRole(arn, "short");
        request.setDurationSeconds(900L);
        DefaultAcsClient session = sessionClient(EMULATOR.send(root, request));

        EMULATOR.control().setClockOffset(Duration.ofSeconds(901));

        assertEquals("InvalidSecurityToken.Expired", EMULATOR.failure(session, new GetCallerIdentityRequest()).getErrCode());
    }

    private String code(com.aliyuncs.AcsRequest<?> request) {
        return EMULATOR.failure(root, request).getErrCode();
    }

    private static DefaultAcsClient sessionClient(AssumeRoleResponse response) {
        AssumeRoleResponse.Credentials c = response.getCredentials();
        return SdkClients.client(c.getAccessKeyId(), c.getAccessKeySecret(), c.getSecurityToken(), EmulatorExtension.REGION);
    }
}
