package io.instancerole.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The role Function Compute assumes for a service, built in the emulator as the cloud would have
 * it: trusted by {@code fc.aliyuncs.com}, authorized with exactly the service's policies from
 * template.yml (one custom policy per inline document, plus the named system policies).
 */
final class ExecutionRole {
    static final String TRUSTED_SERVICE = "fc.aliyuncs.com";
    private static final String TRUST_POLICY = "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":[\"" + TRUSTED_SERVICE + "\"]}}],\"Version\":\"1\"}";

    private final String serviceName;
    private final String roleName;
    private final ServicePolicies policies;
    private final ObjectMapper json;

    ExecutionRole(String serviceName, ServicePolicies policies, ObjectMapper json) {
        this.serviceName = serviceName;
        this.roleName = truncate("fc-" + slug(serviceName), 64);
        this.policies = policies;
        this.json = json;
    }

    /** {@code fc-<service>}, in the characters RAM allows. */
    String roleName() {
        return roleName;
    }

    /** {@code fc-<service>-policy}, then {@code -2}, {@code -3} … for further inline documents. */
    List<String> customPolicyNames() {
        List<String> names = new ArrayList<>();
        String base = truncate("fc-" + slug(serviceName) + "-policy", 120);
        for (int i = 0; i < policies.documents().size(); i++) {
            names.add(i == 0 ? base : base + "-" + (i + 1));
        }
        return names;
    }

    /**
     * Creates the role and its policies, or brings an existing one (in an emulator that was already
     * running) to the template's documents. Policies attached by someone else are reported, not removed.
     */
    void ensure(EmulatorRam ram, Consumer<String> notes) {
        try {
            if (!ram.roleExists(roleName)) {
                ram.createRole(roleName, TRUST_POLICY, "Function Compute execution role of service " + serviceName + " (local stack)");
            }
            Map<String, String> wanted = new LinkedHashMap<>(); // policy name -> policy type
            List<String> names = customPolicyNames();
            for (int i = 0; i < names.size(); i++) {
                ensureCustomPolicy(ram, names.get(i), policies.documents().get(i));
                wanted.put(names.get(i), "Custom");
            }
            policies.systemPolicyNames().forEach(name -> wanted.put(name, "System"));
            List<JsonNode> attached = ram.policiesForRole(roleName);
            wanted.forEach((name, type) -> {
                if (attached.stream().noneMatch(a -> isPolicy(a, name, type))) {
                    ram.attachPolicyToRole(type, name, roleName);
                }
            });
            for (JsonNode extra : attached) {
                if (wanted.entrySet().stream().noneMatch(w -> isPolicy(extra, w.getKey(), w.getValue()))) {
                    notes.accept("note: role " + roleName + " also has " + extra.path("PolicyType").asText() + " policy "
                            + extra.path("PolicyName").asText() + ", which template.yml does not give service " + serviceName);
                }
            }
        } catch (StartupException e) {
            throw new StartupException("cannot set up the execution role " + roleName + " of service " + serviceName
                    + " from template.yml: " + e.getMessage(), e);
        }
    }

    /** RAM compares policy names ignoring case. */
    private static boolean isPolicy(JsonNode attached, String name, String type) {
        return type.equals(attached.path("PolicyType").asText()) && name.equalsIgnoreCase(attached.path("PolicyName").asText());
    }

    private void ensureCustomPolicy(EmulatorRam ram, String name, JsonNode document) {
        String text = minified(document);
        Optional<String> existing = ram.customPolicyDocument(name);
        if (existing.isEmpty()) {
            ram.createPolicy(name, text, "Policy of service " + serviceName + " from template.yml (local stack)");
        } else if (!sameMeaning(existing.get(), document)) {
            ram.replacePolicyDocument(name, text);
        }
    }

    private boolean sameMeaning(String stored, JsonNode document) {
        try {
            return stored != null && json.readTree(stored).equals(document);
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private String minified(JsonNode document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed document always serializes", e);
        }
    }

    private static String slug(String name) {
        return name.replaceAll("[^A-Za-z0-9-]", "-");
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
