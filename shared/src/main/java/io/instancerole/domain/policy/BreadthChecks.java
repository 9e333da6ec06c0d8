package io.instancerole.domain.policy;

import static io.instancerole.domain.policy.FindingLevel.SECURITY_WARNING;
import static io.instancerole.domain.policy.FindingLevel.WARNING;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The SECURITY_WARNING and WARNING checks of one Allow statement: what its well-formed actions reach
 * on which resources. A Deny is never flagged. A statement that gets FULL_ACCESS gets nothing else:
 * that finding already names PassRole and escalation, and four findings on one "*" would be noise.
 */
final class BreadthChecks {
    private static final String PASS_ROLE = "ram:PassRole";
    private static final String ASSUME_ROLE = "sts:AssumeRole";
    /** RAM actions that create or change identities, keys, policies or attachments: ways to raise one's own rights. */
    private static final List<String> IDENTITY_ACTIONS = List.of(
            "ram:CreateUser", "ram:UpdateUser", "ram:CreateLoginProfile", "ram:UpdateLoginProfile",
            "ram:CreateAccessKey", "ram:UpdateAccessKey", "ram:CreateRole", "ram:UpdateRole",
            "ram:AddUserToGroup", "ram:CreatePolicy", "ram:CreatePolicyVersion", "ram:SetDefaultPolicyVersion",
            "ram:AttachPolicyToUser", "ram:AttachPolicyToGroup", "ram:AttachPolicyToRole");
    private static final int NAMED_IN_MESSAGE = 3;

    private final Findings findings;

    BreadthChecks(Findings findings) {
        this.findings = findings;
    }

    void check(StatementFacts statement) {
        if (!statement.allows || fullAccess(statement)) return;
        passRoleOnEveryRole(statement);
        privilegeEscalation(statement);
        serviceWildcards(statement);
    }

    private boolean fullAccess(StatementFacts s) {
        if (s.actions.negated) return false;
        Optional<Located> everyAction = s.actions.wellFormed.stream()
                .filter(a -> ActionPatterns.coversEveryAction(a.value)).findFirst();
        Optional<Located> everywhere = reach(s.resources, ResourcePatterns::coversEveryResource);
        if (everyAction.isEmpty() || everywhere.isEmpty()) return false;
        findings.add(SECURITY_WARNING, "FULL_ACCESS", everyAction.get().path,
                "\"" + everyAction.get().value + "\" allows every action "
                        + scope(s.resources, everywhere.get(), "resource") + ": administrator access, including"
                        + " ram:PassRole on every role and creating users, keys and policies. List only the actions"
                        + " and resources this policy is for." + conditionNote(s));
        return true;
    }

    private void passRoleOnEveryRole(StatementFacts s) {
        Optional<Located> by = grantedBy(s.actions, PASS_ROLE);
        Optional<Located> where = reach(s.resources, ResourcePatterns::coversEveryRole);
        if (by.isEmpty() || where.isEmpty()) return;
        findings.add(SECURITY_WARNING, "PASS_ROLE_WITH_STAR_IN_RESOURCE", where.get().path,
                PASS_ROLE + through(s.actions, by.get(), PASS_ROLE) + " is allowed "
                        + scope(s.resources, where.get(), "role")
                        + ": whoever holds this policy can hand any role, administrator roles included, to an instance"
                        + " and use its rights. Name the roles instead:"
                        + " \"Resource\": [\"acs:ram:*:<account-id>:role/<role-name>\"]." + conditionNote(s));
    }

