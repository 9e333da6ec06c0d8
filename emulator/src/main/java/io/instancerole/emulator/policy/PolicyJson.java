package io.instancerole.emulator.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading policy values that may be written as one string or a list, and quoting them in messages. */
final class PolicyJson {
    private static final int QUOTE_LIMIT = 80;

    private PolicyJson() {}

    /** A value as a person would recognise it in a message: {@code "2016-10-17"}, {@code 1}, {@code a list}. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return '"' + shorten(node.textValue()) + '"';
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        return shorten(node.toString());
    }

    /** A user's string in single quotes, cut short so a huge value cannot flood a message. */
    static String quote(String text) {
        return '\'' + shorten(text) + '\'';
    }

    /** A string or a non-empty list of strings; with {@code scalarsAllowed} numbers and booleans count as their text. */
    static Checked<List<String>> strings(JsonNode node, String path, boolean scalarsAllowed) {
        if (isString(node, scalarsAllowed)) {
            return Checked.of(List.of(node.asText()));
        }
        String expected = scalarsAllowed ? "a value or a list of values" : "a string or a list of strings";
        if (!node.isArray()) {
            return Checked.failed(path + " must be " + expected + ", got " + describe(node));
        }
        if (node.isEmpty()) {
            return Checked.failed(path + " must not be an empty list");
        }
        List<String> values = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (isString(item, scalarsAllowed)) {
                values.add(item.asText());
            } else {
                problems.add(path + "[" + i + "] must be " + (scalarsAllowed ? "a value" : "a string")
                        + ", got " + describe(item));
            }
        }
        return problems.isEmpty() ? Checked.of(values) : Checked.failed(problems);
    }

    /** The path of item {@code index} of an element written as {@code node}: {@code Action} or {@code Action[1]}. */
    static String itemPath(String path, JsonNode node, int index) {
        return node.isArray() ? path + "[" + index + "]" : path;
    }

    private static boolean isString(JsonNode node, boolean scalarsAllowed) {
        return node.isTextual() || scalarsAllowed && (node.isNumber() || node.isBoolean());
    }

    private static String shorten(String text) {
        return text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "...";
    }
}
