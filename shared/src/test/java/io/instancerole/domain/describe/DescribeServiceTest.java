package io.instancerole.domain.describe;

import static io.instancerole.domain.TestJson.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DescribeServiceTest {
    private final InMemoryCloud cloud = new InMemoryCloud().addRole("team-a-web").addRole("team-b-web")
            .addInstance("i-a1111", "team-a").bindInstance("i-a1111", "team-a-web")
            .addInstance("i-a2222", "team-a")
            .addInstance("i-b1111", "team-b");
    private final DescribeService service = new DescribeService(new Guardrails(DeploymentConfig.defaults()));

    @Test
    void anInstancesRoleOrNull() {
        InstanceRoleResult bound = service.describeInstanceRole(TestContexts.of(cloud, "team-a", false), null, InstanceId.of("i-a1111"));
        assertEquals("team-a-web", bound.roleName());
        assertEquals("cn-hangzhou", bound.regionId());
        InstanceRoleResult none = service.describeInstanceRole(TestContexts.of(cloud, "team-a", false), null, InstanceId.of("i-a2222"));
        assertNull(none.roleName());
        JsonNode json = TestJson.of(none);
        assertEquals(List.of("instanceId", "regionId", "roleName"), fieldNames(json));
        assertTrue(json.get("roleName").isNull());
    }

    @Test
    void anUnknownInstanceOrAnotherTeamsIsRefused() {
        assertCode(ErrorCode.InstanceNotFound, () -> service.describeInstanceRole(TestContexts.of(cloud, "team-a", false), null, InstanceId.of("i-gone1")));
        assertCode(ErrorCode.InstanceNotFound, () -> service.describeInstanceRole(TestContexts.of(cloud, "team-a", false),
                RegionId.of("cn-beijing"), InstanceId.of("i-a1111")));
        // another team's instance answers exactly as a missing one would
        DomainException other = assertThrows(DomainException.class,
                () -> service.describeInstanceRole(TestContexts.of(cloud, "team-a", false), null, InstanceId.of("i-b1111")));
        DomainException missing = assertThrows(DomainException.class,
                () -> service.describeInstanceRole(TestContexts.of(cloud, "team-a", false), null, InstanceId.of("i-b2222")));
        assertEquals(ErrorCode.InstanceNotFound, other.code());
        assertEquals(missing.getMessage().replace("i-b2222", "i-b1111"), other.getMessage());
        assertEquals(null, service.describeInstanceRole(TestContexts.of(cloud, "platform", false), null, InstanceId.of("i-b1111")).roleName());
        DescribeService limited = new DescribeService(new Guardrails(DeploymentConfig.fromEnvironment(Map.of("ALLOWED_REGIONS", "cn-hangzhou"))));
        assertCode(ErrorCode.InvalidParameter, () -> limited.describeInstanceRole(TestContexts.of(cloud, "team-a", false),
                RegionId.of("cn-beijing"), InstanceId.of("i-a1111")));
    }

    @Test
    void aRoleWithItsTrustAndPolicies() {
        cloud.attachToRole("AliyunOSSReadOnlyAccess", PolicyType.System, "team-a-web");
        RoleDescription description = service.describeRole(TestContexts.of(cloud, "team-a", false), RoleName.of("Team-A-Web"));
        assertEquals("team-a-web", description.role().roleName());
        assertEquals(List.of("ecs.aliyuncs.com"), description.role().trustedServices());
        assertEquals(List.of("AliyunOSSReadOnlyAccess"),
                description.policies().stream().map(RoleDescription.PolicyRef::policyName).collect(Collectors.toList()));
        JsonNode json = TestJson.of(description);
        assertEquals(List.of("role", "policies"), fieldNames(json));
        assertEquals(List.of("policyName", "policyType"), fieldNames(json.get("policies").get(0)));
        assertEquals("System", json.get("policies").get(0).get("policyType").asText());
    }

    @Test
    void anUnknownRoleOrAnotherTeamsIsRefused() {
        assertCode(ErrorCode.RoleNotFound, () -> service.describeRole(TestContexts.of(cloud, "team-a", false), RoleName.of("team-a-gone")));
        assertCode(ErrorCode.Forbidden, () -> service.describeRole(TestContexts.of(cloud, "team-a", false), RoleName.of("team-b-web")));
        assertEquals("team-b-web", service.describeRole(TestContexts.of(cloud, "platform", false), RoleName.of("team-b-web")).role().roleName());
    }

    @Test
    void describingMakesNoChange() {
        service.describeInstanceRole(TestContexts.of(cloud, "team-a", false), null, InstanceId.of("i-a1111"));
        service.describeRole(TestContexts.of(cloud, "team-a", false), RoleName.of("team-a-web"));
        assertEquals(0, cloud.mutatingCalls());
    }

    private static void assertCode(ErrorCode code, Executable call) {
        DomainException e = assertThrows(DomainException.class, call);
        assertEquals(code, e.code(), e.getMessage());
    }
}
