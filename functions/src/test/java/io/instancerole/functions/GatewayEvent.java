package io.instancerole.functions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An API Gateway event as Function Compute hands it to a function, shaped like a captured one:
 * the gateway's own headers, the caller headers its authentication adds, queryParameters,
 * pathParameters, the body as a string and isBase64Encoded.
 */
final class GatewayEvent {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String method;
    private final String path;
    /** A header's value, or several (a JSON array, as a gateway may pass a repeated header). */
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private byte[] body;
    private boolean base64;

    private GatewayEvent(String method, String path) {
        this.method = method;
        this.path = path;
        header("X-Ca-Api-Gateway", "8D4F1C2A-93B1-4E0C-A1F7-1B2C3D4E5F60");
        header("X-Forwarded-For", "203.0.113.7");
        header("User-Agent", "pipeline/1.0");
        header("Accept", "application/json");
    }

    static GatewayEvent post(String path, String jsonBody) {
        return new GatewayEvent("POST", path).header("Content-Type", "application/json; charset=UTF-8").body(jsonBody);
    }

    static GatewayEvent get(String path) {
        return new GatewayEvent("GET", path);
    }

    static GatewayEvent of(String method, String path) {
        return new GatewayEvent(method, path);
    }

    /** Authenticated as {@code id} of {@code team}, as the gateway's authentication would add it. */
    GatewayEvent caller(String id, String team) {
        return header("X-Caller-Id", id).header("X-Caller-Team", team);
    }

    GatewayEvent header(String name, String value) {
        headers.put(name, List.of(value));
        return this;
    }

    /** The header as a JSON array of {@code values}. */
    GatewayEvent headerValues(String name, String... values) {
        headers.put(name, List.of(values));
        return this;
    }

    GatewayEvent withoutHeader(String name) {
        headers.remove(name);
        return this;
    }

    GatewayEvent query(String name, String value) {
        query.put(name, value);
        return this;
    }

    GatewayEvent pathParameter(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    GatewayEvent body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    GatewayEvent body(byte[] bytes) {
        this.body = bytes.clone();
        return this;
    }

    /** Sends the body base64-encoded, as the gateway does for binary-safe bodies. */
    GatewayEvent base64() {
        this.base64 = true;
        return this;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    byte[] bytes() {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("path", path);
        event.put("httpMethod", method);
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach((name, values) -> {
            if (values.size() == 1) {
                headerNode.put(name, values.get(0));
            } else {
                values.forEach(headerNode.putArray(name)::add);
            }
        });
        ObjectNode queryNode = event.putObject("queryParameters");
        query.forEach(queryNode::put);
        ObjectNode pathNode = event.putObject("pathParameters");
        pathParameters.forEach(pathNode::put);
        if (body != null) {
            event.put("body", base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
        }
        event.put("isBase64Encoded", base64);
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
