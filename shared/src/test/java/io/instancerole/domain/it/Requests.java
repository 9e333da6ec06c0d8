package io.instancerole.domain.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.authorize.AttachPolicyRequest;
import io.instancerole.domain.authorize.CreatePolicyRequest;
import io.instancerole.domain.binding.BatchResult;
import io.instancerole.domain.binding.BindRequest;
import io.instancerole.domain.binding.InstanceIdBatch;
import io.instancerole.domain.binding.InstanceResult;
import io.instancerole.domain.binding.ReplaceRequest;
import io.instancerole.domain.binding.UnbindRequest;
import io.instancerole.domain.grant.GrantPassRoleRequest;
import io.instancerole.domain.grant.RevokePassRoleRequest;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.model.UserName;
import io.instancerole.domain.role.CreateRoleRequest;
import io.instancerole.domain.service.Json;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The services' requests as a handler would build them from a JSON body, and what tests read from batch answers. */
final class Requests {
    /** A narrow policy with no finding above WARNING. */
    static final String READ_BUCKET = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"oss:GetObject\",\"oss:ListObjects\"],\"Resource\":[\"acs:oss:*:*:team-a-bucket\",\"acs:oss:*:*:team-a-bucket/*\"]}]}";
    static final String WRITE_BUCKET = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"oss:GetObject\",\"oss:PutObject\"],\"Resource\":\"acs:oss:*:*:team-a-bucket/*\"}]}";

    private Requests() {}

    static CreateRoleRequest createRole(String roleName) {
        return CreateRoleRequest.of(RoleName.of(roleName), null, null);
    }

    static CreateRoleRequest createRole(String roleName, String description, Integer maxSessionDuration) {
        return CreateRoleRequest.of(RoleName.of(roleName), description, maxSessionDuration);
    }

    static CreatePolicyRequest createPolicy(String policyName, String document, String... attachToRoles) {
        JsonNode parsed = Json.parse(document).orElseThrow(() -> new IllegalArgumentException("not JSON: " + document));
        return CreatePolicyRequest.of(PolicyName.of(policyName), null, parsed, roles(attachToRoles));
    }

    static AttachPolicyRequest attachPolicy(String roleName, String policyName, PolicyType type) {
        return AttachPolicyRequest.of(RoleName.of(roleName), PolicyName.of(policyName), type);
    }

    static BindRequest bind(String roleName, List<String> instanceIds) {
        return BindRequest.of(null, RoleName.of(roleName), InstanceIdBatch.parse(instanceIds), null);
    }

    static BindRequest bind(String regionId, String roleName, List<String> instanceIds) {
        return BindRequest.of(RegionId.of(regionId), RoleName.of(roleName), InstanceIdBatch.parse(instanceIds), null);
    }

    /** {@code roleName} null: whatever role is bound. */
    static UnbindRequest unbind(String roleName, List<String> instanceIds) {
        return UnbindRequest.of(null, InstanceIdBatch.parse(instanceIds), roleName == null ? null : RoleName.of(roleName));
    }

    /** {@code expectedCurrentRoleName} null: any current role. */
    static ReplaceRequest replace(String roleName, String expectedCurrentRoleName, List<String> instanceIds) {
        return ReplaceRequest.of(null, InstanceIdBatch.parse(instanceIds), RoleName.of(roleName),
                expectedCurrentRoleName == null ? null : RoleName.of(expectedCurrentRoleName));
    }

    /** With the ECS actions, so the user can bind the roles too. */
    static GrantPassRoleRequest grant(String userName, String... roleNames) {
        return GrantPassRoleRequest.of(UserName.of(userName), roles(roleNames), true);
    }

    static RevokePassRoleRequest revoke(String userName, String... roleNames) {
        return RevokePassRoleRequest.of(UserName.of(userName), roles(roleNames));
    }

    static List<String> ids(BatchResult result) {
        return result.results().stream().map(InstanceResult::instanceId).collect(Collectors.toList());
    }

    static List<String> statuses(BatchResult result) {
        return result.results().stream().map(r -> r.status().wire()).collect(Collectors.toList());
    }

    static List<String> codes(BatchResult result) {
        return result.results().stream().map(InstanceResult::code).collect(Collectors.toList());
    }

    private static List<RoleName> roles(String... names) {
        return Arrays.stream(names).map(RoleName::of).collect(Collectors.toList());
    }
}
