package io.instancerole.emulator.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One statement of a policy, read element by element. Each element is either understood or
 * carries the problems found in it: the grammar reports every problem, and the evaluator can still
 * decide a statement whose broken part cannot change the answer (see {@link Match}).
 */
final class PolicyStatement {
    enum Effect { ALLOW, DENY }

    private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9*?]+");
    /** Chosen here: "*" or ARN-shaped; RAM does not document its exact resource check. */
    private static final Pattern RESOURCE = Pattern.compile("(?i)acs:[^:\\s]+:[^:\\s]*:[^:\\s]*:\\S+");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("service", "ram", "federated");
    private static final List<String> PERMISSION_ELEMENTS =
            List.of("Effect", "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final List<String> TRUST_ELEMENTS =
            List.of("Effect", "Action", "NotAction", "Principal", "Condition");

    private final String path;
    private final Checked<Effect> effect;
    private final Checked<NameList> action;
    private final Checked<NameList> resource;
    private final Checked<Map<String, List<String>>> principal;
    private final Checked<List<ConditionClause>> condition;
    private final List<String> otherProblems;

    private PolicyStatement(String path, Checked<Effect> effect, Checked<NameList> action, Checked<NameList> resource,
            Checked<Map<String, List<String>>> principal, Checked<List<ConditionClause>> condition,
            List<String> otherProblems) {
        this.path = path;
        this.effect = effect;
        this.action = action;
        this.resource = resource;
        this.principal = principal;
        this.condition = condition;
        this.otherProblems = List.copyOf(otherProblems);
    }

    static PolicyStatement read(JsonNode node, int index, PolicyKind kind) {
        String path = "Statement[" + index + "]";
        if (!node.isObject()) {
            String problem = path + " must be an object, got " + PolicyJson.describe(node);
            return new PolicyStatement(path, Checked.failed(problem), Checked.failed(problem), Checked.failed(problem),
                    Checked.failed(problem), Checked.failed(problem), List.of());
        }
        boolean trust = kind == PolicyKind.TRUST;
        Checked<NameList> resource = trust
                ? Checked.of(NameList.everything())
                : readNames(node, path, "Resource", "NotResource", PolicyStatement::resourceProblem);
        Checked<Map<String, List<String>>> principal = trust
                ? readPrincipal(node.get("Principal"), path + ".Principal")
                : Checked.of(Map.of());
        return new PolicyStatement(path, readEffect(node.get("Effect"), path + ".Effect"),
                readNames(node, path, "Action", "NotAction", PolicyStatement::actionProblem), resource, principal,
                readCondition(node.get("Condition"), path + ".Condition"), elementProblems(node, path, kind));
    }

    /** Every problem of this statement, in document order. */
    List<String> problems() {
        Set<String> all = new LinkedHashSet<>();
        all.addAll(effect.problems());
        all.addAll(action.problems());
        all.addAll(resource.problems());
        all.addAll(principal.problems());
        all.addAll(condition.problems());
        all.addAll(otherProblems);
        return List.copyOf(all);
    }

    /** E.g. {@code Statement[1]}. */
    String path() {
        return path;
    }

    Checked<Effect> effect() {
        return effect;
    }

    Match actionMatches(String requestAction) {
        return names(action, requestAction);
    }

    Match resourceMatches(String requestResource) {
        return names(resource, requestResource);
    }

    /** Unknown or misplaced elements: what they would mean is unknown, so the statement cannot be decided by them. */
    Match otherElementsUnderstood() {
        return otherProblems.isEmpty() ? Match.of(true) : Match.unknown(otherProblems.get(0));
    }

    /** Whether Principal names a principal of {@code type} (lower case: service, ram, federated) that {@code matches}. */
    Match principalMatches(String type, Predicate<String> matches) {
        if (!principal.ok()) {
            return Match.unknown(principal.firstProblem());
        }
        for (String value : principal.value().getOrDefault(type, List.of())) {
            if (matches.test(value)) {
                return Match.of(true);
            }
        }
        return Match.of(false);
    }

    /** All clauses of Condition hold (none written: true). */
    Match conditionHolds(Map<String, List<String>> lowerCaseContext) {
        if (!condition.ok()) {
            return Match.unknown(condition.firstProblem());
        }
        Match all = Match.of(true);
        for (ConditionClause clause : condition.value()) {
            all = all.and(clause.evaluate(lowerCaseContext));
        }
        return all;
    }

    /** For callers that have no request context: a Condition written here cannot be evaluated. */
    Match hasNoCondition() {
        if (!condition.ok()) {
            return Match.unknown(condition.firstProblem());
        }
        return condition.value().isEmpty() ? Match.of(true)
                : Match.unknown(path + ".Condition cannot be evaluated here: there is no request context");
    }

    private static Match names(Checked<NameList> names, String requested) {
        return names.ok() ? Match.of(names.value().matches(requested)) : Match.unknown(names.firstProblem());
    }

    private static Checked<Effect> readEffect(JsonNode node, String path) {
        if (node == null) {
            return Checked.failed(path + " is missing; it must be \"Allow\" or \"Deny\"");
        }
        if (node.isTextual() && node.textValue().equals("Allow")) {
            return Checked.of(Effect.ALLOW);
        }
        if (node.isTextual() && node.textValue().equals("Deny")) {
            return Checked.of(Effect.DENY);
        }
        return Checked.failed(path + " must be \"Allow\" or \"Deny\", got " + PolicyJson.describe(node));
    }

    private interface ItemCheck {
        /** A problem with one pattern, or null when it is well formed. */
        String problem(String itemPath, String value);
    }

    private static Checked<NameList> readNames(JsonNode statement, String path, String positive, String negative,
            ItemCheck itemCheck) {
        boolean hasPositive = statement.has(positive);
        boolean hasNegative = statement.has(negative);
        if (hasPositive && hasNegative) {
            return Checked.failed(path + " has both " + positive + " and " + negative + "; use exactly one");
        }
        if (!hasPositive && !hasNegative) {
            return Checked.failed(path + " has neither " + positive + " nor " + negative + "; use exactly one");
        }
        String element = hasPositive ? positive : negative;
        JsonNode node = statement.get(element);
        Checked<List<String>> values = PolicyJson.strings(node, path + "." + element, false);
        if (!values.ok()) {
            return Checked.failed(values.problems());
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < values.value().size(); i++) {
            String problem = itemCheck.problem(PolicyJson.itemPath(path + "." + element, node, i), values.value().get(i));
            if (problem != null) {
                problems.add(problem);
            }
        }
        return problems.isEmpty() ? Checked.of(new NameList(values.value(), hasNegative)) : Checked.failed(problems);
    }

    private static String actionProblem(String itemPath, String action) {
        if (action.equals("*") || ACTION.matcher(action).matches()) {
            return null;
        }
        String problem = itemPath + " " + PolicyJson.quote(action) + " is not of the form <service>:<action>";
        if (action.chars().anyMatch(Character::isWhitespace)) {
            return problem + " (it contains whitespace)";
        }
        int colon = action.indexOf(':');
        if (colon > 0 && !action.substring(0, colon).equals(action.substring(0, colon).toLowerCase(Locale.ROOT))) {
            return problem + " (the service code is lower case, e.g. ecs)";
        }
        return problem;
    }

    private static String resourceProblem(String itemPath, String resource) {
        if (resource.equals("*") || RESOURCE.matcher(resource).matches()) {
            return null;
        }
        return itemPath + " " + PolicyJson.quote(resource)
                + " is neither \"*\" nor an ARN of the form acs:<service>:<region>:<account>:<resource>";
    }

    private static Checked<Map<String, List<String>>> readPrincipal(JsonNode node, String path) {
        if (node == null) {
            return Checked.failed(path + " is missing; a trust policy names who may assume the role,"
                    + " e.g. {\"Service\": [\"ecs.aliyuncs.com\"]}");
        }
        if (!node.isObject() || node.isEmpty()) {
            return Checked.failed(path + " must be an object naming at least one principal,"
                    + " e.g. {\"Service\": [\"ecs.aliyuncs.com\"]}, got " + PolicyJson.describe(node));
        }
        Map<String, List<String>> principals = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            // RAM accepts the principal type in any case ("service" as well as "Service")
            String type = entry.getKey().toLowerCase(Locale.ROOT);
            if (!PRINCIPAL_TYPES.contains(type)) {
                problems.add(path + " has an unknown principal type " + PolicyJson.quote(entry.getKey())
                        + "; use Service, RAM or Federated");
                continue;
            }
            Checked<List<String>> values = PolicyJson.strings(entry.getValue(), path + "." + entry.getKey(), false);
            if (values.ok()) {
                principals.computeIfAbsent(type, t -> new ArrayList<>()).addAll(values.value());
            } else {
                problems.addAll(values.problems());
            }
        }
        return problems.isEmpty() ? Checked.of(principals) : Checked.failed(problems);
    }

    private static Checked<List<ConditionClause>> readCondition(JsonNode node, String path) {
        if (node == null) {
            return Checked.of(List.of());
        }
        if (!node.isObject()) {
            return Checked.failed(path + " must be an object of operator -> {key: values}, got "
                    + PolicyJson.describe(node));
        }
        List<ConditionClause> clauses = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> operators = node.fields(); operators.hasNext();) {
            Map.Entry<String, JsonNode> operator = operators.next();
            String operatorPath = path + "." + operator.getKey();
            if (operator.getKey().isEmpty()) {
                problems.add(path + " has an empty operator name");
            } else if (!operator.getValue().isObject() || operator.getValue().isEmpty()) {
                problems.add(operatorPath + " must be an object of condition key -> values, got "
                        + PolicyJson.describe(operator.getValue()));
            } else {
                readClauses(operator.getKey(), operator.getValue(), operatorPath, clauses, problems);
            }
        }
        return problems.isEmpty() ? Checked.of(clauses) : Checked.failed(problems);
    }

    private static void readClauses(String operator, JsonNode keys, String operatorPath, List<ConditionClause> clauses,
            List<String> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> it = keys.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> key = it.next();
            if (key.getKey().isEmpty()) {
                problems.add(operatorPath + " has an empty condition key");
                continue;
            }
            Checked<List<String>> values = PolicyJson.strings(key.getValue(), operatorPath + "." + key.getKey(), true);
            if (values.ok()) {
                clauses.add(new ConditionClause(operator, key.getKey(), values.value()));
            } else {
                problems.addAll(values.problems());
            }
        }
    }

    private static List<String> elementProblems(JsonNode statement, String path, PolicyKind kind) {
        List<String> known = kind == PolicyKind.TRUST ? TRUST_ELEMENTS : PERMISSION_ELEMENTS;
        List<String> problems = new ArrayList<>();
        for (Iterator<String> names = statement.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (known.contains(name)) {
                continue;
            }
            if (kind == PolicyKind.PERMISSION && name.equals("Principal")) {
                problems.add(path + ".Principal is only allowed in a trust policy");
            } else if (kind == PolicyKind.TRUST && (name.equals("Resource") || name.equals("NotResource"))) {
                problems.add(path + "." + name + " is not allowed in a trust policy");
            } else {
                problems.add(path + " has an unknown element " + PolicyJson.quote(name) + didYouMean(name, known));
            }
        }
        return problems;
    }

    private static String didYouMean(String name, List<String> known) {
        for (String candidate : known) {
            if (candidate.equalsIgnoreCase(name)) {
                return " (element names are case-sensitive: did you mean '" + candidate + "'?)";
            }
        }
        return "; allowed are " + String.join(", ", known);
    }
}
