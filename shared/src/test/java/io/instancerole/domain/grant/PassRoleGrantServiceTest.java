package io.instancerole.domain.grant;

import static io.instancerole.domain.TestJson.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.TestJson;
import io.instancerole.domain.config.DeploymentConfig;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.fake.InMemoryCloud;
import io.instancerole.domain.fake.TestContexts;
import io.instancerole.domain.guard.Guardrails;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.model.UserName;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.service.Json;
import io.instancerole.domain.service.Status;
import io.instancerole.policy.PolicyJson;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PassRoleGrantServiceTest {
    private static final String ARN_PREFIX = "acs:ram:*:" + InMemoryCloud.ACCOUNT_ID + ":role/";
    /** Team team-a's grant policy for user deployer. */
    private static final String POLICY = PassRoleGrant.policyNameFor("team-a", UserName.of("deployer")).value();
    private static final Map<String, String> GRANT_TAGS = Map.of("team", "team-a", PassRoleGrantService.GRANT_TAG_KEY, "deployer");

    private final InMemoryCloud cloud = new InMemoryCloud().addUser("deployer")
            .addRole("team-a-web").addRole("team-a-worker").addRole("team-b-web");
    private final PassRoleGrantService service = new PassRoleGrantService(new Guardrails(DeploymentConfig.defaults()));

    @Test
    void aFirstGrantCreatesTheUsersPolicyWithExactArns() {
        PassRoleGrantResult result = service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", null, "team-a-web"));

        assertEquals(Status.CREATED, result.status());
        assertEquals(201, result.httpStatus());
        assertEquals(POLICY, result.policyName());
        assertEquals(List.of("team-a-web"), result.grantedRoles());
        assertEquals(List.of("Custom:" + POLICY), cloud.userPolicies("deployer"));
        JsonNode stored = Json.parse(cloud.defaultDocument(POLICY)).orElseThrow();
        assertEquals(result.document(), stored);
        JsonNode passRole = stored.get("Statement").get(0);
        assertEquals("ram:PassRole", passRole.get("Action").asText());
        assertEquals(List.of(ARN_PREFIX + "team-a-web"), texts(passRole.get("Resource")));
        JsonNode change = stored.get("Statement").get(1);
        assertEquals(PassRoleGrant.CHANGE_ACTIONS, texts(change.get("Action")));
        assertEquals("acs:ecs:*:" + InMemoryCloud.ACCOUNT_ID + ":instance/*", change.get("Resource").asText());
        assertEquals("team-a", change.path("Condition").path("StringEquals").path("acs:ResourceTag/team").asText());
        JsonNode read = stored.get("Statement").get(2);
        assertEquals(PassRoleGrant.READ_ACTIONS, texts(read.get("Action")));
        assertTrue(read.path("Condition").isMissingNode());
        assertEquals(GRANT_TAGS, cloud.policyTags(POLICY));
    }

    @Test
    void grantsAccumulateAndRepeatingIsUnchanged() {
        service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", null, "team-a-web"));
        PassRoleGrantResult second = service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", null, "team-a-worker"));
        assertEquals(Status.UPDATED, second.status());
        assertEquals(200, second.httpStatus());
        assertEquals(List.of("team-a-web", "team-a-worker"), second.grantedRoles());
        assertEquals(List.of(ARN_PREFIX + "team-a-web", ARN_PREFIX + "team-a-worker"),
                texts(Json.parse(cloud.defaultDocument(POLICY)).orElseThrow().get("Statement").get(0).get("Resource")));

        cloud.clearCalls();
        PassRoleGrantResult again = service.grant(TestContexts.of(cloud, "team-a", false), grant("DEPLOYER", null, "TEAM-A-WEB"));
        assertEquals(Status.UNCHANGED, again.status());
        assertEquals(0, cloud.mutatingCalls());
        assertEquals(List.of("team-a-web", "team-a-worker"), again.grantedRoles());
    }

    @Test
    void ecsActionsAreOptionalAndOnceGrantedStay() {
        PassRoleGrantResult passOnly = service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", false, "team-a-web"));
        assertEquals(1, passOnly.document().get("Statement").size());

        PassRoleGrantResult withEcs = service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", true, "team-a-web"));
        assertEquals(Status.UPDATED, withEcs.status());
        assertEquals(3, withEcs.document().get("Statement").size());

        PassRoleGrantResult again = service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", false, "team-a-web"));
        assertEquals(Status.UNCHANGED, again.status());
        assertEquals(3, again.document().get("Statement").size());
    }

    @Test
    void theDocumentNeverPassesEveryRole() {
        PassRoleGrantResult result = service.grant(TestContexts.of(cloud, "platform", false), grant("deployer", null, "team-a-web", "team-b-web"));
        for (String resource : texts(result.document().get("Statement").get(0).get("Resource"))) {
            assertTrue(resource.startsWith(ARN_PREFIX) && !resource.contains("*:role/*") && !resource.endsWith("*"), resource);
        }
    }

    @Test
    void userAndRolesMustExist() {
        assertCode(ErrorCode.UserNotFound, () -> service.grant(TestContexts.of(cloud, "team-a", false), grant("nobody", null, "team-a-web")));
        DomainException e = assertThrows(DomainException.class,
                () -> service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", null, "team-a-web", "team-a-gone")));
        assertEquals(ErrorCode.RoleNotFound, e.code());
        assertTrue(e.getMessage().contains("team-a-gone"), e.getMessage());
        assertEquals(0, cloud.mutatingCalls());
    }

    @Test
    void aTeamGrantsOnlyItsOwnRoles() {
        assertCode(ErrorCode.Forbidden, () -> service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", null, "team-a-web", "team-b-web")));
        assertCode(ErrorCode.Forbidden, () -> service.revoke(TestContexts.of(cloud, "team-a", false), revoke("deployer", "team-b-web")));
        assertEquals(List.of(), cloud.callLog());
    }

    @Test
    void aGrantDryRunChangesNothing() {
        PassRoleGrantResult planned = service.grant(TestContexts.of(cloud, "team-a", true), grant("deployer", null, "team-a-web"));
        assertEquals(Status.CREATED, planned.status());
        assertTrue(planned.dryRun());
        assertEquals(List.of(ARN_PREFIX + "team-a-web"), texts(planned.document().get("Statement").get(0).get("Resource")));
        assertEquals(0, cloud.mutatingCalls());
        assertFalse(cloud.policyExists(POLICY, PolicyType.Custom));
    }

    @Test
    void aPolicyLeftUnattachedIsAttachedAgain() {
        String document = service.grant(TestContexts.of(cloud, "team-a", true), grant("deployer", null, "team-a-web")).document().toString();
        // e.g. an earlier request stopped between CreatePolicy and AttachPolicyToUser
        InMemoryCloud halfDone = new InMemoryCloud().addUser("deployer").addRole("team-a-web").addCustomPolicy(POLICY, document).tagPolicy(POLICY, GRANT_TAGS);
        PassRoleGrantResult result = service.grant(TestContexts.of(halfDone, "team-a", false), grant("deployer", null, "team-a-web"));
        assertEquals(Status.UPDATED, result.status());
        assertEquals(List.of("Custom:" + POLICY), halfDone.userPolicies("deployer"));
        assertEquals(0, halfDone.calls("CreatePolicyVersion"));
    }

    // ------------------------------------------------------------------ revoke

    @Test
    void revokingSomeRolesKeepsTheOthers() {
        service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", null, "team-a-web", "team-a-worker"));
        PassRoleGrantResult result = service.revoke(TestContexts.of(cloud, "team-a", false), revoke("deployer", "team-a-web"));
        assertEquals(Status.UPDATED, result.status());
        assertEquals(List.of("team-a-worker"), result.grantedRoles());
        assertEquals(List.of(ARN_PREFIX + "team-a-worker"),
                texts(Json.parse(cloud.defaultDocument(POLICY)).orElseThrow().get("Statement").get(0).get("Resource")));
    }

    @Test
    void revokingTheLastRoleDetachesAndDeletesThePolicyWithItsVersions() {
        service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", null, "team-a-web"));
        service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", null, "team-a-worker"));
        assertEquals(2, cloud.policyVersions(POLICY).size());

        PassRoleGrantResult result = service.revoke(TestContexts.of(cloud, "team-a", false), revoke("deployer", "team-a-web", "team-a-worker"));
        assertEquals(Status.DELETED, result.status());
        assertEquals(List.of(), result.grantedRoles());
        assertNull(result.document());
        assertFalse(cloud.policyExists(POLICY, PolicyType.Custom));
        assertEquals(List.of(), cloud.userPolicies("deployer"));
        assertTrue(TestJson.of(result).get("document").isNull());
    }

    @Test
    void revokingWhatWasNotGrantedIsUnchanged() {
        PassRoleGrantResult none = service.revoke(TestContexts.of(cloud, "team-a", false), revoke("deployer", "team-a-web"));
        assertEquals(Status.UNCHANGED, none.status());
        assertNull(none.document());

        service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", null, "team-a-web"));
        cloud.clearCalls();
        PassRoleGrantResult other = service.revoke(TestContexts.of(cloud, "team-a", false), revoke("deployer", "team-a-worker"));
        assertEquals(Status.UNCHANGED, other.status());
        assertEquals(List.of("team-a-web"), other.grantedRoles());
        assertEquals(0, cloud.mutatingCalls());
    }

    @Test
    void aDeletedRolesGrantCanStillBeRevoked() {
        service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", null, "team-a-web", "team-a-worker"));
        InMemoryCloud later = new InMemoryCloud().addUser("deployer")
                .addCustomPolicy(POLICY, cloud.defaultDocument(POLICY)).tagPolicy(POLICY, GRANT_TAGS)
                .attachToUser(POLICY, PolicyType.Custom, "deployer");
        PassRoleGrantResult result = service.revoke(TestContexts.of(later, "team-a", false), revoke("deployer", "team-a-web"));
        assertEquals(Status.UPDATED, result.status());
        assertEquals(List.of("team-a-worker"), result.grantedRoles());
    }

    @Test
    void revokeChecksTheUserAndHasADryRun() {
        assertCode(ErrorCode.UserNotFound, () -> service.revoke(TestContexts.of(cloud, "team-a", false), revoke("nobody", "team-a-web")));
        service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", null, "team-a-web"));
        cloud.clearCalls();
        PassRoleGrantResult planned = service.revoke(TestContexts.of(cloud, "team-a", true), revoke("deployer", "team-a-web"));
        assertEquals(Status.DELETED, planned.status());
        assertEquals(0, cloud.mutatingCalls());
        assertTrue(cloud.policyExists(POLICY, PolicyType.Custom));
    }

    @Test
    void theAnswerHasTheContractsShape() {
        JsonNode json = TestJson.of(service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", null, "team-a-web")));
        assertEquals(List.of("status", "dryRun", "userName", "policyName", "grantedRoles", "document"), fieldNames(json));
    }

    // ------------------------------------------------------------------ the policy's name

    @Test
    void thePolicyNameIsDerivedStablyAndValidlyPerTeamAndUser() {
        PolicyName plain = PassRoleGrant.policyNameFor("team-a", UserName.of("Deployer"));
        assertTrue(plain.value().matches("passrole-team-a-deployer-[0-9a-f]{8}"), plain.value());
        PolicyName dotted = PassRoleGrant.policyNameFor("team-a", UserName.of("ci.bot_1"));
        assertTrue(dotted.value().matches("passrole-team-a-ci-bot-1-[0-9a-f]{8}"), dotted.value());
        assertEquals(dotted, PassRoleGrant.policyNameFor("team-a", UserName.of("CI.Bot_1")));
        assertNotEquals(dotted, PassRoleGrant.policyNameFor("team-a", UserName.of("ci-bot-1")));
        assertNotEquals(dotted, PassRoleGrant.policyNameFor("team-a", UserName.of("ci_bot.1")));
        // the same dashes, different team and user: two policies
        assertNotEquals(PassRoleGrant.policyNameFor("team-a", UserName.of("b")), PassRoleGrant.policyNameFor("team", UserName.of("a-b")));
        String longest = PassRoleGrant.policyNameFor("t".repeat(32), UserName.of("a.".repeat(32))).value();
        assertTrue(longest.length() <= 128, longest);
    }

    @Test
    void grantsOfTwoTeamsToOneUserStayApartEachWithItsScope() {
        cloud.addRole("team-b-worker");
        service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", null, "team-a-web"));
        PassRoleGrantResult b = service.grant(TestContexts.of(cloud, "team-b", false), grant("deployer", null, "team-b-web"));

        assertNotEquals(POLICY, b.policyName());
        assertEquals(2, cloud.userPolicies("deployer").size());
        assertEquals(List.of(ARN_PREFIX + "team-a-web"), texts(Json.parse(cloud.defaultDocument(POLICY)).orElseThrow()
                .get("Statement").get(0).get("Resource")));
        assertEquals("team-b", b.document().get("Statement").get(1).path("Condition").path("StringEquals")
                .path("acs:ResourceTag/team").asText());
        // team b revoking its last role leaves team a's grant alone
        service.revoke(TestContexts.of(cloud, "team-b", false), revoke("deployer", "team-b-web"));
        assertEquals(List.of("Custom:" + POLICY), cloud.userPolicies("deployer"));
    }

    @Test
    void anAdminsGrantIsUnconditioned() {
        PassRoleGrantResult admin = service.grant(TestContexts.of(cloud, "platform", false), grant("deployer", null, "team-b-web"));
        assertTrue(admin.document().get("Statement").get(1).path("Condition").isMissingNode());
        assertEquals(Map.of("team", "platform", PassRoleGrantService.GRANT_TAG_KEY, "deployer"), cloud.policyTags(admin.policyName()));
    }

    @Test
    void aPolicyOfTheGrantsNameThatTheApiDidNotMakeIsNeverRewritten() {
        String theirs = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\"}]}";
        cloud.addCustomPolicy(POLICY, theirs);
        DomainException untagged = assertThrows(DomainException.class,
                () -> service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", null, "team-a-web")));
        cloud.tagPolicy(POLICY, Map.of("team", "team-a"));
        DomainException noMarker = assertThrows(DomainException.class,
                () -> service.revoke(TestContexts.of(cloud, "team-a", false), revoke("deployer", "team-a-web")));

        assertEquals(ErrorCode.Conflict, untagged.code());
        assertTrue(untagged.getMessage().contains("left untouched"), untagged.getMessage());
        assertEquals(ErrorCode.Conflict, noMarker.code());
        assertEquals(theirs, cloud.defaultDocument(POLICY));
        assertEquals(0, cloud.mutatingCalls());
    }

    @Test
    void theUsersPolicyLimitIsCheckedBeforeAnyChange() {
        String doc = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\"}]}";
        for (int i = 0; i < InMemoryCloud.MAX_CUSTOM_ATTACHED; i++) {
            cloud.addCustomPolicy("other-" + i, doc).attachToUser("other-" + i, PolicyType.Custom, "deployer");
        }
        cloud.clearCalls();
        DomainException full = assertThrows(DomainException.class,
                () -> service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", null, "team-a-web")));
        assertEquals(ErrorCode.Conflict, full.code());
        assertTrue(full.getMessage().contains("nothing was changed"), full.getMessage());
        assertEquals(0, cloud.mutatingCalls());
    }

    @Test
    void aDeleteRefusedAfterTheDetachIs207AndARetryFinishes() {
        service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", null, "team-a-web"));
        cloud.failNext("DeletePolicy", CloudException.Kind.CONFLICT, "DeleteConflict.Policy.Version");

        PassRoleGrantResult half = service.revoke(TestContexts.of(cloud, "team-a", false), revoke("deployer", "team-a-web"));
        assertEquals(207, half.httpStatus());
        assertEquals(Status.DELETED, half.status());
        assertEquals("DeletePolicy", half.failure().get("action"));
        assertEquals(List.of(), cloud.userPolicies("deployer"), "the user lost the grant already");
        assertTrue(cloud.policyExists(POLICY, PolicyType.Custom));

        PassRoleGrantResult retry = service.revoke(TestContexts.of(cloud, "team-a", false), revoke("deployer", "team-a-web"));
        assertEquals(200, retry.httpStatus());
        assertEquals(Status.DELETED, retry.status());
        assertFalse(cloud.policyExists(POLICY, PolicyType.Custom));
    }

    @Test
    void anAttachRefusedAfterThePolicyWasMadeIs207AndARetryFinishes() {
        cloud.failNext("AttachPolicyToUser", CloudException.Kind.DENIED, "NoPermission");
        PassRoleGrantResult half = service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", null, "team-a-web"));
        assertEquals(207, half.httpStatus());
        assertEquals(Status.CREATED, half.status());
        assertEquals("AttachPolicyToUser", half.failure().get("action"));
        assertEquals("NoPermission", half.failure().get("code"));
        assertTrue(cloud.policyExists(POLICY, PolicyType.Custom));

        PassRoleGrantResult retry = service.grant(TestContexts.of(cloud, "team-a", false), grant("deployer", null, "team-a-web"));
        assertEquals(200, retry.httpStatus());
        assertEquals(Status.UPDATED, retry.status());
        assertEquals(List.of("Custom:" + POLICY), cloud.userPolicies("deployer"));
    }

    @Test
    void requestRules() {
        assertCode(ErrorCode.InvalidParameter, () -> GrantPassRoleRequest.of(UserName.of("deployer"), List.of(), null));
        assertCode(ErrorCode.InvalidParameter, () -> GrantPassRoleRequest.of(UserName.of("deployer"),
                java.util.stream.IntStream.range(0, 21).mapToObj(i -> RoleName.of("team-a-r" + i)).collect(Collectors.toList()), null));
        DomainException duplicate = assertThrows(DomainException.class, () -> revoke("deployer", "team-a-web", "Team-A-Web"));
        assertTrue(duplicate.getMessage().startsWith("roleNames[1]:"), duplicate.getMessage());
        assertTrue(GrantPassRoleRequest.of(UserName.of("deployer"), List.of(RoleName.of("team-a-web")), null).includeEcsActions());
    }

    private static GrantPassRoleRequest grant(String user, Boolean includeEcsActions, String... roles) {
        return GrantPassRoleRequest.of(UserName.of(user), roleNames(roles), includeEcsActions);
    }

    private static RevokePassRoleRequest revoke(String user, String... roles) {
        return RevokePassRoleRequest.of(UserName.of(user), roleNames(roles));
    }

    private static List<RoleName> roleNames(String... roles) {
        return Arrays.stream(roles).map(RoleName::of).collect(Collectors.toList());
    }

    private static List<String> texts(JsonNode node) {
        return PolicyJson.items(node).stream().map(JsonNode::asText).collect(Collectors.toList());
    }

    private static void assertCode(ErrorCode code, Executable call) {
        DomainException e = assertThrows(DomainException.class, call);
        assertEquals(code, e.code(), e.getMessage());
    }
}