    /** One finding per action element, naming the identity actions it allows and where. */
    private void privilegeEscalation(StatementFacts s) {
        Optional<Located> everyRamResource = reach(s.resources, r -> ResourcePatterns.coversEveryResourceOf(r, "ram"));
        Optional<Located> everyRole = reach(s.resources, ResourcePatterns::coversEveryRole);
        Map<String, Located> elements = new LinkedHashMap<>();
        Map<String, List<String>> identityActions = new HashMap<>();
        if (everyRamResource.isPresent()) {
            for (String action : IDENTITY_ACTIONS) {
                grantedBy(s.actions, action).ifPresent(by -> {
                    elements.putIfAbsent(by.path, by);
                    identityActions.computeIfAbsent(by.path, p -> new ArrayList<>()).add(action);
                });
            }
        }
        Optional<Located> assumeBy = everyRole.isPresent() ? grantedBy(s.actions, ASSUME_ROLE) : Optional.empty();
        assumeBy.ifPresent(by -> elements.putIfAbsent(by.path, by));

        for (Located element : elements.values()) {
            // "ram:CreateUser is allowed on ..." when the element is that action, else "\"ram:*\" allows ... on ..."
            boolean plainAction = !s.actions.negated && (ASSUME_ROLE.equalsIgnoreCase(element.value)
                    || IDENTITY_ACTIONS.stream().anyMatch(element.value::equalsIgnoreCase));
            String lead = s.actions.negated ? "NotAction, which does not exclude them, allows "
                    : plainAction ? "" : "\"" + element.value + "\" allows ";
            String verb = plainAction ? " is allowed " : " ";
            List<String> allowed = new ArrayList<>();
            if (identityActions.containsKey(element.path)) {
                allowed.add(named(identityActions.get(element.path)) + verb
                        + scope(s.resources, everyRamResource.get(), "RAM resource"));
            }
            if (assumeBy.isPresent() && assumeBy.get().path.equals(element.path)) {
                allowed.add(ASSUME_ROLE + verb + scope(s.resources, everyRole.get(), "role"));
            }
            findings.add(SECURITY_WARNING, "PRIVILEGE_ESCALATION", element.path,
                    lead + String.join(" and ", allowed)
                            + ": whoever holds this policy can create or change users, keys, roles, policies or their"
                            + " attachments, or act as another role, and so raise their own rights. Leave identity"
                            + " administration out of this policy, or name the exact actions and resources."
                            + conditionNote(s));
        }
    }

    /** A whole service ({@code oss:*}, or {@code *} where the resources are one service's) on all of its resources. */
    private void serviceWildcards(StatementFacts s) {
        if (s.actions.negated) return;
        Set<String> services = new LinkedHashSet<>();
        s.actions.wellFormed.forEach(a -> ActionPatterns.literalService(a.value).ifPresent(services::add));
        if (!s.resources.negated) {
            s.resources.wellFormed.forEach(r -> ResourcePatterns.literalService(r.value).ifPresent(services::add));
        }
        for (Located action : s.actions.wellFormed) {
            if (findings.any(SECURITY_WARNING, action.path)) continue; // already said, more strongly
            for (String service : services) {
                if (!ActionPatterns.coversEveryActionOf(action.value, service)) continue;
                Optional<Located> where = reach(s.resources, r -> ResourcePatterns.coversEveryResourceOf(r, service));
                if (where.isEmpty()) continue;
                findings.add(WARNING, "SERVICE_WILDCARD", action.path,
                        "\"" + action.value + "\" allows every " + service + " action "
                                + scope(s.resources, where.get(), service + " resource")
                                + ": list only the actions this policy needs and narrow Resource to what it is for."
                                + conditionNote(s));
                break;
            }
        }
    }

    /** The action element that allows {@code action}, if the statement does. */
    private static Optional<Located> grantedBy(ElementValues actions, String action) {
        if (actions.wellFormed.isEmpty()) return Optional.empty();
        if (actions.negated) {
            boolean excluded = actions.wellFormed.stream().anyMatch(a -> Glob.matches(a.value, action));
            return excluded ? Optional.empty() : Optional.of(new Located("NotAction", actions.path));
        }
        return actions.wellFormed.stream().filter(a -> Glob.matches(a.value, action)).findFirst();
    }

    /**
     * The resource element through which the statement reaches every resource of a kind. NotResource
     * reaches them unless one of its values excludes the whole kind: it is open-ended, so "all but
     * these" counts as all.
     */
    private static Optional<Located> reach(ElementValues resources, Predicate<String> coversAll) {
        if (resources.wellFormed.isEmpty()) return Optional.empty();
        if (resources.negated) {
            boolean excluded = resources.wellFormed.stream().anyMatch(r -> coversAll.test(r.value));
            return excluded ? Optional.empty() : Optional.of(new Located("NotResource", resources.path));
        }
        return resources.wellFormed.stream().filter(r -> coversAll.test(r.value)).findFirst();
    }

    private static String through(ElementValues actions, Located by, String action) {
        if (actions.negated) return " (not excluded by NotAction)";
        return by.value.equalsIgnoreCase(action) ? "" : " (through \"" + by.value + "\")";
    }

    private static String scope(ElementValues resources, Located where, String kind) {
        return resources.negated
                ? "on every " + kind + " not listed in NotResource"
                : "on every " + kind + " (\"" + where.value + "\")";
    }

    private static String named(List<String> actions) {
        if (actions.size() <= NAMED_IN_MESSAGE) return String.join(", ", actions);
        return String.join(", ", actions.subList(0, NAMED_IN_MESSAGE)) + " and "
                + (actions.size() - NAMED_IN_MESSAGE) + " more";
    }

    private static String conditionNote(StatementFacts s) {
        return s.conditioned ? " The statement has a Condition: check that it limits this as far as intended." : "";
    }
}
