package io.instancerole.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One statement, read element by element against RAM's grammar. Every problem is recorded with a
 * code and a path; each element is either understood or not, so the evaluator can still decide a
 * statement whose broken part cannot change the answer (see {@link Match}), and the linter can judge
 * the breadth of the well-formed values of a statement that also has broken ones.
 */
public final class PolicyStatement {
    public enum Effect { ALLOW, DENY }

    /** {@code <service>:<Action>}: actions are compared ignoring case, so any case is well formed. */
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9_*?-]+:[A-Za-z0-9_*?]+");
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9_*?-]+");
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9*?-]*");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9*?]*");
    private static final String ARN_FORM = "use \"*\" or acs:<service>:<region>:<account-id>:<relative-id>"
            + " (region and account id may be * or empty), e.g. \"acs:ram:*:<account-id>:role/<role-name>\"";
    private static final Set<String> PRINCIPAL_TYPES = Set.of("service", "ram", "federated");
    private static final List<String> PERMISSION_ELEMENTS =
            List.of("Effect", "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final List<String> TRUST_ELEMENTS =
            List.of("Effect", "Action", "NotAction", "Principal", "Condition");

    private final String path;
    private final Checked<Effect> effect;
    private final NameList actions;
    private final NameList resources;
    private final Checked<Map<String, List<String>>> principal;
    private final Checked<List<ConditionClause>> condition;
    private final List<Problem> problems;

    private PolicyStatement(String path, Checked<Effect> effect, NameList actions, NameList resources,
            Checked<Map<String, List<String>>> principal, Checked<List<ConditionClause>> condition,
            List<Problem> problems) {
        this.path = path;
        this.effect = effect;
        this.actions = actions;
        this.resources = resources;
        this.principal = principal;
        this.condition = condition;
        this.problems = List.copyOf(problems);
    }

    static PolicyStatement read(JsonNode node, String path, PolicyKind kind) {
        List<Problem> problems = new ArrayList<>();
        if (!node.isObject()) {
            String message = "a statement is an object such as {\"Effect\": \"Allow\", \"Action\": [\"ecs:DescribeInstances\"],"
                    + " \"Resource\": [\"*\"]}, not " + PolicyJson.kind(node) + ".";
            problems.add(new Problem("INVALID_STATEMENT", path, message));
            Checked<Effect> broken = Checked.failed(message);
            return new PolicyStatement(path, broken, new NameList(path, List.of(), false),
                    new NameList(path, List.of(), false), Checked.failed(message), Checked.failed(message), problems);
        }
        boolean trust = kind == PolicyKind.TRUST;
        Checked<Effect> effect = readEffect(node, path, problems);
        NameList actions = readNames(node, path, "Action", "NotAction", problems, PolicyStatement::actionProblem);
        NameList resources = trust ? NameList.everything(PolicyJson.field(path, "Resource"))
                : readNames(node, path, "Resource", "NotResource", problems, PolicyStatement::resourceProblem);
        Checked<Map<String, List<String>>> principal = trust
                ? readPrincipal(node.get("Principal"), PolicyJson.field(path, "Principal"), problems)
                : Checked.of(Map.of());
        Checked<List<ConditionClause>> condition =
                readCondition(node.get("Condition"), PolicyJson.field(path, "Condition"), problems);
        unknownElements(node, path, kind, problems);
        return new PolicyStatement(path, effect, actions, resources, principal, condition, problems);
    }

    /** Every problem of this statement. */
    public List<Problem> problems() {
        return problems;
    }

    /** E.g. {@code Statement[1]}. */
    public String path() {
        return path;
    }

    /** True for a statement whose Effect is exactly "Allow". */
    public boolean allows() {
        return effect.ok() && effect.value() == Effect.ALLOW;
    }

    /** The well-formed values of Action or NotAction (with Action when both are written). */
    public NameList actions() {
        return actions;
    }

    /** The well-formed values of Resource or NotResource. */
    public NameList resources() {
        return resources;
    }

    /** The readable clauses of Condition; empty when there is none. */
    public List<ConditionClause> conditions() {
        return condition.ok() ? condition.value() : List.of();
    }

    /** True when the statement has a Condition, readable or not. */
    public boolean conditioned() {
        return !condition.ok() || !condition.value().isEmpty();
    }

    Checked<Effect> effect() {
        return effect;
    }

    Match actionMatches(String requestAction) {
        return names(actions, "ACTION_AND_NOT_ACTION", requestAction);
    }

    Match resourceMatches(String requestResource) {
        return names(resources, "RESOURCE_AND_NOT_RESOURCE", requestResource);
    }

    /** Unknown or misplaced elements: what they would mean is unknown, so the statement cannot be decided by them. */
    Match otherElementsUnderstood() {
        return problems.stream().filter(p -> p.code().equals("UNKNOWN_ELEMENT")).findFirst()
                .map(p -> Match.unknown(p.toString())).orElse(Match.of(true));
    }

    /** The principals of {@code type} (lower case: service, ram, federated) named here; none when Principal is unreadable. */
    List<String> principals(String type) {
        return principal.ok() ? principal.value().getOrDefault(type, List.of()) : List.of();
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

    /** Unknown when any problem lies in the element (or it is missing, or written twice); the patterns decide otherwise. */
    private Match names(NameList names, String bothCode, String requested) {
        Optional<Problem> problem = problems.stream()
                .filter(p -> p.within(names.path()) || p.code().equals(bothCode))
                .findFirst();
        return problem.isPresent() ? Match.unknown(problem.get().toString()) : Match.of(names.matches(requested));
    }

    private static Checked<Effect> readEffect(JsonNode statement, String path, List<Problem> problems) {
        String at = PolicyJson.field(path, "Effect");
        JsonNode effect = statement.get("Effect");
        String message;
        if (effect == null) {
            message = "the statement has no Effect: add \"Effect\": \"Allow\" or \"Effect\": \"Deny\".";
        } else {
            String text = effect.isTextual() ? effect.textValue() : null;
            if ("Allow".equals(text)) {
                return Checked.of(Effect.ALLOW);
            }
            if ("Deny".equals(text)) {
                return Checked.of(Effect.DENY);
            }
            if ("allow".equalsIgnoreCase(text) || "deny".equalsIgnoreCase(text)) {
                message = PolicyJson.quote(text) + " is not an Effect (values are case-sensitive): write \""
                        + ("allow".equalsIgnoreCase(text) ? "Allow" : "Deny") + "\".";
            } else {
                message = "Effect is " + (text == null ? PolicyJson.kind(effect) : PolicyJson.quote(text))
                        + "; it must be \"Allow\" or \"Deny\".";
            }
        }
        problems.add(new Problem("INVALID_EFFECT", at, message));
        return Checked.failed(at + ": " + message);
    }

    private interface ItemCheck {
        /** What is wrong with one value and how to write it, or empty when it is well formed. */
        Optional<String> problem(String value);
    }

    /** Action/NotAction or Resource/NotResource; with both written, the positive one is read. */
    private static NameList readNames(JsonNode statement, String path, String positive, String negative,
            List<Problem> problems, ItemCheck check) {
        boolean hasPositive = statement.has(positive);
        boolean hasNegative = statement.has(negative);
        String missingCode = "Action".equals(positive) ? "MISSING_ACTION" : "MISSING_RESOURCE";
        String formatCode = "Action".equals(positive) ? "INVALID_ACTION_FORMAT" : "INVALID_ARN";
        String example = "Action".equals(positive) ? "\"ecs:DescribeInstances\"" : "\"acs:ecs:*:*:instance/*\", or \"*\"";
        if (hasPositive && hasNegative) {
            problems.add(new Problem("Action".equals(positive) ? "ACTION_AND_NOT_ACTION" : "RESOURCE_AND_NOT_RESOURCE",
                    path, "the statement has both " + positive + " and " + negative + ": keep one (" + positive
                            + " names what the statement is for)."));
        } else if (!hasPositive && !hasNegative) {
            problems.add(new Problem(missingCode, PolicyJson.field(path, positive), "the statement has no " + positive
                    + ": add \"" + positive + "\": [...], e.g. [" + example + "]."));
            return new NameList(PolicyJson.field(path, positive), List.of(), false);
        }
        String element = hasPositive ? positive : negative;
        String at = PolicyJson.field(path, element);
        JsonNode value = statement.get(element);
        List<Located> wellFormed = new ArrayList<>();
        if (value.isNull() || value.isArray() && value.isEmpty()) {
            problems.add(new Problem(missingCode, at, element + " is empty: name at least one, e.g. " + example + "."));
        } else if (!value.isTextual() && !value.isArray()) {
            problems.add(new Problem(formatCode, at, element + " is " + PolicyJson.kind(value)
                    + ": write a string or a list of strings such as " + example + "."));
        } else {
            List<JsonNode> items = PolicyJson.items(value);
            for (int i = 0; i < items.size(); i++) {
                String itemAt = PolicyJson.itemPath(at, value, i);
                JsonNode item = items.get(i);
                Optional<String> problem = item.isTextual() ? check.problem(item.textValue())
                        : Optional.of("a value of " + element + " is a string such as " + example + ", not "
                                + PolicyJson.kind(item) + ".");
                if (problem.isPresent()) {
                    problems.add(new Problem(formatCode, itemAt, problem.get()));
                } else {
                    wellFormed.add(new Located(item.textValue(), itemAt));
                }
            }
        }
        return new NameList(at, wellFormed, element.equals(negative));
    }

    private static Optional<String> actionProblem(String action) {
        if (action.equals("*") || ACTION.matcher(action).matches()) {
            return Optional.empty();
        }
        String squeezed = action.replaceAll("\\s+", "");
        String fix = !squeezed.equals(action) && ACTION.matcher(squeezed).matches()
                ? "write " + PolicyJson.quote(squeezed)
                : "write it as <service>:<Action>, e.g. \"ecs:DescribeInstances\", or \"ecs:Describe*\" for a family of actions";
        return Optional.of(PolicyJson.quote(action) + " is not an action of the form <service>:<Action> without spaces: "
                + fix + ".");
    }

    private static Optional<String> resourceProblem(String resource) {
        Optional<String> reason = arnReason(resource);
        if (reason.isEmpty()) {
            return reason;
        }
        String squeezed = resource.replaceAll("\\s+", "");
        String fix = !squeezed.equals(resource) && arnReason(squeezed).isEmpty() ? "write " + PolicyJson.quote(squeezed) : ARN_FORM;
        return Optional.of(PolicyJson.quote(resource) + " is not a resource: " + reason.get() + "; " + fix + ".");
    }

    private static Optional<String> arnReason(String resource) {
        if (resource.equals("*")) return Optional.empty();
        if (resource.chars().anyMatch(Character::isWhitespace)) return Optional.of("it contains spaces");
        String[] parts = resource.split(":", 5);
        if (parts[0].equalsIgnoreCase("arn")) return Optional.of("it is an AWS ARN, RAM's start with acs:");
        if (parts.length < 5) return Optional.of("it has " + parts.length + " of the 5 parts separated by ':'");
        if (!parts[0].equalsIgnoreCase("acs")) return Optional.of("it starts with \"" + parts[0] + "\" instead of acs");
        if (!SERVICE.matcher(parts[1]).matches()) return Optional.of("\"" + parts[1] + "\" is not a service code such as ecs or ram");
        if (!REGION.matcher(parts[2]).matches()) return Optional.of("\"" + parts[2] + "\" is not a region such as cn-hangzhou");
        if (!ACCOUNT.matcher(parts[3]).matches()) return Optional.of("the account id \"" + parts[3] + "\" is not digits");
        if (parts[4].isEmpty()) return Optional.of("the relative id after the account id is empty");
        return Optional.empty();
    }

    private static Checked<Map<String, List<String>>> readPrincipal(JsonNode node, String path, List<Problem> problems) {
        String example = "{\"Service\": [\"ecs.aliyuncs.com\"]}";
        if (node == null) {
            return failed(problems, "MISSING_PRINCIPAL", path,
                    "the statement has no Principal: a trust policy names who may assume the role, e.g. " + example + ".");
        }
        if (!node.isObject() || node.isEmpty()) {
            return failed(problems, "INVALID_PRINCIPAL", path, "Principal is " + PolicyJson.kind(node)
                    + (node.isObject() ? " without principals" : "") + ": name at least one, e.g. " + example + ".");
        }
        Map<String, List<String>> principals = new LinkedHashMap<>();
        int before = problems.size();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String at = PolicyJson.field(path, entry.getKey());
            // RAM accepts the principal type in any case ("service" as well as "Service")
            String type = entry.getKey().toLowerCase(Locale.ROOT);
            if (!PRINCIPAL_TYPES.contains(type)) {
                problems.add(new Problem("INVALID_PRINCIPAL", at, PolicyJson.quote(entry.getKey())
                        + " is not a principal type: use Service, RAM or Federated."));
                continue;
            }
            List<String> values = strings(entry.getValue(), at, false, "INVALID_PRINCIPAL", problems);
            principals.computeIfAbsent(type, t -> new ArrayList<>()).addAll(values);
        }
        return problems.size() == before ? Checked.of(principals)
                : Checked.failed(problems.get(before).toString());
    }

    private static Checked<List<ConditionClause>> readCondition(JsonNode node, String path, List<Problem> problems) {
        if (node == null) {
            return Checked.of(List.of());
        }
        if (!node.isObject()) {
            return failed(problems, "INVALID_CONDITION", path, "Condition is " + PolicyJson.kind(node)
                    + "; it must be an object {\"<operator>\": {\"<key>\": <value or list of values>}},"
                    + " e.g. {\"IpAddress\": {\"acs:SourceIp\": [\"10.0.0.0/8\"]}}.");
        }
        List<ConditionClause> clauses = new ArrayList<>();
        int before = problems.size();
        for (Map.Entry<String, JsonNode> operator : node.properties()) {
            String at = PolicyJson.field(path, operator.getKey());
            if (ConditionOperator.named(operator.getKey()).isEmpty()) {
                problems.add(new Problem("INVALID_CONDITION_OPERATOR", at, ConditionOperator.unknown(operator.getKey())));
            }
            JsonNode keys = operator.getValue();
            if (!keys.isObject() || keys.isEmpty()) {
                problems.add(new Problem("INVALID_CONDITION", at, "the operator " + operator.getKey() + " takes an object"
                        + " {\"<key>\": <value or list of values>}, not " + PolicyJson.kind(keys)
                        + (keys.isObject() ? " without keys" : "") + "."));
                continue;
            }
            for (Map.Entry<String, JsonNode> key : keys.properties()) {
                String keyAt = PolicyJson.field(at, key.getKey());
                if (key.getKey().isEmpty()) {
                    problems.add(new Problem("INVALID_CONDITION", keyAt, "a condition key is empty: name one, e.g. acs:SourceIp."));
                    continue;
                }
                List<String> values = strings(key.getValue(), keyAt, true, "INVALID_CONDITION", problems);
                clauses.add(new ConditionClause(operator.getKey(), key.getKey(), values));
            }
        }
        // an unknown operator leaves the Condition readable: its clause is unknown on its own (see ConditionClause)
        Optional<Problem> unreadable = problems.subList(before, problems.size()).stream()
                .filter(p -> !p.code().equals("INVALID_CONDITION_OPERATOR")).findFirst();
        return unreadable.isEmpty() ? Checked.of(clauses) : Checked.failed(unreadable.get().toString());
    }

    /** A string or a non-empty list of strings; with {@code scalars} numbers and booleans count as their text. */
    private static List<String> strings(JsonNode node, String path, boolean scalars, String code, List<Problem> problems) {
        String expected = scalars ? "a string, number or boolean, or a list of them" : "a string or a list of strings";
        if (node.isArray() && node.isEmpty() || !node.isArray() && !scalar(node, scalars)) {
            problems.add(new Problem(code, path, "the value is " + PolicyJson.kind(node)
                    + (node.isArray() ? " without values" : "") + "; write " + expected + "."));
            return List.of();
        }
        List<String> values = new ArrayList<>();
        List<JsonNode> items = PolicyJson.items(node);
        for (int i = 0; i < items.size(); i++) {
            if (scalar(items.get(i), scalars)) {
                values.add(items.get(i).asText());
            } else {
                problems.add(new Problem(code, PolicyJson.itemPath(path, node, i), "a value is "
                        + PolicyJson.kind(items.get(i)) + "; write " + expected + "."));
            }
        }
        return values;
    }

    private static boolean scalar(JsonNode node, boolean scalars) {
        return node.isTextual() || scalars && (node.isNumber() || node.isBoolean());
    }

    private static void unknownElements(JsonNode statement, String path, PolicyKind kind, List<Problem> problems) {
        List<String> known = kind == PolicyKind.TRUST ? TRUST_ELEMENTS : PERMISSION_ELEMENTS;
        for (Map.Entry<String, JsonNode> element : statement.properties()) {
            String name = element.getKey();
            if (known.contains(name)) {
                continue;
            }
            String message;
            if (kind == PolicyKind.PERMISSION && (name.equals("Principal") || name.equals("NotPrincipal"))) {
                message = name + " belongs in a role's trust policy, not in a permission policy: remove it (the policy"
                        + " applies to whoever it is attached to).";
            } else if (kind == PolicyKind.TRUST && (name.equals("Resource") || name.equals("NotResource"))) {
                message = name + " is not allowed in a trust policy (its resource is the role itself): remove it.";
            } else {
                message = unknownElement(name, known, "a statement");
            }
            problems.add(new Problem("UNKNOWN_ELEMENT", PolicyJson.field(path, name), message));
        }
    }

    /** The message for a key that is not an element where it was found, suggesting the one meant. */
    static String unknownElement(String key, List<String> elements, String where) {
        for (String element : elements) {
            if (element.equalsIgnoreCase(key)) {
                return PolicyJson.quote(key) + " is not an element of " + where
                        + " (element names are case-sensitive): write \"" + element + "\".";
            }
        }
        return PolicyJson.quote(key) + " is not an element of " + where + ", which has " + String.join(", ", elements)
                + ": remove it.";
    }

    private static <T> Checked<T> failed(List<Problem> problems, String code, String path, String message) {
        Problem problem = new Problem(code, path, message);
        problems.add(problem);
        return Checked.failed(problem.toString());
    }
}
