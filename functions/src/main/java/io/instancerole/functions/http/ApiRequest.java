package io.instancerole.functions.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An HTTP request as API Gateway hands it to a function: the event JSON's {@code httpMethod},
 * {@code path}, {@code headers}, {@code queryParameters} and {@code body} (decoded when
 * {@code isBase64Encoded}). Header names are matched case-insensitively, as HTTP requires.
 */
public final class ApiRequest {
    private final String method;
    private final String path;
    /** Every value of every header, names folded: a header sent twice in two letter cases keeps both values. */
    private final Map<String, List<String>> headers;
    private final Map<String, String> query;
    private final byte[] body;

    public ApiRequest(String method, String path, Map<String, String> headers, Map<String, String> query, byte[] body) {
        this(method, path, headers.entrySet().stream().map(e -> Map.entry(e.getKey(), List.of(e.getValue())))
                .collect(Collectors.toList()), query, body);
    }

    private ApiRequest(String method, String path, List<Map.Entry<String, List<String>>> headers, Map<String, String> query,
            byte[] body) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path;
        TreeMap<String, List<String>> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> header : headers) {
            folded.computeIfAbsent(header.getKey(), k -> new ArrayList<>()).addAll(header.getValue());
        }
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
        return new ApiRequest(method, path, headerValues(event.get("headers")), stringMap(event.get("queryParameters")), body);
    }

    private static String text(JsonNode event, String field) {
        JsonNode node = event.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    /** A real event has a JSON boolean; the documentation's placeholder has the string "true". */
    private static boolean isTrue(JsonNode node) {
        return node != null && (node.asBoolean(false) || "true".equalsIgnoreCase(node.asText()));
    }

    /** Each header with all its values: API Gateway may pass a repeated header as a JSON array. */
    private static List<Map.Entry<String, List<String>>> headerValues(JsonNode node) {
        List<Map.Entry<String, List<String>>> headers = new ArrayList<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(field -> {
                List<String> values = new ArrayList<>();
                for (JsonNode value : field.getValue().isArray() ? field.getValue() : List.of(field.getValue())) {
                    if (!value.isNull()) {
                        values.add(value.asText());
                    }
                }
                headers.add(Map.entry(field.getKey(), values));
            });
        }
        return headers;
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

    /** The header's first value. */
    public Optional<String> header(String name) {
        return headerValues(name).stream().findFirst();
    }

    /** Every value the header was sent with, under any letter case of its name; empty when absent. */
    public List<String> headerValues(String name) {
        return List.copyOf(headers.getOrDefault(name, List.of()));
    }

    /** All headers with their first values, names matched case-insensitively. */
    public Map<String, String> headers() {
        TreeMap<String, String> first = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (!values.isEmpty()) {
                first.put(name, values.get(0));
            }
        });
        return Collections.unmodifiableMap(first);
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
