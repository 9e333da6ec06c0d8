package io.instancerole.domain.policy;

import static io.instancerole.domain.policy.FindingLevel.SECURITY_WARNING;
import static io.instancerole.domain.policy.FindingLevel.SUGGESTION;
import static io.instancerole.domain.policy.FindingLevel.WARNING;

import io.instancerole.policy.ActionCatalogue;
import io.instancerole.policy.ActionCatalogue.Target;
import io.instancerole.policy.Breadth;
import io.instancerole.policy.Breadth.Scope;
import io.instancerole.policy.ConditionClause;
import io.instancerole.policy.Located;
import io.instancerole.policy.NameList;
import io.instancerole.policy.PolicyStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the contract beyond RAM's grammar, for one statement. A Deny is never flagged. A
 * statement that gets FULL_ACCESS gets no other breadth finding: that one already says everything.
 * Breadth is asked of the policy engine ({@link Breadth}): on the union of the resources and on what
 * action wildcards expand to ({@link ActionCatalogue}), NotAction and NotResource included.
 *
 * <p>Team rules (non-admins): a role or policy is the team's when its pattern names it exactly with the
 * team's prefix, {@code role/team-a-web}. A wildcard after the prefix ({@code role/team-a-*}) also
 * matches {@code team-a-b-web} of team {@code team-a-b}, so it counts as outside the team.
 */
final class StatementRules {
    private static final String PASS_ROLE = "ram:PassRole";
    private static final String ASSUME_ROLE = "sts:AssumeRole";
    private static final String ANY_INSTANCE = "acs:ecs:*:*:instance/*";
    private static final List<String> TEAM_TAG_OPERATORS = List.of("StringEquals", "StringLike");
    private static final int NAMED_IN_MESSAGE = 3;

    private final Findings findings;
    private final String team;
    private final boolean admin;
    private final String ownerTagKey;
    /** How far the statement being checked reaches, by scope: each is asked once. */
    private final Map<String, Optional<Located>> reach = new HashMap<>();

    StatementRules(Findings findings, String team, boolean admin, String ownerTagKey) {
        this.findings = findings;
        this.team = team.toLowerCase(Locale.ROOT);
        this.admin = admin;
        this.ownerTagKey = ownerTagKey;
    }

    void check(PolicyStatement statement) {
        reach.clear();
        spelling(statement.actions());
        if (!statement.allows() || fullAccess(statement)) {
            return;
        }
        Set<String> flagged = new LinkedHashSet<>();
        passRoleOnEveryRole(statement, flagged);
        privilegeEscalation(statement, flagged);
        if (!admin) {
            ramResourcesOutsideTeam(statement, flagged);
            instanceOwnership(statement);
        }
        serviceWildcards(statement);
    }

    private boolean fullAccess(PolicyStatement s) {
        NameList actions = s.actions();
        Optional<Located> everywhere = reaching(s, Scope.EVERY_RESOURCE);
        if (!Breadth.everyAction(actions) || everywhere.isEmpty()) {
            return false;
        }
        String path;
        String lead;
        if (actions.negated()) {
            path = actions.path();
            lead = "NotAction " + scope(everywhere.get(), Scope.EVERY_RESOURCE) + " allows every action it does not"
                    + " list, of every service";
        } else {
            Located every = actions.patterns().stream().filter(a -> Breadth.coversEveryAction(a.value())).findFirst()
                    .orElseThrow();
            path = every.path();
            lead = quote(every.value()) + " allows every action " + scope(everywhere.get(), Scope.EVERY_RESOURCE);
        }
        findings.add(SECURITY_WARNING, "FULL_ACCESS", path, lead + ": administrator access, including ram:PassRole on"
                + " every role and creating users, keys and policies. List only the actions this policy is for,"
                + " e.g. \"Action\": [\"oss:GetObject\"], and only its resources." + conditionNote(s));
        return true;
    }

    private void passRoleOnEveryRole(PolicyStatement s, Set<String> flagged) {
        Optional<Located> by = Breadth.allowing(s.actions(), PASS_ROLE);
        Optional<Located> where = reaching(s, Scope.EVERY_ROLE);
        if (by.isEmpty() || where.isEmpty()) {
            return;
        }
        flagged.add(PASS_ROLE);
        findings.add(SECURITY_WARNING, "PASS_ROLE_WITH_STAR_IN_RESOURCE", where.get().path(),
                PASS_ROLE + through(s.actions(), by.get(), PASS_ROLE) + " is allowed " + scope(where.get(), Scope.EVERY_ROLE)
                        + ": whoever holds this policy can hand any role, administrator roles included, to an instance"
                        + " and use its rights. Name the roles instead:"
                        + " \"Resource\": [\"acs:ram:*:<account-id>:role/<role-name>\"]." + conditionNote(s));
    }

