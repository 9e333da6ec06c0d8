package io.instancerole.domain.it;

import static io.instancerole.domain.it.Deployment.TEAM_A;
import static io.instancerole.domain.it.Requests.READ_BUCKET;
import static io.instancerole.domain.it.Requests.WRITE_BUCKET;
import static io.instancerole.domain.it.Requests.bind;
import static io.instancerole.domain.it.Requests.createPolicy;
import static io.instancerole.domain.it.Requests.createRole;
import static io.instancerole.domain.it.Requests.grant;
import static io.instancerole.domain.it.Requests.ids;
import static io.instancerole.domain.it.Requests.replace;
import static io.instancerole.domain.it.Requests.revoke;
import static io.instancerole.domain.it.Requests.statuses;
import static io.instancerole.domain.it.Requests.unbind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.authorize.CreatePolicyResult;
import io.instancerole.domain.authorize.RoleAttachment;
import io.instancerole.domain.binding.BatchResult;
import io.instancerole.domain.binding.InstanceResult;
import io.instancerole.domain.describe.InstanceRoleResult;
import io.instancerole.domain.describe.RoleDescription;
import io.instancerole.domain.grant.PassRoleGrantResult;
import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.role.CreateRoleResult;
import io.instancerole.domain.role.EcsTrust;
import io.instancerole.domain.service.Json;
import io.instancerole.domain.service.Status;
import io.instancerole.emulator.testing.EmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole workflow through the real SDK adapters, signed by the template's service role, checked against the emulator's state. */
class WorkflowTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private final Account account = new Account(EMULATOR);
    private Deployment api;

    @BeforeEach
    void deploy() {
        api = Deployment.of(ServiceRole.createIn(EMULATOR), EMULATOR);
        account.control().createUser("deployer");
        account.clearCalls();
    }

    @Test
    void theWholeWorkflowChangesTheCloudStepByStep() {
        List<String> web = account.instances(TEAM_A, 2);

        CreateRoleResult role = api.roles.createRole(api.as(TEAM_A), createRole("team-a-web", "web servers", 7200));
        assertEquals(Status.CREATED, role.status());
        assertEquals(201, role.httpStatus());
        JsonNode storedRole = account.role("team-a-web").orElseThrow();
        assertEquals(Json.parse(EcsTrust.TRUST_POLICY).orElseThrow(),
                Json.parse(storedRole.path("assumeRolePolicyDocument").asText()).orElseThrow());
        assertEquals("web servers", storedRole.path("description").asText());
        assertEquals(7200, storedRole.path("maxSessionDuration").asInt());
        assertEquals(storedRole.path("arn").asText(), role.role().arn());
        assertEquals(storedRole.path("roleId").asText(), role.role().roleId());
        assertEquals(List.of(EcsTrust.SERVICE), role.role().trustedServices());

        CreatePolicyResult policy = api.policies.createPolicy(api.as(TEAM_A), createPolicy("team-a-read-bucket", READ_BUCKET, "team-a-web"));
        assertEquals(Status.CREATED, policy.status());
        assertEquals("v1", policy.policy().defaultVersion());
        assertEquals(List.of("team-a-web=attached"), attachments(policy));
        assertEquals(Json.parse(READ_BUCKET).orElseThrow(), account.defaultDocument("team-a-read-bucket"));
        assertEquals(List.of("Custom:team-a-read-bucket"), account.policiesOf("Role", "team-a-web"));

        BatchResult bound = api.bindings.bind(api.as(TEAM_A), bind("team-a-web", web));
        assertEquals(web, ids(bound));
        assertEquals(List.of("bound", "bound"), statuses(bound));
        assertEquals(200, bound.httpStatus());
        assertEquals(List.of("team-a-web", "team-a-web"), account.rolesOf(web));
        assertEquals(List.of(web), account.calls("AttachInstanceRamRole").stream().map(Account::instanceIds).collect(Collectors.toList()),
                "both instances in one AttachInstanceRamRole call");

        InstanceRoleResult instanceRole = api.describe.describeInstanceRole(api.as(TEAM_A), null, InstanceId.of(web.get(0)));
        assertEquals("team-a-web", instanceRole.roleName());
        assertEquals(Account.REGION, instanceRole.regionId());
        RoleDescription described = api.describe.describeRole(api.as(TEAM_A), RoleName.of("team-a-web"));
        assertEquals(storedRole.path("arn").asText(), described.role().arn());
        assertEquals(List.of("team-a-read-bucket:Custom"), described.policies().stream()
                .map(p -> p.policyName() + ":" + p.policyType()).collect(Collectors.toList()));

        api.roles.createRole(api.as(TEAM_A), createRole("team-a-batch"));
        BatchResult replaced = api.bindings.replace(api.as(TEAM_A), replace("team-a-batch", "team-a-web", web));
        assertEquals(List.of("replaced", "replaced"), statuses(replaced));
        assertEquals(List.of("team-a-web", "team-a-web"), replaced.results().stream().map(InstanceResult::previousRoleName).collect(Collectors.toList()));
        assertEquals(List.of("team-a-batch", "team-a-batch"), account.rolesOf(web));

        BatchResult unbound = api.bindings.unbind(api.as(TEAM_A), unbind("team-a-batch", web));
        assertEquals(List.of("unbound", "unbound"), statuses(unbound));
        assertEquals(nulls(2), account.rolesOf(web));
        assertNull(api.describe.describeInstanceRole(api.as(TEAM_A), null, InstanceId.of(web.get(1))).roleName());

        PassRoleGrantResult granted = api.grants.grant(api.as(TEAM_A), grant("deployer", "team-a-web"));
        assertEquals(Status.CREATED, granted.status());
        assertEquals(List.of("team-a-web"), granted.grantedRoles());
        JsonNode grantDocument = account.defaultDocument(granted.policyName());
        assertEquals(granted.document(), grantDocument);
        JsonNode passRole = grantDocument.path("Statement").get(0);
        assertEquals("ram:PassRole", passRole.path("Action").asText());
        assertEquals(List.of("acs:ram:*:" + account.accountId() + ":role/team-a-web"), texts(passRole.path("Resource")));
        assertEquals(List.of("ecs:AttachInstanceRamRole", "ecs:DetachInstanceRamRole"), texts(grantDocument.path("Statement").get(1).path("Action")));
        assertEquals("team-a", grantDocument.path("Statement").get(1).path("Condition").path("StringEquals").path("acs:ResourceTag/team").asText());
        assertEquals(List.of("ecs:DescribeInstanceRamRole", "ecs:DescribeInstances"), texts(grantDocument.path("Statement").get(2).path("Action")));
        assertEquals(List.of("Custom:" + granted.policyName()), account.policiesOf("User", "deployer"));

        PassRoleGrantResult revoked = api.grants.revoke(api.as(TEAM_A), revoke("deployer", "team-a-web"));
        assertEquals(Status.DELETED, revoked.status());
        assertNull(revoked.document());
        assertFalse(account.policy(granted.policyName()).isPresent());
        assertEquals(List.of(), account.policiesOf("User", "deployer"));

        String serviceSession = ":assumed-role/" + ServiceRole.ROLE_NAME + "/";
        for (JsonNode call : account.calls()) {
            assertTrue(call.path("principal").asText().toLowerCase(Locale.ROOT).contains(serviceSession),
                    "every call is signed by the deployment's service role session: " + call);
        }
    }

    @Test
    void repeatingEveryStepAnswersUnchangedAndChangesNothing() {
        List<String> web = account.instances(TEAM_A, 2);
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-web", "web servers", null));
        api.policies.createPolicy(api.as(TEAM_A), createPolicy("team-a-read-bucket", READ_BUCKET, "team-a-web"));
        api.bindings.bind(api.as(TEAM_A), bind("team-a-web", web));
        api.grants.grant(api.as(TEAM_A), grant("deployer", "team-a-web"));
        JsonNode before = account.state();
        account.clearCalls();

        CreateRoleResult role = api.roles.createRole(api.as(TEAM_A), createRole("team-a-web", "web servers", null));
        assertEquals(Status.UNCHANGED, role.status());
        assertEquals(200, role.httpStatus());
        CreatePolicyResult policy = api.policies.createPolicy(api.as(TEAM_A), createPolicy("team-a-read-bucket", READ_BUCKET, "team-a-web"));
        assertEquals(Status.UNCHANGED, policy.status());
        assertEquals(List.of("team-a-web=alreadyAttached"), attachments(policy));
        BatchResult bind = api.bindings.bind(api.as(TEAM_A), bind("team-a-web", web));
        assertEquals(List.of("unchanged", "unchanged"), statuses(bind));
        assertEquals(200, bind.httpStatus());
        assertEquals(List.of("unchanged", "unchanged"), statuses(api.bindings.replace(api.as(TEAM_A), replace("team-a-web", null, web))));
        assertEquals(Status.UNCHANGED, api.grants.grant(api.as(TEAM_A), grant("deployer", "team-a-web")).status());

        assertEquals(before, account.state());
        assertEquals(List.of(), account.writes(), "an ensure with nothing left to do makes no mutating call");

        assertEquals(List.of("unbound", "unbound"), statuses(api.bindings.unbind(api.as(TEAM_A), unbind(null, web))));
        account.clearCalls();
        assertEquals(List.of("unchanged", "unchanged"), statuses(api.bindings.unbind(api.as(TEAM_A), unbind(null, web))));
        assertEquals(Status.DELETED, api.grants.revoke(api.as(TEAM_A), revoke("deployer", "team-a-web")).status());
        account.clearCalls();
        assertEquals(Status.UNCHANGED, api.grants.revoke(api.as(TEAM_A), revoke("deployer", "team-a-web")).status());
        assertEquals(List.of(), account.writes());
    }

    @Test
    void changedRequestsUpdateWhatIsThere() {
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-web", "first", null));
        String roleId = account.role("team-a-web").orElseThrow().path("roleId").asText();

        CreateRoleResult role = api.roles.createRole(api.as(TEAM_A), createRole("team-a-web", "second", 7200));
        assertEquals(Status.UPDATED, role.status());
        JsonNode stored = account.role("team-a-web").orElseThrow();
        assertEquals("second", stored.path("description").asText());
        assertEquals(7200, stored.path("maxSessionDuration").asInt());
        assertEquals(roleId, stored.path("roleId").asText(), "updated in place, not re-created");

        api.policies.createPolicy(api.as(TEAM_A), createPolicy("team-a-bucket", READ_BUCKET));
        CreatePolicyResult updated = api.policies.createPolicy(api.as(TEAM_A), createPolicy("team-a-bucket", WRITE_BUCKET));
        assertEquals(Status.UPDATED, updated.status());
        assertEquals("v2", updated.policy().defaultVersion());
        assertEquals(Json.parse(WRITE_BUCKET).orElseThrow(), account.defaultDocument("team-a-bucket"));

        for (int i = 3; i <= 7; i++) {
            CreatePolicyResult next = api.policies.createPolicy(api.as(TEAM_A), createPolicy("team-a-bucket", readBucket("team-a-bucket-" + i)));
            assertEquals("v" + i, next.policy().defaultVersion());
        }
        JsonNode policy = account.policy("team-a-bucket").orElseThrow();
        assertEquals("v7", policy.path("defaultVersion").asText());
        assertEquals(List.of("v3", "v4", "v5", "v6", "v7"), texts(policy.path("versions"), "versionId"),
                "RAM keeps 5 versions: the oldest non-default ones were rotated out");
        assertEquals(Json.parse(readBucket("team-a-bucket-7")).orElseThrow(), account.defaultDocument("team-a-bucket"));

        api.roles.createRole(api.as(TEAM_A), createRole("team-a-api"));
        account.control().createUser("deployer");
        assertEquals(Status.CREATED, api.grants.grant(api.as(TEAM_A), grant("deployer", "team-a-web")).status());
        PassRoleGrantResult second = api.grants.grant(api.as(TEAM_A), grant("deployer", "team-a-api"));
        assertEquals(Status.UPDATED, second.status());
        assertEquals(List.of("team-a-api", "team-a-web"), second.grantedRoles(), "grants accumulate");
        assertEquals(List.of("acs:ram:*:" + account.accountId() + ":role/team-a-api", "acs:ram:*:" + account.accountId() + ":role/team-a-web"),
                texts(account.defaultDocument(second.policyName()).path("Statement").get(0).path("Resource")));

        PassRoleGrantResult narrowed = api.grants.revoke(api.as(TEAM_A), revoke("deployer", "team-a-web"));
        assertEquals(Status.UPDATED, narrowed.status());
        assertEquals(List.of("acs:ram:*:" + account.accountId() + ":role/team-a-api"),
                texts(account.defaultDocument(second.policyName()).path("Statement").get(0).path("Resource")));
        assertEquals(List.of("Custom:" + second.policyName()), account.policiesOf("User", "deployer"));
    }

    @Test
    void grantsAccumulatePastRamsVersionLimitAndRevokingAllDeletesThePolicy() {
        List<String> roles = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            roles.add("team-a-role" + i);
            api.roles.createRole(api.as(TEAM_A), createRole("team-a-role" + i));
        }

        PassRoleGrantResult last = null;
        for (String role : roles) {
            last = api.grants.grant(api.as(TEAM_A), grant("deployer", role));
        }

        assertEquals(roles, last.grantedRoles());
        assertEquals(roles.size(), account.defaultDocument(last.policyName()).path("Statement").get(0).path("Resource").size());
        assertEquals(5, account.policy(last.policyName()).orElseThrow().path("versions").size(), "RAM's limit, rotated");

        PassRoleGrantResult revoked = api.grants.revoke(api.as(TEAM_A), revoke("deployer", roles.toArray(new String[0])));
        assertEquals(Status.DELETED, revoked.status());
        assertFalse(account.policy(last.policyName()).isPresent(), "its other versions were deleted first, as RAM requires");
        assertEquals(List.of(), account.policiesOf("User", "deployer"));
    }

    @Test
    void anExistingSystemPolicyAuthorizesTheRole() {
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-web"));

        assertEquals(Status.ATTACHED, api.policies.attachPolicy(api.as(TEAM_A),
                Requests.attachPolicy("team-a-web", "AliyunOSSReadOnlyAccess", PolicyType.System)).status());
        assertEquals(Status.ALREADY_ATTACHED, api.policies.attachPolicy(api.as(TEAM_A),
                Requests.attachPolicy("team-a-web", "AliyunOSSReadOnlyAccess", PolicyType.System)).status());

        assertEquals(List.of("System:AliyunOSSReadOnlyAccess"), account.policiesOf("Role", "team-a-web"));
        assertEquals(1, account.calls("AttachPolicyToRole").size());
    }

    private static String readBucket(String bucket) {
        return "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"acs:oss:*:*:"
                + bucket + "/*\"}]}";
    }

    private static List<String> attachments(CreatePolicyResult result) {
        List<String> attachments = new ArrayList<>();
        for (RoleAttachment attachment : result.attachments()) {
            attachments.add(attachment.roleName() + "=" + attachment.status().wire());
        }
        return attachments;
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(item.path(field).asText()));
        return texts;
    }

    private static List<String> nulls(int count) {
        List<String> nulls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            nulls.add(null);
        }
        return nulls;
    }
}
