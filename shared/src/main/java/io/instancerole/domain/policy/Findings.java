package io.instancerole.domain.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.instancerole.policy.Problem;

/**
 * Collects findings and hands them back in document order: by the position of the node they point
 * at (a missing element sorts with the object that lacks it), then in the order they were found.
 */
final class Findings {
    private final Map<String, Integer> positions = new HashMap<>();
    private final List<Finding> found = new ArrayList<>();

    Findings(JsonNode document) {
        number("", document);
    }

    void add(FindingLevel level, String code, String path, String message) {
        found.add(new Finding(level, code, message, path));
    }

    /** A problem of RAM's grammar, at its level. */
    void add(FindingLevel level, Problem problem) {
        add(level, problem.code(), problem.path(), problem.message());
    }

    boolean any(FindingLevel level, String path) {
        return found.stream().anyMatch(f -> f.level() == level && f.path().equals(path));
    }

    List<Finding> inDocumentOrder() {
        List<Finding> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(f -> position(f.path()))); // stable: ties keep the order found
        return sorted;
    }

    private int position(String path) {
        String p = path;
        while (!positions.containsKey(p)) p = JsonPaths.parent(p);
        return positions.get(p);
    }

    private void number(String path, JsonNode node) {
        positions.putIfAbsent(path, positions.size());
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                number(JsonPaths.field(path, field.getKey()), field.getValue());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) number(JsonPaths.item(path, i), node.get(i));
        }
    }
}
