package io.instancerole.emulator.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/** The one ObjectMapper; Jackson's defaults write raw UTF-8 (never {@code \\uXXXX}), which the SDK's reader needs. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** {@code {"<itemName>":[...]}}: the SDK reads lists only inside such a wrapper object. */
    public static ObjectNode wrappedList(String itemName, Collection<? extends JsonNode> items) {
        ObjectNode wrapper = object();
        wrapper.putArray(itemName).addAll(items);
        return wrapper;
    }

    /** Parses JSON text; null when it is not JSON. */
    public static JsonNode parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    public static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
