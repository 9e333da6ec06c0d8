package io.instancerole.functions.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.policy.PolicyJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Reading the fields both event formats share: text fields, the body and its base64 flag, string maps. */
final class EventFields {
    private EventFields() {}

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    /** {@code body}, base64-decoded when {@code isBase64Encoded} (a JSON boolean, or the documentation's string "true"). */
    static byte[] body(JsonNode event, String format) {
        String raw = text(event, "body");
        if (raw == null) {
            return new byte[0];
        }
        JsonNode flag = event.get("isBase64Encoded");
        boolean base64 = flag != null && (flag.asBoolean(false) || "true".equalsIgnoreCase(flag.asText()));
        if (!base64) {
            return raw.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(raw.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.InvalidRequest, "the " + format + " event says isBase64Encoded but its body is not base64");
        }
    }

    /** An object of string values (an array keeps its first value); anything else reads as empty. */
    static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new TreeMap<>();
        multiValued(node, value -> List.of(value)).forEach((name, values) -> map.put(name, values.get(0)));
        return map;
    }

    /** An object of strings or arrays of strings, each name with all its values in order ({@code splitter} turns one text into the values it stands for); names without a value are dropped. */
    static Map<String, List<String>> multiValued(JsonNode node, Function<String, List<String>> splitter) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            return map;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            List<String> values = new ArrayList<>();
            for (JsonNode item : PolicyJson.items(field.getValue())) {
                if (!item.isNull() && !item.isContainerNode()) {
                    values.addAll(splitter.apply(item.asText()));
                }
            }
            if (!values.isEmpty()) {
                map.put(field.getKey(), values);
            }
        }
        return map;
    }
}
