package io.instancerole.functions.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as API Gateway hands it to a function: the event JSON's {@code httpMethod},
 * {@code path}, {@code headers}, {@code queryParameters} and {@code body} (decoded when
 * {@code isBase64Encoded}). Header names are matched case-insensitively, as HTTP requires.
 */
public final class ApiRequest {
    private final String method;
    private final String path;
    private final Map<String, String> headers;
    private final Map<String, String> query;
    private final byte[] body;

    public ApiRequest(String method, String path, Map<String, String> headers, Map<String, String> query, byte[] body) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path;
        TreeMap<String, String> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        folded.putAll(headers);
        this.headers = folded;
        this.query = Map.copyOf(query);
        this.body = body.clone();
    }

    /** Reads API Gateway's event; an event that is not one is the gateway's mistake, answered 400. */
    public static ApiRequest fromEvent(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new DomainException(ErrorCode.InvalidRequest, "the function expects an API Gateway event (a JSON object)");
        }
        String method = text(event, "httpMethod");
        String path = text(event, "path");
        if (method == null || path == null) {
            throw new DomainException(ErrorCode.InvalidRequest, "the API Gateway event has no httpMethod or path");
        }
        String rawBody = text(event, "body");
        byte[] body = rawBody == null ? new byte[0] : rawBody.getBytes(StandardCharsets.UTF_8);
        if (isTrue(event.get("isBase64Encoded")) && rawBody != null) {
            try {
                body = Base64.getDecoder().decode(rawBody.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw new DomainException(ErrorCode.InvalidRequest, "the event says isBase64Encoded but its body is not base64");
            }
        }
        return new ApiRequest(method, path, stringMap(event.get("headers")), stringMap(event.get("queryParameters")), body);
    }

    private static String text(JsonNode event, String field) {
        JsonNode node = event.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    /** A real event has a JSON boolean; the documentation's placeholder has the string "true". */
    private static boolean isTrue(JsonNode node) {
        return node != null && (node.asBoolean(false) || "true".equalsIgnoreCase(node.asText()));
    }

    private static Map<String, String> stringMap(JsonNode node) {
        TreeMap<String, String> map = new TreeMap<>();
        if (node != null && node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isArray()) {
                    value = value.size() == 0 ? null : value.get(0);
                }
                if (value != null && !value.isNull()) {
                    map.put(field.getKey(), value.asText());
                }
            }
        }
        return map;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** All headers, names matched case-insensitively. */
    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    public Map<String, String> queryParameters() {
        return query;
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public byte[] body() {
        return body.clone();
    }

    public int bodyLength() {
        return body.length;
    }
}