    /** One finding per action element, naming the identity actions it allows on every resource of a type. */
    private void privilegeEscalation(PolicyStatement s, Set<String> flagged) {
        Map<String, Located> elements = new LinkedHashMap<>();
        Map<String, List<String>> actionsByElement = new HashMap<>();
        Map<String, Set<String>> scopesByElement = new HashMap<>();
        Optional<Located> allOfRam = reaching(s, Scope.ALL_OF_RAM);
        for (String action : ActionCatalogue.escalating()) {
            Optional<Located> by = Breadth.allowing(s.actions(), action);
            if (by.isEmpty()) {
                continue;
            }
            for (Target target : ActionCatalogue.targets(action)) {
                Optional<Located> where = reaching(s, Scope.of(target));
                if (where.isPresent()) {
                    flagged.add(action);
                    elements.putIfAbsent(by.get().path(), by.get());
                    actionsByElement.computeIfAbsent(by.get().path(), p -> new ArrayList<>()).add(action);
                    scopesByElement.computeIfAbsent(by.get().path(), p -> new LinkedHashSet<>())
                            .add(allOfRam.isPresent() ? scope(allOfRam.get(), Scope.ALL_OF_RAM)
                                    : scope(where.get(), Scope.of(target)));
                    break;
                }
            }
        }
        for (Located element : elements.values()) {
            List<String> actions = actionsByElement.get(element.path());
            boolean plain = actions.size() == 1 && actions.get(0).equalsIgnoreCase(element.value());
            String lead = s.actions().negated() ? "NotAction, which does not exclude them, allows "
                    : plain ? "" : quote(element.value()) + " allows ";
            findings.add(SECURITY_WARNING, "PRIVILEGE_ESCALATION", element.path(),
                    lead + named(actions) + (plain ? " is allowed " : " ")
                            + String.join(" and ", scopesByElement.get(element.path()))
                            + ": whoever holds this policy can create, change, detach or delete users, keys, roles,"
                            + " policies or their attachments, or act as another role, and so raise their own rights."
                            + " Leave identity administration out of this policy, or name the exact actions and"
                            + " resources, e.g. \"Resource\": [\"acs:ram:*:<account-id>:role/" + team + "-<name>\"]."
                            + conditionNote(s));
        }
    }

    /**
     * PassRole, AssumeRole and identity-changing RAM actions on roles or policies not named as the team's,
     * and identity-changing actions on any user or group: one finding per resource value, naming them all.
     */
    private void ramResourcesOutsideTeam(PolicyStatement s, Set<String> flagged) {
        Map<String, List<String>> actionsByKind = new LinkedHashMap<>();
        for (String kind : List.of("role", "policy", "user", "group")) {
            actionsByKind.put(kind, new ArrayList<>());
        }
        for (String action : List.of(PASS_ROLE, ASSUME_ROLE)) {
            if (!flagged.contains(action) && Breadth.allowing(s.actions(), action).isPresent()) {
                actionsByKind.get("role").add(action);
            }
        }
        for (String action : ActionCatalogue.escalating()) {
            if (flagged.contains(action) || action.equals(ASSUME_ROLE) || Breadth.allowing(s.actions(), action).isEmpty()) {
                continue;
            }
            for (Target target : ActionCatalogue.targets(action)) {
                if (target != Target.ACCOUNT) {
                    actionsByKind.get(target.name().toLowerCase(Locale.ROOT)).add(action);
                }
            }
        }
        Map<String, Located> resources = new LinkedHashMap<>();
        Map<String, Set<String>> actionsByResource = new HashMap<>();
        Map<String, Set<String>> reasonsByResource = new HashMap<>();
        actionsByKind.forEach((kind, actions) -> {
            if (actions.isEmpty()) {
                return;
            }
            for (Located resource : reachedResources(s, "acs:ram:*:*:" + kind + "/*")) {
                Optional<String> reason = outsideReason(resource, kind);
                if (reason.isPresent()) {
                    resources.putIfAbsent(resource.path(), resource);
                    actionsByResource.computeIfAbsent(resource.path(), p -> new LinkedHashSet<>()).addAll(actions);
                    reasonsByResource.computeIfAbsent(resource.path(), p -> new LinkedHashSet<>()).add(reason.get());
                }
            }
        });
        resources.forEach((path, resource) -> {
            List<String> actions = new ArrayList<>(actionsByResource.get(path));
            findings.add(SECURITY_WARNING, "OUTSIDE_TEAM", path, named(actions) + " " + (actions.size() == 1 ? "is" : "are")
                    + " allowed on " + describe(resource) + ", " + String.join(", and ", reasonsByResource.get(path))
                    + ". Passing, assuming or changing another team's roles or policies, or any user or group, gives"
                    + " their rights to whoever holds this policy. Name each of your roles and policies exactly, e.g."
                    + " \"acs:ram:*:<account-id>:role/" + team + "-<name>\", and ask a platform admin for anything"
                    + " else." + conditionNote(s));
        });
    }

