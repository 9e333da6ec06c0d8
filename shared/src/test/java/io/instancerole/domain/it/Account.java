package io.instancerole.domain.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.service.Json;
import io.instancerole.emulator.client.EmulatorControl;
import io.instancerole.emulator.client.NewInstance;
import io.instancerole.emulator.testing.EmulatorExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The emulated account as the tests arrange it and read its truth: instances, state and the call log. */
final class Account {
    static final String REGION = EmulatorExtension.REGION;
    /** What a dry run may call: reads only. */
    private static final Pattern READ_ACTION = Pattern.compile("(Get|List|Describe).*");

    private final EmulatorExtension emulator;

    Account(EmulatorExtension emulator) {
        this.emulator = emulator;
    }

    EmulatorControl control() {
        return emulator.control();
    }

    String accountId() {
        return emulator.accountId();
    }

    /** A running VPC instance tagged {@code team=<team>}. */
    String instance(String team) {
        return control().createInstance(NewInstance.vpc(REGION).tag("team", team));
    }

    /** A VPC instance tagged {@code team=<team>} in {@code status}, e.g. {@code Pending}. */
    String instance(String team, String status) {
        return control().createInstance(NewInstance.vpc(REGION).tag("team", team).status(status));
    }

    List<String> instances(String team, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(instance(team));
        }
        return ids;
    }

    String classicInstance(String team) {
        return control().createInstance(NewInstance.classic(REGION).tag("team", team));
    }

    JsonNode state() {
        return control().state();
    }

    /** The instance's RAM role as ECS holds it, null when none. */
    String roleOf(String instanceId) {
        return rolesOf(List.of(instanceId)).get(0);
    }

    /** The instances' RAM roles (null where none), in the order asked, read from one state snapshot. */
    List<String> rolesOf(List<String> instanceIds) {
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode instance : state().path("instances")) {
            byId.put(instance.path("instanceId").asText(), instance.path("ramRoleName"));
        }
        List<String> roles = new ArrayList<>();
        for (String id : instanceIds) {
            JsonNode role = byId.get(id);
            if (role == null) {
                throw new AssertionError("no instance " + id + " in the emulator");
            }
            roles.add(role.isNull() ? null : role.asText());
        }
        return roles;
    }

    Optional<JsonNode> role(String roleName) {
        return find(state().path("roles"), "roleName", roleName);
    }

    /** A custom policy with its versions. */
    Optional<JsonNode> policy(String policyName) {
        return find(state().path("policies"), "policyName", policyName);
    }

    /** The policy's default document, parsed. */
    JsonNode defaultDocument(String policyName) {
        JsonNode policy = policy(policyName).orElseThrow(() -> new AssertionError("no policy " + policyName));
        String defaultVersion = policy.path("defaultVersion").asText();
        for (JsonNode version : policy.path("versions")) {
            if (version.path("versionId").asText().equals(defaultVersion)) {
                return Json.parse(version.path("document").asText()).orElseThrow();
            }
        }
        throw new AssertionError("policy " + policyName + " has no version " + defaultVersion);
    }

    /** The policies attached to a role or user, each as {@code <policyType>:<policyName>}. */
    List<String> policiesOf(String principalType, String principalName) {
        List<String> policies = new ArrayList<>();
        for (JsonNode a : state().path("attachments")) {
            if (a.path("principalType").asText().equals(principalType) && a.path("principalName").asText().equalsIgnoreCase(principalName)) {
                policies.add(a.path("policyType").asText() + ":" + a.path("policyName").asText());
            }
        }
        return policies;
    }

    List<JsonNode> calls() {
        List<JsonNode> calls = new ArrayList<>();
        control().calls().forEach(calls::add);
        return calls;
    }

    List<JsonNode> calls(String action) {
        return calls().stream().filter(c -> action.equals(c.path("action").asText())).collect(Collectors.toList());
    }

    List<String> actions() {
        return calls().stream().map(c -> c.path("action").asText()).collect(Collectors.toList());
    }

    /** The calls that could have changed something: anything but Get/List/Describe. */
    List<String> writes() {
        return actions().stream().filter(a -> !READ_ACTION.matcher(a).matches()).collect(Collectors.toList());
    }

    void clearCalls() {
        control().clearCalls();
    }

    /** The ids an ECS call named, from its {@code InstanceIds} JSON-array parameter. */
    static List<String> instanceIds(JsonNode call) {
        JsonNode ids = Json.parse(call.path("params").path("InstanceIds").asText()).orElseThrow();
        List<String> values = new ArrayList<>();
        ids.forEach(id -> values.add(id.asText()));
        return values;
    }

    /** The call's error code, null for a success. */
    static String code(JsonNode call) {
        JsonNode code = call.path("code");
        return code.isNull() || code.isMissingNode() ? null : code.asText();
    }

    private static Optional<JsonNode> find(JsonNode items, String field, String name) {
        for (JsonNode item : items) {
            if (item.path(field).asText().equalsIgnoreCase(name)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }
}
