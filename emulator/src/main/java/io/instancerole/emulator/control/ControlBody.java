package io.instancerole.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.emulator.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A control call's JSON object body, read strictly: unknown fields and wrong types are refused. */
final class ControlBody {
    private final ObjectNode fields;

    private ControlBody(ObjectNode fields) {
        this.fields = fields;
    }

    static ControlBody parse(byte[] body, Set<String> allowed) {
        String text = new String(body, StandardCharsets.UTF_8).trim();
        JsonNode parsed = text.isEmpty() ? Json.object() : Json.parseOrNull(text);
        if (parsed == null || !parsed.isObject()) {
            throw new ControlException(400, "InvalidJson", "The body must be a JSON object.");
        }
        for (Iterator<String> names = parsed.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ControlException(400, "UnknownField",
                        "Unknown field \"" + name + "\"; the fields of this call are " + allowed + ".");
            }
        }
        return new ControlBody((ObjectNode) parsed);
    }

    /** Null when absent or JSON null. */
    String text(String name) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ControlException(400, "InvalidField", "The field \"" + name + "\" must be a string.");
        }
        return value.asText();
    }

    String requiredText(String name) {
        String value = text(name);
        if (value == null || value.isEmpty()) {
            throw new ControlException(400, "MissingField", "The field \"" + name + "\" is required.");
        }
        return value;
    }

    /** Null when absent. */
    Long number(String name, long min, long max) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw new ControlException(400, "InvalidField",
                    "The field \"" + name + "\" must be a whole number from " + min + " to " + max + ".");
        }
        return value.asLong();
    }

    long requiredNumber(String name, long min, long max) {
        Long value = number(name, min, max);
        if (value == null) {
            throw new ControlException(400, "MissingField", "The field \"" + name + "\" is required.");
        }
        return value;
    }

    /** A JSON object of string values; empty when absent. */
    Map<String, String> stringMap(String name) {
        Map<String, String> map = new LinkedHashMap<>();
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            return map;
        }
        if (!value.isObject()) {
            throw new ControlException(400, "InvalidField", "The field \"" + name + "\" must be an object of strings.");
        }
        value.properties().forEach(entry -> {
            if (!entry.getValue().isTextual()) {
                throw new ControlException(400, "InvalidField",
                        "The value of \"" + name + "." + entry.getKey() + "\" must be a string.");
            }
            map.put(entry.getKey(), entry.getValue().asText());
        });
        return map;
    }
}
