package io.instancerole.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading {@code GET /_emulator/state}: the truth the tests compare against. */
final class EmulatorState {
    private final JsonNode state;

    EmulatorState(JsonNode state) {
        this.state = state;
    }

    Optional<JsonNode> role(String roleName) {
        return find("roles", "roleName", roleName);
    }

    Optional<JsonNode> policy(String policyName) {
        return find("policies", "policyName", policyName);
    }

    Optional<JsonNode> instance(String instanceId) {
        return find("instances", "instanceId", instanceId);
    }

    /** The role bound to an instance, or null. */
    String boundRole(String instanceId) {
        JsonNode name = instance(instanceId).orElseThrow().path("ramRoleName");
        return name.isNull() || name.isMissingNode() ? null : name.asText();
    }

    /** {@code policyType:policyName} of every policy attached to that principal. */
    List<String> attachedTo(String principalType, String principalName) {
        List<String> attached = new ArrayList<>();
        for (JsonNode a : state.path("attachments")) {
            if (principalType.equals(a.path("principalType").asText()) && principalName.equalsIgnoreCase(a.path("principalName").asText())) {
                attached.add(a.path("policyType").asText() + ":" + a.path("policyName").asText());
            }
        }
        return attached;
    }

    /** The document of a custom policy's default version. */
    String defaultDocument(String policyName) {
        JsonNode policy = policy(policyName).orElseThrow(() -> new AssertionError("no policy " + policyName + " in " + state));
        for (JsonNode version : policy.path("versions")) {
            if (version.path("versionId").asText().equals(policy.path("defaultVersion").asText())) {
                return version.path("document").asText();
            }
        }
        throw new AssertionError("policy " + policyName + " has no default version: " + policy);
    }

    List<String> userNames() {
        List<String> names = new ArrayList<>();
        state.path("users").forEach(u -> names.add(u.path("userName").asText()));
        return names;
    }

    int count(String collection) {
        return state.path(collection).size();
    }

    private Optional<JsonNode> find(String collection, String field, String value) {
        for (JsonNode item : state.path(collection)) {
            if (value.equalsIgnoreCase(item.path(field).asText())) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return state.toString();
    }
}
