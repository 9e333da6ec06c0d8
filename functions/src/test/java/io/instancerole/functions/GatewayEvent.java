package io.instancerole.functions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.functions.http.HeaderNames;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request as a platform hands it to a function, in either event format: API Gateway's, shaped
 * like a captured one (the gateway's own headers, the caller headers its authentication adds,
 * queryParameters, pathParameters, the body as a string and isBase64Encoded), or Function Compute
 * 3.0's HTTP trigger's, shaped like the documentation's sample (version, rawPath, canonical header
 * names with repeated values joined by ',', queryParameters, body, isBase64Encoded, requestContext).
 * The path is given percent-encoded, as a client sends it.
 */
final class GatewayEvent {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String method;
    private final String path;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private byte[] body;
    private boolean base64;

    private GatewayEvent(String method, String path) {
        this.method = method;
        this.path = path;
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

    /** The header with these values, one per time it was sent (API Gateway gets a JSON array, the trigger one joined string). */
    GatewayEvent header(String name, String... values) {
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

    /** As API Gateway sends it. */
    byte[] bytes() {
        return bytes(EventFormat.API_GATEWAY);
    }

    byte[] bytes(EventFormat format) {
        ObjectNode event = format == EventFormat.API_GATEWAY ? apiGateway() : httpTrigger();
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

    private ObjectNode apiGateway() {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("path", path);
        event.put("httpMethod", method);
        ObjectNode headerNode = event.putObject("headers");
        headerNode.put("X-Ca-Api-Gateway", "8D4F1C2A-93B1-4E0C-A1F7-1B2C3D4E5F60");
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
        return event;
    }

    private ObjectNode httpTrigger() {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("version", "v1");
        event.put("rawPath", path);
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach((name, values) -> headerNode.put(HeaderNames.canonical(name), String.join(",", values)));
        ObjectNode queryNode = event.putObject("queryParameters");
        query.forEach(queryNode::put);
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "1234567890");
        context.put("domainName", "instance-role-api.cn-hangzhou.fcapp.run");
        context.put("domainPrefix", "instance-role-api");
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", decoded(path));
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "203.0.113.7");
        http.put("userAgent", "pipeline/1.0");
        context.put("requestId", "1-64f6cd87-0123456789abcdef01234567");
        context.put("time", "2023-09-05T06:41:11Z");
        context.put("timeEpoch", "1693896071895");
        return event;
    }

    /** The trigger's requestContext.http.path: the path decoded (a path that cannot be decoded is passed as written). */
    private static String decoded(String rawPath) {
        try {
            return URI.create("http://h" + rawPath).getPath();
        } catch (IllegalArgumentException e) {
            return rawPath;
        }
    }
}
