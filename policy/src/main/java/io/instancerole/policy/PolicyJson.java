package io.instancerole.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one reader of policy text, strict: a duplicated key or text after the document would make it
 * mean something other than it says, so both are syntax errors. Also the helpers that quote values in
 * messages and read values written as one string or a list.
 */
public final class PolicyJson {
    private static final int QUOTE_LIMIT = 80;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PolicyJson() {}

    /** The parsed text; a MissingNode for empty text. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    /** Empty for invalid JSON, for null and for empty text. */
    public static Optional<JsonNode> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text)).filter(node -> !node.isMissingNode());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Compact JSON text, keys in their original order: what is sent to RAM and what its size limit counts. */
    public static String minify(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree always serializes
        }
    }

    /** What is wrong and where, for a person fixing the text by hand. */
    public static String syntaxError(JsonProcessingException e) {
        String what = e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Trailing token")
                ? "unexpected text after the end of the document"
                : e.getOriginalMessage();
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "the document is not valid JSON: " + what + where
                + ". Check for a missing comma, quote or bracket, or a key written twice.";
    }

    /** "a string", "an array", "null": the node's JSON type, for messages. */
    public static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
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

    /** A user's string in double quotes, cut short so a huge value cannot flood a message. */
    static String quote(String text) {
        return '"' + (text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "...") + '"';
    }

    /**
     * The items of a list, or the value itself: RAM reads a single value as a one-element list
     * ({@code "a"} and {@code ["a"]} alike). No value (Java null, a missing node, JSON null): no items.
     */
    public static List<JsonNode> items(JsonNode value) {
        List<JsonNode> items = new ArrayList<>();
        if (value == null || value.isMissingNode() || value.isNull()) {
            return items;
        }
        if (value.isArray()) {
            value.forEach(items::add);
        } else {
            items.add(value);
        }
        return items;
    }

    /** The path of item {@code index} of an element written as {@code node}: {@code Action} or {@code Action[1]}. */
    static String itemPath(String path, JsonNode node, int index) {
        return node.isArray() ? path + "[" + index + "]" : path;
    }

    static String field(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }
}
