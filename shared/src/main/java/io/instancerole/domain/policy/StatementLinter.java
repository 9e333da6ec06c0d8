package io.instancerole.domain.policy;

import static io.instancerole.domain.policy.FindingLevel.ERROR;
import static io.instancerole.domain.policy.FindingLevel.SUGGESTION;
import static io.instancerole.domain.policy.FindingLevel.WARNING;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/** The syntax checks of one statement, then the breadth checks of what its well-formed values reach. */
final class StatementLinter {
    private static final List<String> ELEMENTS =
            List.of("Effect", "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> CONDITION_OPERATORS = Set.of(
            "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
            "StringLike", "StringNotLike",
            "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
            "NumericGreaterThan", "NumericGreaterThanEquals",
            "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals",
            "DateGreaterThan", "DateGreaterThanEquals",
            "Bool", "IpAddress", "NotIpAddress");
    private static final String OPERATOR_LIST = "StringEquals, StringNotEquals, StringEqualsIgnoreCase,"
            + " StringNotEqualsIgnoreCase, StringLike, StringNotLike, Numeric..., Date..., Bool, IpAddress or NotIpAddress";

    private final Findings findings;
    private final BreadthChecks breadth;

    StatementLinter(Findings findings) {
        this.findings = findings;
        this.breadth = new BreadthChecks(findings);
    }

    void lint(JsonNode statement, String path) {
        if (!statement.isObject()) {
            findings.add(ERROR, "INVALID_STATEMENT", path, "a statement is an object such as {\"Effect\": \"Allow\","
                    + " \"Action\": [\"ecs:DescribeInstances\"], \"Resource\": [\"*\"]}, not " + kind(statement) + ".");
            return;
        }
        checkRequiredElements(statement, path);
        boolean allows = false;
        ElementValues actions = ElementValues.absent(JsonPaths.field(path, "Action"));
        ElementValues resources = ElementValues.absent(JsonPaths.field(path, "Resource"));
        for (Map.Entry<String, JsonNode> element : statement.properties()) {
            String key = element.getKey();
            JsonNode value = element.getValue();
            String at = JsonPaths.field(path, key);
            switch (key) {
                case "Effect":
                    allows = checkEffect(value, at);
                    break;
                case "Action":
                case "NotAction":
                    // both there is an error; the breadth checks then look at Action
                    ElementValues checkedActions = checkActions(value, at, key.equals("NotAction"));
                    if (key.equals("Action") || !statement.has("Action")) actions = checkedActions;
                    break;
                case "Resource":
                case "NotResource":
                    ElementValues checkedResources = checkResources(value, at, key.equals("NotResource"));
                    if (key.equals("Resource") || !statement.has("Resource")) resources = checkedResources;
                    break;
                case "Condition":
                    checkCondition(value, at);
                    break;
                default:
                    findings.add(ERROR, "UNKNOWN_ELEMENT", at, unknownStatementElement(key));
            }
        }
        boolean conditioned = statement.path("Condition").isObject() && !statement.path("Condition").isEmpty();
        breadth.check(new StatementFacts(allows, conditioned, actions, resources));
    }

    /** The message for a key that is not an element where it was found, suggesting the one meant. */
    static String unknownElement(String key, List<String> elements, String where) {
        for (String element : elements) {
            if (element.equalsIgnoreCase(key)) {
                return "\"" + key + "\" is not an element of " + where + " (element names are case-sensitive): write \""
                        + element + "\".";
            }
        }
        return "\"" + key + "\" is not an element of " + where + ", which has " + String.join(", ", elements)
                + ": remove it.";
    }

