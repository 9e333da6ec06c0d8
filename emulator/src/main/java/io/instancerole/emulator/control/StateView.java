package io.instancerole.emulator.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.emulator.core.Json;
import io.instancerole.emulator.state.Attachment;
import io.instancerole.emulator.state.CloudState;
import io.instancerole.emulator.state.Instance;
import io.instancerole.emulator.state.ManagedPolicy;
import io.instancerole.emulator.state.PolicyVersion;
import io.instancerole.emulator.state.Role;
import io.instancerole.emulator.state.Tags;
import io.instancerole.emulator.state.User;

/** {@code GET /_emulator/state}: the truth tests compare against (system policies left out). */
final class StateView {
    private StateView() {}

    static ObjectNode of(CloudState state) {
        ObjectNode json = Json.object();
        json.put("accountId", state.accountId());
        ArrayNode roles = json.putArray("roles");
        for (Role role : state.roles()) {
            ObjectNode r = roles.addObject();
            r.put("roleName", role.name());
            r.put("roleId", role.id());
            r.put("arn", role.arn());
            r.put("assumeRolePolicyDocument", role.trustDocument());
            r.put("description", role.description());
            r.put("maxSessionDuration", role.maxSessionDuration());
            tags(r, role.tags());
        }
        ArrayNode policies = json.putArray("policies");
        for (ManagedPolicy policy : state.customPolicies()) {
            ObjectNode p = policies.addObject();
            p.put("policyName", policy.name());
            p.put("policyType", policy.type());
            p.put("defaultVersion", policy.defaultVersionId());
            tags(p, policy.tags());
            ArrayNode versions = p.putArray("versions");
            for (PolicyVersion version : policy.versions()) {
                versions.addObject().put("versionId", version.id()).put("document", version.document());
            }
        }
        ArrayNode users = json.putArray("users");
        for (User user : state.users()) {
            users.addObject().put("userName", user.name());
        }
        ArrayNode attachments = json.putArray("attachments");
        for (Attachment a : state.attachments()) {
            attachments.addObject()
                    .put("policyName", a.policyName())
                    .put("policyType", a.policyType())
                    .put("principalType", a.principalType())
                    .put("principalName", a.principalName());
        }
        ArrayNode instances = json.putArray("instances");
        state.instances().forEach(i -> instances.add(instance(i)));
        return json;
    }

    private static void tags(ObjectNode json, Tags tags) {
        ObjectNode object = json.putObject("tags");
        tags.asMap().forEach(object::put);
    }

    static ObjectNode instance(Instance instance) {
        ObjectNode json = Json.object();
        json.put("instanceId", instance.id());
        json.put("regionId", instance.regionId());
        json.put("networkType", instance.networkType());
        json.put("status", instance.status());
        json.put("instanceName", instance.name());
        ObjectNode tags = json.putObject("tags");
        instance.tags().forEach(tags::put);
        json.put("ramRoleName", instance.ramRoleName());
        json.put("httpTokens", instance.httpTokens());
        json.put("httpEndpoint", instance.httpEndpoint());
        return json;
    }
}
