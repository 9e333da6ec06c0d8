package io.instancerole.domain.grant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.UserName;
import io.instancerole.domain.service.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one user's PassRole policy grants: the exact roles it may pass, and whether it may also
 * bind them (the four ECS actions). Immutable; read from and written to the policy document.
 */
final class PassRoleGrant {
    static final List<String> ECS_ACTIONS = List.of("ecs:AttachInstanceRamRole", "ecs:DetachInstanceRamRole",
            "ecs:DescribeInstanceRamRole", "ecs:DescribeInstances");
    private static final String PASS_ROLE = "ram:PassRole";
    private static final Pattern ROLE_ARN = Pattern.compile("acs:ram:[^:]*:[^:]*:role/(.+)", Pattern.CASE_INSENSITIVE);
    private static final String POLICY_PREFIX = "passrole-";

    /** Keyed by the folded name (RAM names are case-insensitive), sorted so documents are stable. */
    private final TreeMap<String, String> roles;
    private final boolean ecsActions;

    private PassRoleGrant(TreeMap<String, String> roles, boolean ecsActions) {
        this.roles = roles;
        this.ecsActions = ecsActions;
    }

    static PassRoleGrant none() {
        return new PassRoleGrant(new TreeMap<>(), false);
    }

    /**
     * The policy's name for {@code user}: {@code passrole-<user name>}, lower-cased, with '.' and
     * '_' (not allowed in policy names) turned into '-' and then a short hash of the user name,
     * so two users never share a policy. Always the same for the same user.
     */
    static PolicyName policyNameFor(UserName user) {
        String folded = user.folded();
        String sanitized = folded.replaceAll("[^a-z0-9-]", "-");
        String name = POLICY_PREFIX + sanitized;
        if (!sanitized.equals(folded)) {
            name += "-" + sha256Hex(folded).substring(0, 8);
        }
        return PolicyName.of(name);
    }

    /** The grant a document of ours holds; tolerant of a string where a list is expected. */
    static PassRoleGrant parse(String document) {
        TreeMap<String, String> roles = new TreeMap<>();
        boolean ecs = false;
        JsonNode root = Json.parse(document).orElse(null);
        if (root != null) {
            for (JsonNode statement : Json.items(root.get("Statement"))) {
                if (!"Allow".equalsIgnoreCase(statement.path("Effect").asText())) {
                    continue;
                }
                List<String> actions = texts(statement.get("Action"));
                if (actions.stream().anyMatch(PASS_ROLE::equalsIgnoreCase)) {
                    for (String resource : texts(statement.get("Resource"))) {
                        Matcher arn = ROLE_ARN.matcher(resource);
                        if (arn.matches()) {
                            roles.put(arn.group(1).toLowerCase(Locale.ROOT), arn.group(1));
                        }
                    }
                }
                ecs |= actions.stream().anyMatch(a -> ECS_ACTIONS.stream().anyMatch(a::equalsIgnoreCase));
            }
        }
        return new PassRoleGrant(roles, ecs);
    }

    /** This grant plus {@code roleNames}; the ECS actions, once granted, stay. */
    PassRoleGrant with(Collection<String> roleNames, boolean includeEcsActions) {
        TreeMap<String, String> more = new TreeMap<>(roles);
        for (String role : roleNames) {
            more.put(role.toLowerCase(Locale.ROOT), role);
        }
        return new PassRoleGrant(more, ecsActions || includeEcsActions);
    }

    PassRoleGrant without(Collection<String> roleNames) {
        TreeMap<String, String> fewer = new TreeMap<>(roles);
        for (String role : roleNames) {
            fewer.remove(role.toLowerCase(Locale.ROOT));
        }
        return new PassRoleGrant(fewer, ecsActions);
    }

    boolean isEmpty() {
        return roles.isEmpty();
    }

    List<String> roleNames() {
        return new ArrayList<>(roles.values());
    }

    /** ram:PassRole on exactly each role's ARN in {@code accountId}, never '*'; plus the ECS actions when granted. */
    ObjectNode document(String accountId) {
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("Version", "1");
        ArrayNode statements = document.putArray("Statement");
        ObjectNode passRole = statements.addObject();
        passRole.put("Effect", "Allow");
        passRole.put("Action", PASS_ROLE);
        ArrayNode resources = passRole.putArray("Resource");
        for (String role : roles.values()) {
            resources.add("acs:ram:*:" + accountId + ":role/" + role);
        }
        if (ecsActions) {
            ObjectNode ecs = statements.addObject();
            ecs.put("Effect", "Allow");
            ArrayNode actions = ecs.putArray("Action");
            ECS_ACTIONS.forEach(actions::add);
            ecs.put("Resource", "*");
        }
        return document;
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : Json.items(node)) {
            if (item.isTextual()) {
                texts.add(item.asText());
            }
        }
        return texts;
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