    private void checkRequiredElements(JsonNode statement, String path) {
        boolean action = statement.has("Action");
        boolean notAction = statement.has("NotAction");
        boolean resource = statement.has("Resource");
        boolean notResource = statement.has("NotResource");
        if (action && notAction) {
            findings.add(ERROR, "ACTION_AND_NOT_ACTION", path,
                    "the statement has both Action and NotAction: keep one (Action names what the statement is for).");
        }
        if (resource && notResource) {
            findings.add(ERROR, "RESOURCE_AND_NOT_RESOURCE", path,
                    "the statement has both Resource and NotResource: keep one (Resource names what the statement is for).");
        }
        if (!statement.has("Effect")) {
            findings.add(ERROR, "INVALID_EFFECT", JsonPaths.field(path, "Effect"),
                    "the statement has no Effect: add \"Effect\": \"Allow\" or \"Effect\": \"Deny\".");
        }
        if (!action && !notAction) {
            findings.add(ERROR, "MISSING_ACTION", JsonPaths.field(path, "Action"),
                    "the statement has no Action: add \"Action\": [\"<service>:<Action>\", ...],"
                            + " e.g. [\"ecs:DescribeInstances\"].");
        }
        if (!resource && !notResource) {
            findings.add(ERROR, "MISSING_RESOURCE", JsonPaths.field(path, "Resource"),
                    "the statement has no Resource: add \"Resource\": [\"<arn>\", ...],"
                            + " e.g. [\"acs:ecs:*:*:instance/*\"], or \"*\".");
        }
    }

    /** True when the statement allows (only then its breadth is checked). */
    private boolean checkEffect(JsonNode effect, String path) {
        String text = effect.isTextual() ? effect.textValue() : null;
        if ("Allow".equals(text) || "Deny".equals(text)) return "Allow".equals(text);
        String message;
        if ("allow".equalsIgnoreCase(text) || "deny".equalsIgnoreCase(text)) {
            message = "\"" + text + "\" is not an Effect (values are case-sensitive): write \""
                    + ("allow".equalsIgnoreCase(text) ? "Allow" : "Deny") + "\".";
        } else {
            message = "Effect is " + (text == null ? kind(effect) : "\"" + text + "\"")
                    + "; it must be \"Allow\" or \"Deny\".";
        }
        findings.add(ERROR, "INVALID_EFFECT", path, message);
        return false;
    }

    private ElementValues checkActions(JsonNode value, String path, boolean negated) {
        String element = negated ? "NotAction" : "Action";
        List<Located> wellFormed = new ArrayList<>();
        if (isEmpty(value)) {
            findings.add(ERROR, "MISSING_ACTION", path,
                    element + " is empty: name at least one action, e.g. \"ecs:DescribeInstances\".");
        } else if (!value.isTextual() && !value.isArray()) {
            findings.add(ERROR, "INVALID_ACTION_FORMAT", path,
                    element + " is " + kind(value)
                            + ": write a string or a list of strings such as \"ecs:DescribeInstances\".");
        }
        Map<String, String> seen = new HashMap<>();
        forEachItem(value, path, (item, at) -> {
            if (!item.isTextual()) {
                findings.add(ERROR, "INVALID_ACTION_FORMAT", at,
                        "an action is a string such as \"ecs:DescribeInstances\", not " + kind(item) + ".");
                return;
            }
            String action = item.textValue();
            Optional<String> problem = ActionPatterns.problem(action);
            if (problem.isPresent()) {
                findings.add(ERROR, "INVALID_ACTION_FORMAT", at, problem.get());
                return;
            }
            String first = seen.putIfAbsent(action.toLowerCase(Locale.ROOT), at);
            if (first != null) {
                findings.add(WARNING, "DUPLICATE_ACTION", at,
                        "\"" + action + "\" is already listed at " + first + " (actions ignore case): remove this one.");
            }
            ActionPatterns.workflowSpelling(action).ifPresent(exact -> findings.add(SUGGESTION, "ACTION_CASE", at,
                    "write \"" + action + "\" as \"" + exact + "\", the API's exact name: matching ignores case,"
                            + " but the exact name is what people search for."));
            wellFormed.add(new Located(action, at));
        });
        return new ElementValues(path, negated, wellFormed);
    }

    private ElementValues checkResources(JsonNode value, String path, boolean negated) {
        String element = negated ? "NotResource" : "Resource";
        List<Located> wellFormed = new ArrayList<>();
        if (isEmpty(value)) {
            findings.add(ERROR, "MISSING_RESOURCE", path,
                    element + " is empty: name at least one resource, e.g. \"acs:ecs:*:*:instance/*\", or \"*\".");
        } else if (!value.isTextual() && !value.isArray()) {
            findings.add(ERROR, "INVALID_ARN", path,
                    element + " is " + kind(value)
                            + ": write a string or a list of strings such as \"acs:ecs:*:*:instance/*\".");
        }
        forEachItem(value, path, (item, at) -> {
            if (!item.isTextual()) {
                findings.add(ERROR, "INVALID_ARN", at,
                        "a resource is a string such as \"acs:ecs:*:*:instance/*\" or \"*\", not " + kind(item) + ".");
                return;
            }
            Optional<String> problem = ResourcePatterns.problem(item.textValue());
            if (problem.isPresent()) {
                findings.add(ERROR, "INVALID_ARN", at, problem.get());
            } else {
                wellFormed.add(new Located(item.textValue(), at));
            }
        });
        return new ElementValues(path, negated, wellFormed);
    }

