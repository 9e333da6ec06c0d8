package io.instancerole.domain.guard;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.instancerole.domain.config.DeploymentConfig;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.error.FieldError;
import io.instancerole.domain.model.Caller;
import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.policy.Finding;
import io.instancerole.domain.policy.FindingLevel;
import io.instancerole.domain.policy.LintResult;
import io.instancerole.domain.port.CloudInstance;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class GuardrailsTest {
    private static final Caller TEAM_A = Caller.of("alice", "team-a");
    private static final Caller ADMIN = Caller.of("root", "platform");

    private final Guardrails guardrails = new Guardrails(DeploymentConfig.defaults());

    @Test
    void adminsAreTheTeamsOfAdminTeams() {
        assertTrue(guardrails.isAdmin(ADMIN));
        assertFalse(guardrails.isAdmin(TEAM_A));
        Guardrails sre = new Guardrails(DeploymentConfig.fromEnvironment(Map.of("ADMIN_TEAMS", "sre")));
        assertTrue(sre.isAdmin(Caller.of("bob", "sre")));
        assertFalse(sre.isAdmin(ADMIN));
    }

    @Test
    void teamPrefixRuleForRolesIgnoresCase() {
        assertDoesNotThrow(() -> guardrails.checkRoleName(TEAM_A, RoleName.of("team-a-web")));
        assertDoesNotThrow(() -> guardrails.checkRoleName(TEAM_A, RoleName.of("Team-A-Web")));
        assertForbidden(() -> guardrails.checkRoleName(TEAM_A, RoleName.of("team-b-web")), "team prefix rule");
        // 'team-ab-' is another team's prefix, not 'team-a-'
        assertForbidden(() -> guardrails.checkRoleName(TEAM_A, RoleName.of("team-ab-web")), "team prefix rule");
        assertForbidden(() -> guardrails.checkRoleName(TEAM_A, RoleName.of("team-a")), "'team-a-'");
        assertDoesNotThrow(() -> guardrails.checkRoleName(ADMIN, RoleName.of("anything")));
    }

    @Test
    void teamPrefixRuleForPolicies() {
        assertDoesNotThrow(() -> guardrails.checkPolicyName(TEAM_A, PolicyName.of("TEAM-A-logs")));
        assertForbidden(() -> guardrails.checkPolicyName(TEAM_A, PolicyName.of("logs-read")), "custom policies whose names start with 'team-a-'");
        assertDoesNotThrow(() -> guardrails.checkPolicyName(ADMIN, PolicyName.of("logs-read")));
    }

    @Test
    void ownerTagDecidesAndUntaggedFallsBackToThePrefix() {
        Set<String> teams = Set.of("team-a", "team-b");
        assertTrue(guardrails.owns(TEAM_A, "team-a-web", "team-a", teams));
        assertFalse(guardrails.owns(TEAM_A, "team-a-web", "team-b", teams), "the tag wins over the name");
        assertTrue(guardrails.owns(TEAM_A, "renamed-by-hand", "team-a", teams), "the tag wins over the name");
        assertTrue(guardrails.owns(TEAM_A, "Team-A-Legacy", null, teams), "untagged: the prefix, ignoring case");
        assertFalse(guardrails.owns(TEAM_A, "team-b-legacy", null, teams));
        assertTrue(guardrails.owns(ADMIN, "team-b-web", "team-b", teams));
    }

    @Test
    void untaggedNameOfALongerTeamPrefixIsNeverTheShorterTeams() {
        assertFalse(guardrails.owns(TEAM_A, "team-a-b-web", null, Set.of("team-a", "team-a-b")));
        assertFalse(guardrails.owns(TEAM_A, "TEAM-A-B-web", null, Set.of("team-a-b")));
        // until team-a-b has tagged resources, its prefix is not known
        assertTrue(guardrails.owns(TEAM_A, "team-a-b-web", null, Set.of("team-a")));
        assertTrue(guardrails.owns(TEAM_A, "team-a-bweb", null, Set.of("team-a-b")), "'team-a-bweb' does not fit 'team-a-b-'");
        assertTrue(guardrails.owns(Caller.of("bob", "team-a-b"), "team-a-b-web", null, Set.of("team-a", "team-a-b")));
    }

    @Test
    void blockedSystemPoliciesAreForAdminsOnly() {
        assertForbidden(() -> guardrails.checkSystemPolicy(TEAM_A, PolicyName.of("AdministratorAccess")), "blocked system policy rule");
        assertForbidden(() -> guardrails.checkSystemPolicy(TEAM_A, PolicyName.of("aliyunramfullaccess")), "blocked system policy rule");
        assertDoesNotThrow(() -> guardrails.checkSystemPolicy(TEAM_A, PolicyName.of("AliyunOSSReadOnlyAccess")));
        assertDoesNotThrow(() -> guardrails.checkSystemPolicy(ADMIN, PolicyName.of("AdministratorAccess")));
    }

    @Test
    void securityWarningsAreTooBroadForNonAdmins() {
        Finding broad = new Finding(FindingLevel.SECURITY_WARNING, "FULL_ACCESS", "Allow * on * grants everything", "Statement[0]");
        Finding wildcard = new Finding(FindingLevel.WARNING, "SERVICE_WILDCARD", "narrow oss:*", "Statement[1].Action[0]");
        LintResult lint = new LintResult(List.of(broad, wildcard), "{}");
        DomainException e = assertThrows(DomainException.class, () -> guardrails.checkFindings(TEAM_A, lint));
        assertEquals(ErrorCode.PolicyTooBroad, e.code());
        assertTrue(e.getMessage().contains("FULL_ACCESS at Statement[0]"), e.getMessage());
        assertEquals(List.of(broad, wildcard), e.details());
        assertDoesNotThrow(() -> guardrails.checkFindings(ADMIN, lint));
        assertDoesNotThrow(() -> guardrails.checkFindings(TEAM_A, new LintResult(List.of(wildcard), "{}")));
    }

    @Test
    void ownerTagRuleIsPerInstanceAndAnotherTeamsAnswersAsMissing() {
        CloudInstance own = instance("i-own1", Map.of("team", "team-a"));
        CloudInstance other = instance("i-other1", Map.of("team", "team-b"));
        CloudInstance untagged = instance("i-none1", Map.of());
        assertTrue(guardrails.ownsInstance(TEAM_A, own));
        assertFalse(guardrails.ownsInstance(TEAM_A, other));
        assertFalse(guardrails.ownsInstance(TEAM_A, untagged));
        assertTrue(guardrails.ownsInstance(ADMIN, untagged));
        String message = guardrails.instanceNotFoundMessage(TEAM_A, InstanceId.of("i-other1"), RegionId.of("cn-hangzhou"));
        assertTrue(message.contains("does not exist in region cn-hangzhou or is not tagged team=team-a"), message);
    }

    @Test
    void ownerTagKeyComesFromTheConfiguration() {
        Guardrails byOwner = new Guardrails(DeploymentConfig.fromEnvironment(Map.of("OWNER_TAG_KEY", "owner")));
        assertTrue(byOwner.ownsInstance(TEAM_A, instance("i-own1", Map.of("owner", "team-a"))));
        assertFalse(byOwner.ownsInstance(TEAM_A, instance("i-own2", Map.of("team", "team-a"))));
        assertEquals(Map.of("owner", "team-a"), byOwner.ownerTags(TEAM_A));
    }

    @Test
    void regionDefaultsAndMustBeAllowed() {
        assertEquals(RegionId.of("cn-hangzhou"), guardrails.region(null));
        assertEquals(RegionId.of("us-west-1"), guardrails.region(RegionId.of("us-west-1")));
        Guardrails limited = new Guardrails(DeploymentConfig.fromEnvironment(Map.of("ALLOWED_REGIONS", "cn-hangzhou,cn-beijing")));
        assertEquals(RegionId.of("cn-beijing"), limited.region(RegionId.of("cn-beijing")));
        DomainException e = assertThrows(DomainException.class, () -> limited.region(RegionId.of("us-west-1")));
        assertEquals(ErrorCode.InvalidParameter, e.code());
        assertEquals("regionId", ((FieldError) e.details().get(0)).field());
        assertTrue(e.getMessage().contains("allowed: cn-hangzhou, cn-beijing"), e.getMessage());
        // admins too: the region rule is the deployment's, not a team rule
        assertThrows(DomainException.class, () -> limited.region(RegionId.of("us-west-1")));
    }

    @Test
    void aRegionAlibabaDoesNotHaveIsRefusedEvenWithoutAllowedRegions() {
        DomainException e = assertThrows(DomainException.class, () -> guardrails.region(RegionId.of("xx-nowhere")));
        assertEquals(ErrorCode.InvalidParameter, e.code());
        assertTrue(e.getMessage().contains("'xx-nowhere' is not an Alibaba Cloud region"), e.getMessage());
        assertThrows(DomainException.class, () -> guardrails.region(RegionId.of("cn-hangzhou-x")));
        assertEquals(RegionId.of("ap-southeast-1"), guardrails.region(RegionId.of("ap-southeast-1")));
    }

    private static CloudInstance instance(String id, Map<String, String> tags) {
        return new CloudInstance(InstanceId.of(id), "", "vpc", "Running", tags);
    }

    private static void assertForbidden(Executable call, String messagePart) {
        DomainException e = assertThrows(DomainException.class, call);
        assertEquals(ErrorCode.Forbidden, e.code());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }
}
