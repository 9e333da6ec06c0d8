package io.instancerole.domain.authorize;

import static io.instancerole.domain.TestJson.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
import io.instancerole.domain.policy.Finding;
import io.instancerole.domain.policy.PolicyLinter;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.port.CloudPolicyVersion;
import io.instancerole.domain.service.Json;
import io.instancerole.domain.service.RequestContext;
import io.instancerole.domain.service.Status;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PolicyServiceTest {
    private static final String READ_LOGS = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:GetObject\",\"oss:ListObjects\"],"
            + "\"Resource\":[\"acs:oss:*:*:team-a-logs/*\"]}]}";
    /** Same meaning, other order and spacing. */
    private static final String READ_LOGS_REORDERED = "{ \"Statement\": [ { \"Resource\": \"acs:oss:*:*:team-a-logs/*\", "
            + "\"Action\": [\"oss:ListObjects\", \"oss:GetObject\"], \"Effect\": \"Allow\" } ], \"Version\": \"1\" }";
    private static final String WRITE_LOGS = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:PutObject\","
            + "\"Resource\":\"acs:oss:*:*:team-a-logs/*\"}]}";
    private static final String EVERYTHING = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    /** As pasted from old console documentation. */
    private static final String OLD_CONSOLE = "{\"Version\":\"2016-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ecs: CreateInstance\"],\"Resource\":\"*\"}]}";
    private static final String ALL_OF_OSS = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":\"*\"}]}";

    private final InMemoryCloud cloud = new InMemoryCloud().addRole("team-a-web").addRole("team-a-worker").addRole("team-b-web");
    private final PolicyService service = new PolicyService(new Guardrails(DeploymentConfig.defaults()), new PolicyLinter(DeploymentConfig.defaults()));

    @Test
    void anAbsentPolicyIsCreatedAndAttached() {
        RequestContext ctx = TestContexts.of(cloud, "team-a", false);
        CreatePolicyResult result = service.createPolicy(ctx, request("team-a-read-logs", READ_LOGS, "team-a-web"));

        assertEquals(Status.CREATED, result.status());
        assertEquals(201, result.httpStatus());
        assertEquals("v1", result.policy().defaultVersion());
        assertEquals(PolicyType.Custom, result.policy().policyType());
        assertTrue(cloud.policyExists("team-a-read-logs", PolicyType.Custom));
        assertEquals(Json.parse(READ_LOGS).orElseThrow(), Json.parse(cloud.defaultDocument("team-a-read-logs")).orElseThrow());
        assertEquals(List.of("Custom:team-a-read-logs"), cloud.rolePolicies("team-a-web"));
        assertEquals(Status.ATTACHED, result.attachments().get(0).status());
        assertEquals(List.of("CreatePolicy", "AttachPolicyToRole"),
                ctx.changes().stream().map(c -> c.get("action")).collect(Collectors.toList()));
    }

    @Test
    void theSameMeaningIsUnchangedAndAttachmentsAreIdempotent() {
        service.createPolicy(TestContexts.of(cloud, "team-a", false), request("team-a-read-logs", READ_LOGS, "team-a-web"));
        cloud.clearCalls();

        CreatePolicyResult again = service.createPolicy(TestContexts.of(cloud, "team-a", false),
                request("TEAM-A-READ-LOGS", READ_LOGS_REORDERED, "team-a-web", "team-a-worker"));
        assertEquals(Status.UNCHANGED, again.status());
        assertEquals(200, again.httpStatus());
        assertEquals("v1", again.policy().defaultVersion());
        assertEquals(List.of("team-a-web", "team-a-worker"),
                again.attachments().stream().map(RoleAttachment::roleName).collect(Collectors.toList()));
        assertEquals(List.of(Status.ALREADY_ATTACHED, Status.ATTACHED),
                again.attachments().stream().map(RoleAttachment::status).collect(Collectors.toList()));
        assertEquals(0, cloud.calls("CreatePolicyVersion"));
    }

    @Test
    void anotherDocumentBecomesTheNewDefaultVersion() {
        service.createPolicy(TestContexts.of(cloud, "team-a", false), request("team-a-logs", READ_LOGS));
        CreatePolicyResult updated = service.createPolicy(TestContexts.of(cloud, "team-a", false), request("team-a-logs", WRITE_LOGS));

        assertEquals(Status.UPDATED, updated.status());
        assertEquals(200, updated.httpStatus());
        assertEquals("v2", updated.policy().defaultVersion());
        assertEquals(Json.parse(WRITE_LOGS).orElseThrow(), Json.parse(cloud.defaultDocument("team-a-logs")).orElseThrow());
    }

    @Test
    void versionsRotateAtRamsLimitOfFive() {
        service.createPolicy(TestContexts.of(cloud, "team-a", false), request("team-a-logs", READ_LOGS));
        for (int i = 1; i <= 6; i++) {
            String document = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\","
                    + "\"Resource\":\"acs:oss:*:*:bucket-" + i + "/*\"}]}";
            assertEquals(Status.UPDATED, service.createPolicy(TestContexts.of(cloud, "team-a", false), request("team-a-logs", document)).status());
        }
        List<CloudPolicyVersion> versions = cloud.policyVersions("team-a-logs");
        assertEquals(5, versions.size());
        assertEquals("v7", versions.stream().filter(CloudPolicyVersion::isDefault).findFirst().orElseThrow().versionId());
    }

    @Test
    void aDocumentWithErrorsIsRefusedWithAllFindingsAndNothingChanges() {
        DomainException e = assertThrows(DomainException.class,
                () -> service.createPolicy(TestContexts.of(cloud, "team-a", false), request("team-a-old", OLD_CONSOLE, "team-a-web")));
        assertEquals(ErrorCode.PolicyInvalid, e.code());
        assertEquals(422, e.code().httpStatus());
        List<String> codes = e.details().stream().map(d -> ((Finding) d).code()).collect(Collectors.toList());
        assertTrue(codes.contains("INVALID_VERSION"), codes.toString());
        assertTrue(codes.contains("INVALID_ACTION_FORMAT"), codes.toString());
        assertTrue(e.getMessage().contains("nothing was created"), e.getMessage());
        assertEquals(List.of(), cloud.callLog());
    }

    @Test
    void aDocumentAsJsonTextIsLintedAndStoredLikeAnObject() {
        CreatePolicyResult result = service.createPolicy(TestContexts.of(cloud, "team-a", false),
                CreatePolicyRequest.of(PolicyName.of("team-a-logs"), null, TextNode.valueOf(READ_LOGS), null));
        assertEquals(Status.CREATED, result.status());
        assertEquals(Json.parse(READ_LOGS).orElseThrow(), Json.parse(cloud.defaultDocument("team-a-logs")).orElseThrow());
    }

    @Test
    void securityWarningsAreTooBroadForATeamButAnAdminGoesAheadAndSeesThem() {
        DomainException e = assertThrows(DomainException.class,
                () -> service.createPolicy(TestContexts.of(cloud, "team-a", false), request("team-a-all", EVERYTHING)));
        assertEquals(ErrorCode.PolicyTooBroad, e.code());
        assertEquals(0, cloud.mutatingCalls());

        CreatePolicyResult admin = service.createPolicy(TestContexts.of(cloud, "platform", false), request("team-a-all", EVERYTHING));
        assertEquals(Status.CREATED, admin.status());
        assertTrue(admin.findings().stream().anyMatch(f -> f.code().equals("FULL_ACCESS")), admin.findings().toString());
    }

    @Test
    void warningsDoNotStopATeamAndComeBack() {
        CreatePolicyResult result = service.createPolicy(TestContexts.of(cloud, "team-a", false), request("team-a-oss", ALL_OF_OSS));
        assertEquals(Status.CREATED, result.status());
        assertTrue(result.findings().stream().anyMatch(f -> f.code().equals("SERVICE_WILDCARD")), result.findings().toString());
        JsonNode finding = Json.MAPPER.valueToTree(result).get("findings").get(0);
        assertEquals(List.of("level", "code", "message", "path"), fieldNames(finding));
    }

    @Test
    void everyRoleMustExistBeforeAnythingChanges() {
        DomainException e = assertThrows(DomainException.class, () -> service.createPolicy(TestContexts.of(cloud, "team-a", false),
                request("team-a-logs", READ_LOGS, "team-a-web", "team-a-typo")));
        assertEquals(ErrorCode.RoleNotFound, e.code());
        assertTrue(e.getMessage().contains("team-a-typo"), e.getMessage());
        assertEquals(0, cloud.mutatingCalls());
        assertFalse(cloud.policyExists("team-a-logs", PolicyType.Custom));
    }

    @Test
    void teamRulesForThePolicyNameAndTheRoles() {
        assertForbidden(() -> service.createPolicy(TestContexts.of(cloud, "team-a", false), request("logs", READ_LOGS)));
        assertForbidden(() -> service.createPolicy(TestContexts.of(cloud, "team-a", false), request("team-a-logs", READ_LOGS, "team-b-web")));
        assertEquals(List.of(), cloud.callLog());
    }

    @Test
    void aDryRunPlansWithoutChanging() {
        CreatePolicyResult created = service.createPolicy(TestContexts.of(cloud, "team-a", true), request("team-a-logs", READ_LOGS, "team-a-web"));
        assertEquals(Status.CREATED, created.status());
        assertTrue(created.dryRun());
        assertEquals(Status.ATTACHED, created.attachments().get(0).status());
        assertEquals(0, cloud.mutatingCalls());
        assertFalse(cloud.policyExists("team-a-logs", PolicyType.Custom));

        service.createPolicy(TestContexts.of(cloud, "team-a", false), request("team-a-logs", READ_LOGS, "team-a-web"));
        cloud.clearCalls();
        CreatePolicyResult updated = service.createPolicy(TestContexts.of(cloud, "team-a", true), request("team-a-logs", WRITE_LOGS, "team-a-web"));
        assertEquals(Status.UPDATED, updated.status());
        assertEquals("v2", updated.policy().defaultVersion());
        assertEquals(Status.ALREADY_ATTACHED, updated.attachments().get(0).status());
        assertEquals(0, cloud.mutatingCalls());
        assertEquals(1, cloud.policyVersions("team-a-logs").size());
    }

    @Test
    void ramsOwnRefusalOfADocumentIsPolicyInvalid() {
        cloud.failNext("CreatePolicy", CloudException.Kind.INVALID, "MalformedPolicyDocument");
        DomainException e = assertThrows(DomainException.class,
                () -> service.createPolicy(TestContexts.of(cloud, "team-a", false), request("team-a-logs", READ_LOGS)));
        assertEquals(ErrorCode.PolicyInvalid, e.code());
    }

    // ------------------------------------------------------------- attach an existing policy

    @Test
    void aSystemPolicyIsAttachedOnceThenAlreadyAttached() {
        AttachPolicyResult first = service.attachPolicy(TestContexts.of(cloud, "team-a", false), attach("team-a-web", "AliyunOSSReadOnlyAccess", PolicyType.System));
        assertEquals(Status.ATTACHED, first.status());
        assertEquals(201, first.httpStatus());
        assertEquals(List.of("System:AliyunOSSReadOnlyAccess"), cloud.rolePolicies("team-a-web"));

        AttachPolicyResult second = service.attachPolicy(TestContexts.of(cloud, "team-a", false), attach("TEAM-A-WEB", "aliyunossreadonlyaccess", PolicyType.System));
        assertEquals(Status.ALREADY_ATTACHED, second.status());
        assertEquals(200, second.httpStatus());
        assertEquals("AliyunOSSReadOnlyAccess", second.policyName());
        assertEquals("team-a-web", second.roleName());
    }

    @Test
    void anExistingCustomPolicyOfTheTeamCanBeAttached() {
        cloud.addCustomPolicy("team-a-logs", READ_LOGS);
        AttachPolicyResult result = service.attachPolicy(TestContexts.of(cloud, "team-a", false), attach("team-a-web", "team-a-logs", PolicyType.Custom));
        assertEquals(Status.ATTACHED, result.status());
        assertEquals(List.of("Custom:team-a-logs"), cloud.rolePolicies("team-a-web"));
    }

    @Test
    void unknownPolicyOrRoleIsNotFound() {
        assertCode(ErrorCode.PolicyNotFound, () -> service.attachPolicy(TestContexts.of(cloud, "team-a", false),
                attach("team-a-web", "AliyunNoSuchAccess", PolicyType.System)));
        // a system policy's name is not a custom policy
        assertCode(ErrorCode.PolicyNotFound, () -> service.attachPolicy(TestContexts.of(cloud, "team-a", false),
                attach("team-a-web", "team-a-AliyunOSSReadOnlyAccess", PolicyType.Custom)));
        assertCode(ErrorCode.RoleNotFound, () -> service.attachPolicy(TestContexts.of(cloud, "team-a", false),
                attach("team-a-gone", "AliyunOSSReadOnlyAccess", PolicyType.System)));
        assertEquals(0, cloud.mutatingCalls());
    }

    @Test
    void blockedSystemPoliciesAreForAdminsOnly() {
        assertForbidden(() -> service.attachPolicy(TestContexts.of(cloud, "team-a", false), attach("team-a-web", "AdministratorAccess", PolicyType.System)));
        assertEquals(List.of(), cloud.callLog());
        AttachPolicyResult admin = service.attachPolicy(TestContexts.of(cloud, "platform", false), attach("team-a-web", "AdministratorAccess", PolicyType.System));
        assertEquals(Status.ATTACHED, admin.status());
        assertTrue(admin.findings().stream().anyMatch(f -> f.code().equals("FULL_ACCESS")), admin.findings().toString());
    }

    @Test
    void teamRulesForAttachingAnExistingPolicy() {
        cloud.addCustomPolicy("team-b-logs", READ_LOGS);
        assertForbidden(() -> service.attachPolicy(TestContexts.of(cloud, "team-a", false), attach("team-a-web", "team-b-logs", PolicyType.Custom)));
        assertForbidden(() -> service.attachPolicy(TestContexts.of(cloud, "team-a", false), attach("team-b-web", "AliyunOSSReadOnlyAccess", PolicyType.System)));
    }

    @Test
    void anExistingPolicyWithSecurityWarningsIsTooBroadForATeam() {
        cloud.addCustomPolicy("team-a-everything", EVERYTHING);
        assertCode(ErrorCode.PolicyTooBroad, () -> service.attachPolicy(TestContexts.of(cloud, "team-a", false),
                attach("team-a-web", "team-a-everything", PolicyType.Custom)));
        assertEquals(0, cloud.mutatingCalls());
        // a system policy outside the blocked list is linted too
        DeploymentConfig lenientConfig = DeploymentConfig.fromEnvironment(java.util.Map.of("BLOCKED_SYSTEM_POLICIES", "AliyunECSFullAccess"));
        PolicyService lenient = new PolicyService(new Guardrails(lenientConfig), new PolicyLinter(lenientConfig));
        assertCode(ErrorCode.PolicyTooBroad, () -> lenient.attachPolicy(TestContexts.of(cloud, "team-a", false),
                attach("team-a-web", "AdministratorAccess", PolicyType.System)));
    }

    @Test
    void theAttachedPolicysFindingsComeBack() {
        AttachPolicyResult result = service.attachPolicy(TestContexts.of(cloud, "team-a", false), attach("team-a-web", "AliyunOSSFullAccess", PolicyType.System));
        assertTrue(result.findings().stream().anyMatch(f -> f.code().equals("SERVICE_WILDCARD")), result.findings().toString());
        assertEquals(List.of("status", "dryRun", "roleName", "policyName", "policyType", "findings"),
                fieldNames(Json.MAPPER.valueToTree(result)));
    }

    @Test
    void attachingInADryRunChangesNothing() {
        AttachPolicyResult result = service.attachPolicy(TestContexts.of(cloud, "team-a", true), attach("team-a-web", "AliyunOSSReadOnlyAccess", PolicyType.System));
        assertEquals(Status.ATTACHED, result.status());
        assertTrue(result.dryRun());
        assertEquals(0, cloud.mutatingCalls());
        assertEquals(List.of(), cloud.rolePolicies("team-a-web"));
    }

    @Test
    void ramsAlreadyAttachedAnswerCountsAsDone() {
        cloud.failNext("AttachPolicyToRole", CloudException.Kind.CONFLICT, "EntityAlreadyExists.Role.Policy");
        AttachPolicyResult result = service.attachPolicy(TestContexts.of(cloud, "team-a", false), attach("team-a-web", "AliyunOSSReadOnlyAccess", PolicyType.System));
        assertEquals(Status.ALREADY_ATTACHED, result.status());
    }

    @Test
    void requestRules() {
        assertCode(ErrorCode.InvalidParameter, () -> CreatePolicyRequest.of(PolicyName.of("team-a-x"), null, null, null));
        assertCode(ErrorCode.InvalidParameter, () -> CreatePolicyRequest.of(PolicyName.of("team-a-x"), null,
                Json.MAPPER.valueToTree(List.of(1)), null));
        DomainException duplicate = assertThrows(DomainException.class, () -> request("team-a-x", READ_LOGS, "team-a-web", "TEAM-A-WEB"));
        assertTrue(duplicate.getMessage().startsWith("attachToRoles[1]:"), duplicate.getMessage());
        assertCode(ErrorCode.InvalidParameter, () -> CreatePolicyRequest.of(PolicyName.of("team-a-x"), "d".repeat(1025),
                Json.parse(READ_LOGS).orElseThrow(), null));
    }

    // ------------------------------------------------------------------ ownership and halfway

    @Test
    void aCreatedPolicyCarriesTheOwnerTag() {
        service.createPolicy(TestContexts.of(cloud, "team-a", false), request("team-a-logs", READ_LOGS));
        assertEquals(Map.of("team", "team-a"), cloud.policyTags("team-a-logs"));
    }

    @Test
    void anotherTeamsTaggedRoleAnswersAsAMissingOne() {
        cloud.addRole("team-a-adopted").tagRole("team-a-adopted", Map.of("team", "platform"));
        DomainException other = assertThrows(DomainException.class, () -> service.createPolicy(TestContexts.of(cloud, "team-a", false),
                request("team-a-logs", READ_LOGS, "team-a-adopted")));
        DomainException missing = assertThrows(DomainException.class, () -> service.createPolicy(TestContexts.of(cloud, "team-a", false),
                request("team-a-logs", READ_LOGS, "team-a-nothing")));
        assertEquals(ErrorCode.RoleNotFound, other.code());
        assertEquals(missing.getMessage().replace("team-a-nothing", "team-a-adopted"), other.getMessage());
        assertEquals(0, cloud.mutatingCalls());
    }

    @Test
    void anotherTeamsCustomPolicyAnswersAsAMissingOneWhenAttached() {
        cloud.addCustomPolicy("team-a-platform-made", READ_LOGS).tagPolicy("team-a-platform-made", Map.of("team", "platform"));
        DomainException other = assertThrows(DomainException.class, () -> service.attachPolicy(TestContexts.of(cloud, "team-a", false),
                attach("team-a-web", "team-a-platform-made", PolicyType.Custom)));
        DomainException missing = assertThrows(DomainException.class, () -> service.attachPolicy(TestContexts.of(cloud, "team-a", false),
                attach("team-a-web", "team-a-not-there", PolicyType.Custom)));
        assertEquals(ErrorCode.PolicyNotFound, other.code());
        assertEquals(missing.getMessage().replace("team-a-not-there", "team-a-platform-made"), other.getMessage());
        assertEquals(List.of(), cloud.rolePolicies("team-a-web"));
    }

    @Test
    void aRoleAtRamsLimitOfFiveIsFoundBeforeAnythingChanges() {
        for (int i = 0; i < InMemoryCloud.MAX_CUSTOM_ATTACHED; i++) {
            cloud.addCustomPolicy("team-a-p" + i, READ_LOGS).attachToRole("team-a-p" + i, PolicyType.Custom, "team-a-worker");
        }
        DomainException e = assertThrows(DomainException.class, () -> service.createPolicy(TestContexts.of(cloud, "team-a", false),
                request("team-a-logs", READ_LOGS, "team-a-web", "team-a-worker")));
        assertEquals(ErrorCode.Conflict, e.code());
        assertTrue(e.getMessage().contains("role 'team-a-worker' already has 5 Custom policies attached"), e.getMessage());
        assertFalse(cloud.policyExists("team-a-logs", PolicyType.Custom));
        assertEquals(0, cloud.mutatingCalls());
    }

    @Test
    void anAttachRefusedAfterThePolicyWasMadeIs207AndARetryConverges() {
        cloud.failNth("AttachPolicyToRole", 2, CloudException.Kind.CONFLICT, "LimitExceeded.Role.Policy");
        CreatePolicyResult half = service.createPolicy(TestContexts.of(cloud, "team-a", false),
                request("team-a-logs", READ_LOGS, "team-a-web", "team-a-worker"));

        assertEquals(207, half.httpStatus());
        assertEquals(Status.CREATED, half.status());
        assertEquals(List.of(Status.ATTACHED, Status.FAILED), half.attachments().stream().map(RoleAttachment::status).collect(Collectors.toList()));
        assertEquals("LimitExceeded.Role.Policy", half.attachments().get(1).code());
        JsonNode json = TestJson.of(half);
        assertEquals("failed", json.path("attachments").path(1).path("status").asText());
        assertTrue(json.path("attachments").path(0).path("code").isMissingNode());

        CreatePolicyResult retry = service.createPolicy(TestContexts.of(cloud, "team-a", false),
                request("team-a-logs", READ_LOGS, "team-a-web", "team-a-worker"));
        assertEquals(200, retry.httpStatus());
        assertEquals(Status.UNCHANGED, retry.status());
        assertEquals(List.of(Status.ALREADY_ATTACHED, Status.ATTACHED), retry.attachments().stream().map(RoleAttachment::status)
                .collect(Collectors.toList()));
    }

    @Test
    void anAttachRefusedBeforeAnyChangeIsAPlainError() {
        cloud.addCustomPolicy("team-a-logs", READ_LOGS).tagPolicy("team-a-logs", Map.of("team", "team-a"));
        cloud.failNext("AttachPolicyToRole", CloudException.Kind.DENIED, "NoPermission");
        DomainException e = assertThrows(DomainException.class, () -> service.createPolicy(TestContexts.of(cloud, "team-a", false),
                request("team-a-logs", READ_LOGS, "team-a-web")));
        assertEquals(ErrorCode.CloudDenied, e.code());
    }

    private static CreatePolicyRequest request(String name, String document, String... roles) {
        return CreatePolicyRequest.of(PolicyName.of(name), null, Json.parse(document).orElseThrow(),
                java.util.Arrays.stream(roles).map(RoleName::of).collect(Collectors.toList()));
    }

    private static AttachPolicyRequest attach(String role, String policy, PolicyType type) {
        return AttachPolicyRequest.of(RoleName.of(role), PolicyName.of(policy), type);
    }

    private static void assertForbidden(Executable call) {
        assertCode(ErrorCode.Forbidden, call);
    }

    private static void assertCode(ErrorCode code, Executable call) {
        DomainException e = assertThrows(DomainException.class, call);
        assertEquals(code, e.code(), e.getMessage());
    }
}