    private void checkCondition(JsonNode condition, String path) {
        if (!condition.isObject()) {
            findings.add(ERROR, "INVALID_CONDITION", path, "Condition is " + kind(condition)
                    + "; it must be an object {\"<operator>\": {\"<key>\": <value or list of values>}},"
                    + " e.g. {\"IpAddress\": {\"acs:SourceIp\": [\"10.0.0.0/8\"]}}.");
            return;
        }
        for (Map.Entry<String, JsonNode> block : condition.properties()) {
            String operator = block.getKey();
            String at = JsonPaths.field(path, operator);
            if (!CONDITION_OPERATORS.contains(operator)) {
                findings.add(ERROR, "INVALID_CONDITION_OPERATOR", at, unknownOperator(operator));
            }
            JsonNode keys = block.getValue();
            if (!keys.isObject()) {
                findings.add(ERROR, "INVALID_CONDITION", at, "the operator " + operator + " takes an object"
                        + " {\"<key>\": <value or list of values>}, not " + kind(keys) + ".");
                continue;
            }
            for (Map.Entry<String, JsonNode> key : keys.properties()) {
                misfitConditionValue(key.getValue()).ifPresent(misfit -> findings.add(ERROR, "INVALID_CONDITION",
                        JsonPaths.field(at, key.getKey()),
                        "a condition value is a string, number or boolean, or a list of them, not " + kind(misfit) + "."));
            }
        }
    }

    private static String unknownOperator(String operator) {
        String base = operator.replaceFirst("^(ForAnyValue|ForAllValues):", "").replaceFirst("IfExists$", "");
        for (String known : CONDITION_OPERATORS) {
            if (!known.equals(base) && known.equalsIgnoreCase(base)) {
                return "\"" + operator + "\" is not a condition operator (operators are case-sensitive): write \""
                        + known + "\".";
            }
        }
        if (!base.equals(operator) && CONDITION_OPERATORS.contains(base)) {
            return "RAM has no ForAnyValue:/ForAllValues: or ...IfExists forms of operators: write \"" + base
                    + "\" and check that the condition still means what you want.";
        }
        return "\"" + operator + "\" is not one of RAM's condition operators: use " + OPERATOR_LIST + ".";
    }

    private static String unknownStatementElement(String key) {
        if (key.equals("Principal") || key.equals("NotPrincipal")) {
            return key + " belongs in a role's trust policy, not in a permission policy: remove it (the policy applies"
                    + " to whoever it is attached to).";
        }
        return unknownElement(key, ELEMENTS, "a statement");
    }

    /** The part of a condition value that is not a string, number or boolean, if any. */
    private static Optional<JsonNode> misfitConditionValue(JsonNode value) {
        if (value.isArray()) {
            for (JsonNode item : value) if (!item.isValueNode() || item.isNull()) return Optional.of(item);
            return Optional.empty();
        }
        return value.isValueNode() && !value.isNull() ? Optional.empty() : Optional.of(value);
    }

    private static boolean isEmpty(JsonNode value) {
        return value.isNull() || (value.isArray() && value.isEmpty());
    }

    private static void forEachItem(JsonNode value, String path, BiConsumer<JsonNode, String> check) {
        if (value.isTextual()) {
            check.accept(value, path);
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) check.accept(value.get(i), JsonPaths.item(path, i));
        }
    }

    /** "a string", "an array", "null": the node's JSON type, for messages. */
    static String kind(JsonNode node) {
        switch (node.getNodeType()) {
            case NULL:
                return "null";
            case OBJECT:
            case ARRAY:
                return "an " + node.getNodeType().name().toLowerCase(Locale.ROOT);
            default:
                return "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        }
    }
}