    /** Why a resource value reaching a RAM resource of {@code kind} is outside the team, if it is. */
    private Optional<String> outsideReason(Located resource, String kind) {
        String plural = kind.equals("policy") ? "policies" : kind + "s";
        if (kind.equals("user") || kind.equals("group")) {
            return Optional.of("which includes " + plural + ", and these belong to no team");
        }
        if (!resource.value().equals("NotResource") && teams(resource.value(), kind)) {
            return Optional.empty();
        }
        if (crossesLongerPrefix(resource.value(), kind)) {
            return Optional.of("whose wildcard also matches the " + plural + " of any team whose name starts with '"
                    + team + "-' (team " + team + "-b's " + team + "-b-web, say)");
        }
        return Optional.of("which includes " + plural + " that are not team " + team + "'s");
    }

    /** ECS actions that change an instance's tags or role, unless limited to instances tagged with the team. */
    private void instanceOwnership(PolicyStatement s) {
        if (limitedToTeamInstances(s.conditions()) || reachedResources(s, ANY_INSTANCE).isEmpty()) {
            return;
        }
        Map<String, List<String>> actionsByElement = new LinkedHashMap<>();
        for (String action : ActionCatalogue.ECS_OWNERSHIP_ACTIONS) {
            Breadth.allowing(s.actions(), action).ifPresent(by ->
                    actionsByElement.computeIfAbsent(by.path(), p -> new ArrayList<>()).add(action));
        }
        actionsByElement.forEach((path, actions) -> findings.add(SECURITY_WARNING, "OUTSIDE_TEAM", path,
                named(actions) + " " + (actions.size() == 1 ? "is" : "are") + " allowed on instances of every team:"
                        + " re-tagging another team's instance to '" + team + "', or changing its role, is how one would"
                        + " steal it. Limit the statement to your team's instances: \"Condition\": {\"StringEquals\":"
                        + " {\"acs:ResourceTag/" + ownerTagKey + "\": \"" + team + "\"}}."));
    }

    /** WARNING: a whole service ({@code oss:*}, or {@code *} where the resources are one service's) on all of it. */
    private void serviceWildcards(PolicyStatement s) {
        NameList actions = s.actions();
        if (actions.negated()) {
            return;
        }
        Set<String> services = new LinkedHashSet<>();
        actions.patterns().forEach(a -> literalService(a.value(), 0).ifPresent(services::add));
        if (!s.resources().negated()) {
            s.resources().patterns().forEach(r -> literalService(r.value(), 1).ifPresent(services::add));
        }
        for (Located action : actions.patterns()) {
            if (findings.any(SECURITY_WARNING, action.path())) {
                continue; // already said, more strongly
            }
            for (String service : services) {
                Optional<Located> where = reaching(s, Scope.service(service));
                if (Breadth.coversEveryActionOf(action.value(), service) && where.isPresent()) {
                    findings.add(WARNING, "SERVICE_WILDCARD", action.path(), quote(action.value()) + " allows every "
                            + service + " action " + scope(where.get(), Scope.service(service))
                            + ": list only the actions this policy needs and narrow Resource to what it is for."
                            + conditionNote(s));
                    break;
                }
            }
        }
    }

    /** DUPLICATE_ACTION and ACTION_CASE, in any statement. */
    private void spelling(NameList actions) {
        Map<String, String> seen = new HashMap<>();
        for (Located action : actions.patterns()) {
            String first = seen.putIfAbsent(action.value().toLowerCase(Locale.ROOT), action.path());
            if (first != null) {
                findings.add(WARNING, "DUPLICATE_ACTION", action.path(), quote(action.value()) + " is already listed at "
                        + first + " (actions ignore case): remove this one.");
            }
            ActionCatalogue.exactSpelling(action.value()).ifPresent(exact -> findings.add(SUGGESTION, "ACTION_CASE",
                    action.path(), "write " + quote(action.value()) + " as \"" + exact + "\", the API's exact name:"
                            + " matching ignores case, but the exact name is what people search for."));
        }
    }

