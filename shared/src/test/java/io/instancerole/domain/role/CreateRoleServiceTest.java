package io.instancerole.domain.role;

import static io.instancerole.domain.TestJson.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.config.DeploymentConfig;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.fake.InMemoryCloud;
import io.instancerole.domain.fake.TestContexts;
import io.instancerole.domain.guard.Guardrails;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.port.CloudRole;
import io.instancerole.domain.service.Json;
import io.instancerole.domain.service.RequestContext;
import io.instancerole.domain.service.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreateRoleServiceTest {
    private final InMemoryCloud cloud = new InMemoryCloud();
    private final CreateRoleService service = new CreateRoleService(new Guardrails(DeploymentConfig.defaults()));

    @Test
    void anAbsentRoleIsCreatedTrustedByEcs() {
        RequestContext ctx = TestContexts.of(cloud, "team-a", false);
        CreateRoleResult result = service.createRole(ctx, CreateRoleRequest.of(RoleName.of("team-a-web"), "web tier", 7200));

        assertEquals(Status.CREATED, result.status());
        assertEquals(201, result.httpStatus());
        CloudRole stored = cloud.role("team-a-web").orElseThrow();
        assertEquals(EcsTrust.TRUST_POLICY, stored.assumeRolePolicyDocument());
        assertEquals("web tier", stored.description());
        assertEquals(7200, stored.maxSessionDuration());
        assertEquals(stored.arn(), result.role().arn());
        assertEquals(List.of("ecs.aliyuncs.com"), result.role().trustedServices());
        assertEquals(List.of(Map.of("action", "CreateRole", "roleName", "team-a-web")), ctx.changes());
    }

    @Test
    void repeatingTheRequestChangesNothing() {
        CreateRoleRequest request = CreateRoleRequest.of(RoleName.of("team-a-web"), "web tier", 7200);
        service.createRole(TestContexts.of(cloud, "team-a", false), request);
        cloud.clearCalls();

        CreateRoleResult again = service.createRole(TestContexts.of(cloud, "team-a", false), request);
        assertEquals(Status.UNCHANGED, again.status());
        assertEquals(200, again.httpStatus());
        assertEquals(0, cloud.mutatingCalls());
    }

    @Test
    void aDifferentDescriptionOrDurationIsUpdated() {
        cloud.addRole("team-a-web", EcsTrust.TRUST_POLICY, "old", 3600);
        CreateRoleResult result = service.createRole(TestContexts.of(cloud, "team-a", false),
                CreateRoleRequest.of(RoleName.of("team-a-web"), "new", null));
        assertEquals(Status.UPDATED, result.status());
        assertEquals("new", cloud.role("team-a-web").orElseThrow().description());
        assertEquals(3600, cloud.role("team-a-web").orElseThrow().maxSessionDuration());

        result = service.createRole(TestContexts.of(cloud, "team-a", false), CreateRoleRequest.of(RoleName.of("TEAM-A-WEB"), null, 43200));
        assertEquals(Status.UPDATED, result.status());
        assertEquals(43200, result.role().maxSessionDuration());
        assertEquals("new", result.role().description());
    }

    @Test
    void fieldsNotGivenAreLeftAlone() {
        cloud.addRole("team-a-web", EcsTrust.TRUST_POLICY, "kept", 7200);
        CreateRoleResult result = service.createRole(TestContexts.of(cloud, "team-a", false),
                CreateRoleRequest.of(RoleName.of("team-a-web"), null, null));
        assertEquals(Status.UNCHANGED, result.status());
        assertEquals("kept", result.role().description());
    }

    @Test
    void trustIsComparedByMeaning() {
        cloud.addRole("team-a-web", "{\"Version\":\"1\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"service\":\"ecs.aliyuncs.com\"}}}");
        assertEquals(Status.UNCHANGED, service.createRole(TestContexts.of(cloud, "team-a", false),
                CreateRoleRequest.of(RoleName.of("team-a-web"), null, null)).status());
    }

    @Test
    void aRoleNotTrustedByEcsIsAConflict() {
        cloud.addRole("team-a-fn", "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"fc.aliyuncs.com\"]}}],\"Version\":\"1\"}");
        DomainException e = assertThrows(DomainException.class, () -> service.createRole(TestContexts.of(cloud, "team-a", false),
                CreateRoleRequest.of(RoleName.of("team-a-fn"), "x", null)));
        assertEquals(ErrorCode.RoleConflict, e.code());
        assertTrue(e.getMessage().contains("ecs.aliyuncs.com"), e.getMessage());
        assertEquals(0, cloud.mutatingCalls());
    }

    @Test
    void anotherTeamsNameIsForbiddenBeforeAnyCloudCall() {
        DomainException e = assertThrows(DomainException.class, () -> service.createRole(TestContexts.of(cloud, "team-a", false),
                CreateRoleRequest.of(RoleName.of("team-b-web"), null, null)));
        assertEquals(ErrorCode.Forbidden, e.code());
        assertEquals(List.of(), cloud.callLog());
        assertEquals(Status.CREATED, service.createRole(TestContexts.of(cloud, "platform", false),
                CreateRoleRequest.of(RoleName.of("team-b-web"), null, null)).status());
    }

    @Test
    void aDryRunAnswersLikeARealRunWithoutChanging() {
        CreateRoleResult created = service.createRole(TestContexts.of(cloud, "team-a", true),
                CreateRoleRequest.of(RoleName.of("team-a-web"), "web", null));
        assertEquals(Status.CREATED, created.status());
        assertTrue(created.dryRun());
        assertNull(created.role().roleId());
        assertEquals(3600, created.role().maxSessionDuration());
        assertTrue(cloud.role("team-a-web").isEmpty());

        cloud.addRole("team-a-web", EcsTrust.TRUST_POLICY, "old", 3600);
        CreateRoleResult updated = service.createRole(TestContexts.of(cloud, "team-a", true),
                CreateRoleRequest.of(RoleName.of("team-a-web"), "new", 7200));
        assertEquals(Status.UPDATED, updated.status());
        assertEquals("new", updated.role().description());
        assertEquals(7200, updated.role().maxSessionDuration());
        assertEquals("old", cloud.role("team-a-web").orElseThrow().description());
        assertEquals(0, cloud.mutatingCalls());
    }

    @Test
    void theAnswerHasTheContractsShape() {
        CreateRoleResult result = service.createRole(TestContexts.of(cloud, "team-a", true),
                CreateRoleRequest.of(RoleName.of("team-a-web"), null, null));
        JsonNode json = Json.MAPPER.valueToTree(result);
        assertEquals(List.of("status", "dryRun", "role"), fieldNames(json));
        assertEquals(List.of("roleName", "roleId", "arn", "description", "maxSessionDuration", "trustedServices", "createDate"),
                fieldNames(json.get("role")));
        assertEquals("created", json.get("status").asText());
        assertEquals("", json.get("role").get("description").asText());
        assertTrue(json.get("role").get("arn").isNull());
    }

    @Test
    void theRoleIsCreatedWithTheOwnerTagInTheSameCall() {
        service.createRole(TestContexts.of(cloud, "team-a", false), CreateRoleRequest.of(RoleName.of("team-a-web"), null, null));
        assertEquals(Map.of("team", "team-a"), cloud.roleTags("team-a-web"));
        assertEquals(0, cloud.calls("TagResources"));
    }

    @Test
    void aNameOfALongerTeamPrefixIsRefusedWhetherOrNotTheRoleExists() {
        cloud.addRole("team-a-b-web").tagRole("team-a-b-web", Map.of("team", "team-a-b"));
        DomainException existing = assertThrows(DomainException.class, () -> service.createRole(TestContexts.of(cloud, "team-a", false),
                CreateRoleRequest.of(RoleName.of("team-a-b-web"), "mine now", null)));
        DomainException missing = assertThrows(DomainException.class, () -> service.createRole(TestContexts.of(cloud, "team-a", false),
                CreateRoleRequest.of(RoleName.of("team-a-b-db"), null, null)));

        assertEquals(ErrorCode.Forbidden, existing.code());
        assertTrue(existing.getMessage().contains("prefix 'team-a-b-' of team 'team-a-b'"), existing.getMessage());
        assertEquals(existing.getMessage().replace("team-a-b-web", "team-a-b-db"), missing.getMessage());
        assertEquals("", cloud.role("team-a-b-web").orElseThrow().description());
        assertEquals(0, cloud.mutatingCalls());
    }

    @Test
    void aRoleTaggedForAnotherTeamIsNeverTakenOver() {
        cloud.addRole("team-a-shared").tagRole("team-a-shared", Map.of("team", "platform"));
        DomainException e = assertThrows(DomainException.class, () -> service.createRole(TestContexts.of(cloud, "team-a", false),
                CreateRoleRequest.of(RoleName.of("team-a-shared"), "mine", null)));
        assertEquals(ErrorCode.Forbidden, e.code());
        assertTrue(e.getMessage().contains("owner tag rule"), e.getMessage());
        assertEquals(0, cloud.mutatingCalls());
    }

    @Test
    void cloudFailuresBecomeContractErrors() {
        cloud.failNext("GetRole", CloudException.Kind.THROTTLED, "Throttling.User");
        DomainException e = assertThrows(DomainException.class, () -> service.createRole(TestContexts.of(cloud, "team-a", false),
                CreateRoleRequest.of(RoleName.of("team-a-web"), null, null)));
        assertEquals(ErrorCode.Throttled, e.code());
    }

    @Test
    void requestRulesNameTheField() {
        assertField("maxSessionDuration", () -> CreateRoleRequest.of(RoleName.of("team-a-web"), null, 3599));
        assertField("maxSessionDuration", () -> CreateRoleRequest.of(RoleName.of("team-a-web"), null, 43201));
        assertField("description", () -> CreateRoleRequest.of(RoleName.of("team-a-web"), "x".repeat(1025), null));
        CreateRoleRequest.of(RoleName.of("team-a-web"), "x".repeat(1024), 43200);
    }

    private static void assertField(String field, org.junit.jupiter.api.function.Executable call) {
        DomainException e = assertThrows(DomainException.class, call);
        assertEquals(ErrorCode.InvalidParameter, e.code());
        assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
    }
}
