package io.instancerole.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Comparing policy documents by meaning, not text. */
public final class PolicyDocuments {
    /** Elements whose value is a set of strings: a string and a one-element list mean the same, order does not matter. */
    private static final Set<String> VALUE_SETS = Set.of("Action", "NotAction", "Resource", "NotResource");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PolicyDocuments() {}

    /**
     * True when two documents mean the same: key order, whitespace, a string versus a one-element
     * list, and the order of values in Action/Resource/Principal lists do not matter; neither does
     * the case of principal types ({@code Service} or {@code service}) nor the order of condition
     * values. {@code Version} is compared as text. Statement order counts. Invalid JSON on either
     * side: false.
     */
    public static boolean sameMeaning(String a, String b) {
        Optional<JsonNode> left = PolicyJson.tryParse(a);
        Optional<JsonNode> right = PolicyJson.tryParse(b);
        return left.isPresent() && right.isPresent() && canonical(left.get()).equals(canonical(right.get()));
    }

    private static JsonNode canonical(JsonNode document) {
        if (!document.isObject()) return document;
        ObjectNode result = NODES.objectNode();
        for (Map.Entry<String, JsonNode> element : document.properties()) {
            JsonNode value = element.getValue();
            switch (element.getKey()) {
                case "Version":
                    result.set("Version", value.isValueNode() ? NODES.textNode(value.asText()) : value);
                    break;
                case "Statement":
                    ArrayNode statements = result.putArray("Statement");
                    PolicyJson.items(value).stream().map(PolicyDocuments::canonicalStatement).forEach(statements::add);
                    break;
                default:
                    result.set(element.getKey(), value);
            }
        }
        return result;
    }

    private static JsonNode canonicalStatement(JsonNode statement) {
        if (!statement.isObject()) return statement;
        ObjectNode result = NODES.objectNode();
        for (Map.Entry<String, JsonNode> element : statement.properties()) {
            String key = element.getKey();
            JsonNode value = element.getValue();
            if (VALUE_SETS.contains(key)) {
                result.set(key, valueSet(value));
            } else if (key.equals("Principal") && value.isObject()) {
                result.set(key, mapOfValueSets(value, true));
            } else if (key.equals("Condition") && value.isObject()) {
                ObjectNode operators = result.putObject(key);
                value.properties().forEach(op -> operators.set(op.getKey(),
                        op.getValue().isObject() ? mapOfValueSets(op.getValue(), false) : op.getValue()));
            } else {
                result.set(key, value);
            }
        }
        return result;
    }

    /** Principal types (case folded) or condition keys, each to the set of its values. */
    private static ObjectNode mapOfValueSets(JsonNode map, boolean foldKeyCase) {
        Map<String, ArrayNode> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            String key = foldKeyCase ? entry.getKey().toLowerCase(Locale.ROOT) : entry.getKey();
            ArrayNode merged = values.computeIfAbsent(key, k -> NODES.arrayNode()); // "Service" and "service" together
            PolicyJson.items(entry.getValue()).forEach(merged::add);
        }
        ObjectNode result = NODES.objectNode();
        values.forEach((key, merged) -> result.set(key, valueSet(merged)));
        return result;
    }

    /** A string or list of scalars as a sorted list of distinct texts; anything else as it is. */
    private static JsonNode valueSet(JsonNode value) {
        if (!PolicyJson.items(value).stream().allMatch(JsonNode::isValueNode)) return value;
        Set<String> sorted = new TreeSet<>();
        PolicyJson.items(value).forEach(v -> sorted.add(v.asText()));
        ArrayNode result = NODES.arrayNode();
        sorted.forEach(result::add);
        return result;
    }
}
