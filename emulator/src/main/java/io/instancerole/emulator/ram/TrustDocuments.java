package io.instancerole.emulator.ram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.emulator.core.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * RAM stores trust documents normalised: compact, keys sorted, each Principal value a list (the
 * form of the reference's example, {@code "Principal":{"Service":["ecs.aliyuncs.com"]}}). Callers
 * therefore have to compare trust documents by meaning, as they must against the real service.
 */
final class TrustDocuments {
    private TrustDocuments() {}

    /** Called only on documents the grammar accepted. */
    static String normalize(String document) {
        JsonNode parsed = Json.parseOrNull(document);
        return parsed == null ? document : Json.text(sorted(parsed, false));
    }

    private static JsonNode sorted(JsonNode node, boolean insidePrincipal) {
        if (node.isArray()) {
            ArrayNode copy = Json.array();
            node.forEach(item -> copy.add(sorted(item, false)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        Collections.sort(names);
        ObjectNode copy = Json.object();
        for (String name : names) {
            JsonNode value = node.get(name);
            if (insidePrincipal && value.isTextual()) {
                copy.putArray(name).add(value);
            } else {
                copy.set(name, sorted(value, "Principal".equals(name)));
            }
        }
        return copy;
    }
}
