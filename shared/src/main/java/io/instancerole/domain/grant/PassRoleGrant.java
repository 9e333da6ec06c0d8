package io.instancerole.domain.grant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.UserName;
import io.instancerole.domain.service.Json;
import io.instancerole.policy.PolicyJson;
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
 * What one team's PassRole policy for one user grants: the exact roles it may pass, and whether it
 * may also bind them (the ECS actions, attach and detach limited to the team's instances).
 * Immutable; read from and written to the policy document.
 */
final class PassRoleGrant {
    /** The ECS actions that change an instance: limited to the granting team's instances. */
    static final List<String> CHANGE_ACTIONS = List.of("ecs:AttachInstanceRamRole", "ecs:DetachInstanceRamRole");
    static final List<String> READ_ACTIONS = List.of("ecs:DescribeInstanceRamRole", "ecs:DescribeInstances");
    /** The condition key ECS documents for an instance's tags (the older form is {@code ecs:tag/<key>}). */
    static final String TAG_CONDITION_PREFIX = "acs:ResourceTag/";
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
     * The policy holding {@code team}'s grants to {@code user}:
     * {@code passrole-<team>-<user name>-<hash>}, lower-cased, with '.' and '_' (not allowed in
     * policy names) turned into '-', and a short hash of team and user so that no two pairs share
     * a name even where the dashes would make them read alike ({@code team-a} + {@code b} and
     * {@code team} + {@code a-b}). Always the same for the same pair; at most 115 characters.
     */
    static PolicyName policyNameFor(String team, UserName user) {
        String folded = user.folded();
        return PolicyName.of(POLICY_PREFIX + team + "-" + folded.replaceAll("[^a-z0-9-]", "-") + "-"
                + sha256Hex(team + "/" + folded).substring(0, 8));
    }

    /** The grant a document of ours holds; tolerant of a string where a list is expected. */
    static PassRoleGrant parse(String document) {
        TreeMap<String, String> roles = new TreeMap<>();
        boolean ecs = false;
        JsonNode root = Json.parse(document).orElse(null);
        if (root != null) {
            for (JsonNode statement : PolicyJson.items(root.get("Statement"))) {
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
                ecs |= actions.stream().anyMatch(a -> CHANGE_ACTIONS.stream().anyMatch(a::equalsIgnoreCase));
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

    /**
     * ram:PassRole on exactly each role's ARN in {@code accountId}, never '*'; plus, when granted,
     * the ECS actions on the account's instances, attach and detach limited by the tag condition
     * ECS honours ({@code acs:ResourceTag/<key>}) to instances of {@code team} (null: unconditioned,
     * for an admin's grant).
     */
    ObjectNode document(String accountId, String ownerTagKey, String team) {
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
            String instances = "acs:ecs:*:" + accountId + ":instance/*";
            ObjectNode change = statements.addObject();
            change.put("Effect", "Allow");
            ArrayNode changeActions = change.putArray("Action");
            CHANGE_ACTIONS.forEach(changeActions::add);
            change.put("Resource", instances);
            if (team != null) {
                change.putObject("Condition").putObject("StringEquals").put(TAG_CONDITION_PREFIX + ownerTagKey, team);
            }
            ObjectNode read = statements.addObject();
            read.put("Effect", "Allow");
            ArrayNode readActions = read.putArray("Action");
            READ_ACTIONS.forEach(readActions::add);
            read.put("Resource", instances);
        }
        return document;
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : PolicyJson.items(node)) {
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