    private Optional<Located> reaching(PolicyStatement s, Scope scope) {
        return reach.computeIfAbsent(scope.noun(), noun -> Breadth.reachingEvery(s.resources(), scope));
    }

    /** The resource values that may match something like {@code example}; the NotResource element stands for itself. */
    private static List<Located> reachedResources(PolicyStatement s, String example) {
        NameList resources = s.resources();
        if (resources.patterns().isEmpty()) {
            return List.of();
        }
        if (resources.negated()) {
            return Breadth.reachingEvery(resources, Scope.EVERY_RESOURCE).map(List::of).orElse(List.of());
        }
        List<Located> reached = new ArrayList<>();
        for (Located resource : resources.patterns()) {
            if (Breadth.mayMatch(resource.value(), example)) {
                reached.add(resource);
            }
        }
        return reached;
    }

    /** True for {@code acs:<service>:<region>:<account>:<kind>/<team>-<exact name>}: one of the team's, by name. */
    private boolean teams(String resource, String kind) {
        String[] parts = resource.toLowerCase(Locale.ROOT).split(":", 5);
        String prefix = kind + "/" + team + "-";
        return parts.length == 5 && parts[4].startsWith(prefix) && parts[4].length() > prefix.length()
                && parts[4].indexOf('*') < 0 && parts[4].indexOf('?') < 0;
    }

    private boolean crossesLongerPrefix(String resource, String kind) {
        String[] parts = resource.toLowerCase(Locale.ROOT).split(":", 5);
        return parts.length == 5 && parts[4].startsWith(kind + "/" + team + "-");
    }

    /**
     * True when a condition limits the statement to instances whose owner tag is the team: StringEquals
     * (or StringLike without wildcards) on {@code acs:ResourceTag/<key>} or {@code ecs:tag/<key>},
     * with the team as its only value.
     */
    private boolean limitedToTeamInstances(List<ConditionClause> conditions) {
        for (ConditionClause clause : conditions) {
            String key = clause.key().toLowerCase(Locale.ROOT);
            String tagKey = ownerTagKey.toLowerCase(Locale.ROOT);
            boolean ownerTag = key.equals("acs:resourcetag/" + tagKey) || key.equals("ecs:tag/" + tagKey);
            if (ownerTag && TEAM_TAG_OPERATORS.contains(clause.operator()) && !clause.values().isEmpty()
                    && clause.values().stream().allMatch(value -> value.equals(team))) {
                return true;
            }
        }
        return false;
    }

    /** The service part when it is a plain name: position 0 of an action, 1 of an ARN. */
    private static Optional<String> literalService(String pattern, int position) {
        String[] parts = pattern.split(":", position == 0 ? 2 : 5);
        if (parts.length < (position == 0 ? 2 : 5)) {
            return Optional.empty();
        }
        String service = parts[position];
        return service.contains("*") || service.contains("?") || service.isEmpty()
                ? Optional.empty() : Optional.of(service.toLowerCase(Locale.ROOT));
    }

    private static String through(NameList actions, Located by, String action) {
        if (actions.negated()) {
            return " (not excluded by NotAction)";
        }
        return by.value().equalsIgnoreCase(action) ? "" : " (through " + quote(by.value()) + ")";
    }

    private static String scope(Located where, Scope scope) {
        if (where.value().equals("NotResource")) {
            return "on every " + scope.noun() + " not listed in NotResource";
        }
        if (where.value().equals("Resource")) {
            return "on every " + scope.noun() + " (the listed resources together match them all)";
        }
        return "on every " + scope.noun() + " (" + quote(where.value()) + ")";
    }

    private static String describe(Located resource) {
        return resource.value().equals("NotResource") ? "every resource not listed in NotResource" : quote(resource.value());
    }

    private static String named(List<String> actions) {
        if (actions.size() <= NAMED_IN_MESSAGE) {
            return String.join(", ", actions);
        }
        return String.join(", ", actions.subList(0, NAMED_IN_MESSAGE)) + " and "
                + (actions.size() - NAMED_IN_MESSAGE) + " more";
    }

    private static String quote(String value) {
        return "\"" + value + "\"";
    }

    private static String conditionNote(PolicyStatement s) {
        return s.conditioned() ? " The statement has a Condition: check that it limits this as far as intended." : "";
    }
}
