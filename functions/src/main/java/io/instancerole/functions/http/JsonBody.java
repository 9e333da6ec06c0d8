package io.instancerole.functions.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.error.FieldError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request's JSON body, checked at the edge: the content type, the size, that it parses to an
 * object, and that it has no field the route does not know (a typo in a pipeline must not
 * silently do something else). Accessors check each field's JSON type and name the field.
 */
public final class JsonBody {
    /** The contract's limit; larger bodies are 413. */
    public static final int MAX_BYTES = 64 * 1024;

    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    public static JsonBody parse(ApiRequest request, ObjectMapper mapper, Set<String> knownFields) {
        if (request.bodyLength() > MAX_BYTES) {
            throw new DomainException(ErrorCode.PayloadTooLarge,
                    "the body is " + request.bodyLength() + " bytes; the limit is " + MAX_BYTES + " bytes (64 KiB)");
        }
        String contentType = request.header("Content-Type").orElse("");
        if (!isJson(contentType)) {
            throw new DomainException(ErrorCode.UnsupportedMediaType, "send the body as JSON with 'Content-Type: application/json'"
                    + (contentType.isEmpty() ? " (no Content-Type was sent)" : " (got '" + contentType + "')"));
        }
        JsonNode root;
        try {
            root = mapper.readTree(request.body());
        } catch (JsonParseException e) {
            JsonLocation where = e.getLocation();
            throw new DomainException(ErrorCode.InvalidRequest, "the body is not valid JSON: " + e.getOriginalMessage()
                    + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr()));
        } catch (JsonProcessingException e) {
            throw new DomainException(ErrorCode.InvalidRequest, "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DomainException(ErrorCode.InvalidRequest, "the body could not be read as JSON");
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new DomainException(ErrorCode.InvalidRequest, "the body must be a JSON object");
        }
        rejectUnknownFields(root, knownFields);
        return new JsonBody(root);
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json");
    }

    private static void rejectUnknownFields(JsonNode root, Set<String> knownFields) {
        List<FieldError> unknown = new ArrayList<>();
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!knownFields.contains(name)) {
                unknown.add(new FieldError(name, "unknown field; this route takes " + String.join(", ", new TreeSet<>(knownFields))));
            }
        }
        if (!unknown.isEmpty()) {
            StringBuilder message = new StringBuilder("unknown field");
            message.append(unknown.size() > 1 ? "s " : " ");
            for (int i = 0; i < unknown.size(); i++) {
                message.append(i == 0 ? "" : ", ").append('\'').append(unknown.get(i).field()).append('\'');
            }
            message.append("; this route takes ").append(String.join(", ", new TreeSet<>(knownFields)));
            throw new DomainException(ErrorCode.InvalidRequest, message.toString(), unknown);
        }
    }

    /** The field's text, or null when absent or JSON null. */
    public String string(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(field, "a string", node);
        }
        return node.textValue();
    }

    public boolean bool(String field, boolean whenAbsent) {
        JsonNode node = present(field);
        if (node == null) {
            return whenAbsent;
        }
        if (!node.isBoolean()) {
            throw wrongType(field, "true or false", node);
        }
        return node.booleanValue();
    }

    /** The field's whole number, or null when absent. */
    public Integer integer(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrongType(field, "a whole number", node);
        }
        return node.intValue();
    }

    /** The field's list of strings, or null when absent. */
    public List<String> stringList(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw wrongType(field, "a list of strings", node);
        }
        List<String> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                throw wrongType(field + "[" + i + "]", "a string", item);
            }
            values.add(item.textValue());
        }
        return values;
    }

    /** The field as raw JSON, or null when absent. */
    public JsonNode node(String field) {
        return present(field);
    }

    private JsonNode present(String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node;
    }

    private static DomainException wrongType(String field, String expected, JsonNode got) {
        return DomainException.invalidParameter(field, "must be " + expected + ", got " + describe(got));
    }

    private static String describe(JsonNode node) {
        switch (node.getNodeType()) {
            case STRING:
                return "a string";
            case NUMBER:
                return "a number";
            case BOOLEAN:
                return "a boolean";
            case ARRAY:
                return "a list";
            case OBJECT:
                return "an object";
            default:
                return node.getNodeType().name().toLowerCase(Locale.ROOT);
        }
    }
}
