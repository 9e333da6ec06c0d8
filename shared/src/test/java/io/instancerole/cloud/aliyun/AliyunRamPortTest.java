package io.instancerole.cloud.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.model.UserName;
import io.instancerole.domain.port.AttachedPolicy;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.port.CloudPolicy;
import io.instancerole.domain.port.CloudPolicyVersion;
import io.instancerole.domain.port.CloudRole;
import io.instancerole.domain.port.RamPort;
import io.instancerole.domain.port.RamResourceType;
import io.instancerole.emulator.testing.EmulatorExtension;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every RamPort method through the real SDK against the emulator. */
class AliyunRamPortTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static final RoleName WEB = RoleName.of("team-a-web");
    private static final PolicyName READ_LOGS = PolicyName.of("team-a-read-logs");
    private static final String DOCUMENT_V1 = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"log:GetLogStore\"],\"Resource\":[\"*\"]}]}";
    private static final String DOCUMENT_V2 = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"log:GetLogStore\",\"log:ListLogStores\"],\"Resource\":[\"*\"]}]}";

    private RamPort ram;

    @BeforeEach
    void open() {
        ram = Emulated.rootSessions(EMULATOR, new RecordingSleeper()).open(Emulated.ALICE).ram();
    }

    @Test
    void createsReadsAndUpdatesARoleWithAChineseDescription() {
        assertFalse(ram.getRole(WEB).isPresent());

        CloudRole created = ram.createRole(WEB, Emulated.ECS_TRUST, "网站服务器的角色", 7200, Map.of());

        assertEquals("team-a-web", created.roleName());
        assertEquals("网站服务器的角色", created.description());
        assertEquals(7200, created.maxSessionDuration());
        assertEquals("acs:ram::" + EMULATOR.accountId() + ":role/team-a-web", created.arn().toLowerCase());
        assertFalse(created.roleId().isEmpty());

        CloudRole read = ram.getRole(WEB).orElseThrow();
        assertEquals(created.roleId(), read.roleId());
        assertEquals("网站服务器的角色", read.description());
        assertTrue(read.assumeRolePolicyDocument().contains("ecs.aliyuncs.com"), read.assumeRolePolicyDocument());

        CloudRole updated = ram.updateRole(WEB, "web servers, updated", null);
        assertEquals("web servers, updated", updated.description());
        assertEquals(7200, updated.maxSessionDuration());
        assertEquals(3600, ram.updateRole(WEB, null, 3600).maxSessionDuration());
        assertEquals("web servers, updated", stateRole("team-a-web").path("description").asText());
        assertThrows(IllegalArgumentException.class, () -> ram.updateRole(WEB, null, null));
    }

    @Test
    void aSecondCreateIsAConflictAndIsNotRetried() {
        ram.createRole(WEB, Emulated.ECS_TRUST, null, null, Map.of());

        CloudException e = assertThrows(CloudException.class, () -> ram.createRole(WEB, Emulated.ECS_TRUST, null, null, Map.of()));

        assertEquals(CloudException.Kind.CONFLICT, e.kind());
        assertEquals("EntityAlreadyExists.Role", e.code());
        assertEquals(409, e.httpStatus());
        assertEquals("CreateRole", e.action());
        assertEquals(2, Emulated.calls(EMULATOR, "CreateRole").size());
    }

    @Test
    void customPolicyVersionsAreCreatedListedRotatedAndDeleted() {
        assertFalse(ram.getPolicy(READ_LOGS, PolicyType.Custom).isPresent());

        CloudPolicy created = ram.createPolicy(READ_LOGS, DOCUMENT_V1, "读取日志", Map.of());
        assertEquals("team-a-read-logs", created.policyName());
        assertEquals(PolicyType.Custom, created.policyType());
        assertEquals("v1", created.defaultVersion());
        assertEquals("读取日志", created.description());

        assertEquals("v2", ram.createPolicyVersion(READ_LOGS, DOCUMENT_V2, true, false));
        CloudPolicy read = ram.getPolicy(READ_LOGS, PolicyType.Custom).orElseThrow();
        assertEquals("v2", read.defaultVersion());
        assertEquals(DOCUMENT_V2, read.defaultDocument());

        List<CloudPolicyVersion> versions = ram.listPolicyVersions(READ_LOGS);
        assertEquals(List.of("v1", "v2"), versions.stream().map(CloudPolicyVersion::versionId).sorted().collect(Collectors.toList()));
        assertEquals(Set.of("v2"), versions.stream().filter(CloudPolicyVersion::isDefault).map(CloudPolicyVersion::versionId).collect(Collectors.toSet()));

        ram.createPolicyVersion(READ_LOGS, DOCUMENT_V1, false, false);
        ram.createPolicyVersion(READ_LOGS, DOCUMENT_V1, false, false);
        ram.createPolicyVersion(READ_LOGS, DOCUMENT_V1, false, false);
        CloudException full = assertThrows(CloudException.class, () -> ram.createPolicyVersion(READ_LOGS, DOCUMENT_V1, false, false));
        assertEquals("LimitExceeded.Policy.Version", full.code());
        assertEquals(CloudException.Kind.CONFLICT, full.kind());
        assertEquals("v6", ram.createPolicyVersion(READ_LOGS, DOCUMENT_V2, true, true));
        List<String> afterRotation = ram.listPolicyVersions(READ_LOGS).stream().map(CloudPolicyVersion::versionId).collect(Collectors.toList());
        assertEquals(5, afterRotation.size());
        assertFalse(afterRotation.contains("v1"), "the oldest non-default version was rotated out: " + afterRotation);

        for (CloudPolicyVersion version : ram.listPolicyVersions(READ_LOGS)) {
            if (!version.isDefault()) {
                ram.deletePolicyVersion(READ_LOGS, version.versionId());
            }
        }
        assertEquals(1, ram.listPolicyVersions(READ_LOGS).size());
        ram.deletePolicy(READ_LOGS);
        assertFalse(ram.getPolicy(READ_LOGS, PolicyType.Custom).isPresent());
    }

    @Test
    void systemPoliciesAreReadWithTheirDocument() {
        CloudPolicy admin = ram.getPolicy(PolicyName.of("AdministratorAccess"), PolicyType.System).orElseThrow();

        assertEquals(PolicyType.System, admin.policyType());
        assertTrue(admin.defaultDocument().contains("\"*\""), admin.defaultDocument());
        assertFalse(ram.getPolicy(PolicyName.of("NoSuchSystemPolicy"), PolicyType.System).isPresent());
    }

    @Test
    void attachingToARoleIsIdempotentAndListsEveryPolicy() {
        ram.createRole(WEB, Emulated.ECS_TRUST, null, null, Map.of());
        ram.createPolicy(READ_LOGS, DOCUMENT_V1, null, Map.of());

        ram.attachPolicyToRole(READ_LOGS, PolicyType.Custom, WEB);
        ram.attachPolicyToRole(READ_LOGS, PolicyType.Custom, WEB);
        ram.attachPolicyToRole(PolicyName.of("AliyunOSSReadOnlyAccess"), PolicyType.System, WEB);

        List<AttachedPolicy> attached = ram.listPoliciesForRole(WEB);
        assertEquals(Set.of("team-a-read-logs/Custom", "AliyunOSSReadOnlyAccess/System"),
                attached.stream().map(p -> p.policyName() + "/" + p.policyType()).collect(Collectors.toSet()));
        List<JsonNode> attaches = Emulated.calls(EMULATOR, "AttachPolicyToRole");
        assertEquals("EntityAlreadyExists.Role.Policy", attaches.get(1).path("code").asText(), "the second attach was refused as a duplicate");
    }

    @Test
    void usersAreFoundAndTheirPoliciesAttachedAndDetachedIdempotently() {
        UserName bob = UserName.of("bob");
        assertFalse(ram.getUser(bob).isPresent());
        EMULATOR.control().createUser("bob");
        assertEquals("bob", ram.getUser(bob).orElseThrow().userName());
        ram.createPolicy(READ_LOGS, DOCUMENT_V1, null, Map.of());

        ram.attachPolicyToUser(READ_LOGS, PolicyType.Custom, bob);
        ram.attachPolicyToUser(READ_LOGS, PolicyType.Custom, bob);
        ram.attachPolicyToUser(PolicyName.of("AliyunECSReadOnlyAccess"), PolicyType.System, bob);
        assertEquals(Set.of("team-a-read-logs", "AliyunECSReadOnlyAccess"),
                ram.listPoliciesForUser(bob).stream().map(AttachedPolicy::policyName).collect(Collectors.toSet()));

        ram.detachPolicyFromUser(READ_LOGS, PolicyType.Custom, bob);
        ram.detachPolicyFromUser(READ_LOGS, PolicyType.Custom, bob);
        assertEquals(List.of("AliyunECSReadOnlyAccess"),
                ram.listPoliciesForUser(bob).stream().map(AttachedPolicy::policyName).collect(Collectors.toList()));

        CloudException unknownUser = assertThrows(CloudException.class,
                () -> ram.detachPolicyFromUser(READ_LOGS, PolicyType.Custom, UserName.of("nobody")));
        assertEquals(CloudException.Kind.NOT_FOUND, unknownUser.kind());
    }

    @Test
    void tagsGivenOnCreateAreListedByNameAndByKeyAcrossPages() {
        ram.createRole(WEB, Emulated.ECS_TRUST, null, null, Map.of("team", "team-a"));
        ram.createPolicy(READ_LOGS, DOCUMENT_V1, null, Map.of("team", "team-a", "cost", "7"));
        for (int i = 0; i < 60; i++) {
            ram.createRole(RoleName.of("team-b-r" + i), Emulated.ECS_TRUST, null, null, Map.of("team", "team-b", "cost", "1"));
        }
        ram.createRole(RoleName.of("legacy-web"), Emulated.ECS_TRUST, null, null, Map.of());

        Map<String, Map<String, String>> web = ram.listTags(RamResourceType.ROLE, List.of("TEAM-A-WEB"), null);
        Map<String, Map<String, String>> owned = ram.listTags(RamResourceType.ROLE, List.of(), "team");
        Map<String, Map<String, String>> policy = ram.listTags(RamResourceType.POLICY, List.of(READ_LOGS.value()), null);

        assertEquals(Map.of("team-a-web", Map.of("team", "team-a")), web);
        // 121 entries: more than one page of ListTagResources
        assertEquals(61, owned.size());
        assertEquals(Map.of("team", "team-b", "cost", "1"), owned.get("team-b-r59"));
        assertFalse(owned.containsKey("legacy-web"));
        assertEquals(Map.of("team", "team-a", "cost", "7"), policy.get("team-a-read-logs"));
        assertEquals("team-a", stateRole("team-a-web").path("tags").path("team").asText());
        assertTrue(Emulated.calls(EMULATOR, "ListTagResources").size() >= 4, "the listing by key paged");
    }

    private static JsonNode stateRole(String roleName) {
        for (JsonNode role : EMULATOR.control().state().path("roles")) {
            if (roleName.equals(role.path("roleName").asText())) {
                return role;
            }
        }
        throw new AssertionError("no role " + roleName + " in the emulator's state");
    }
}
