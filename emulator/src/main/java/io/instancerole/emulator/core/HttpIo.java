package io.instancerole.emulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading requests and writing answers with the JDK's HttpServer. */
public final class HttpIo {
    public static final String JSON_TYPE = "application/json;charset=utf-8";
    public static final String TEXT_TYPE = "text/plain;charset=utf-8";
    /** No call of these APIs legitimately sends more; a larger body is refused rather than buffered. */
    private static final int MAX_BODY_BYTES = 1 << 20;

    private HttpIo() {}

    /** Query parameters, then form-body parameters that the query does not already have; decoded. */
    public static Map<String, String> params(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        parseForm(exchange.getRequestURI().getRawQuery(), params);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            parseForm(new String(body(exchange), StandardCharsets.UTF_8), params);
        }
        return params;
    }

    public static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new RequestTooLargeException(MAX_BODY_BYTES);
            }
            return bytes;
        }
    }

    private static void parseForm(String form, Map<String, String> into) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            into.putIfAbsent(name, value);
        }
    }

    private static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    public static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, JSON_TYPE, Json.bytes(body));
    }

    public static void sendText(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, TEXT_TYPE, body.getBytes(StandardCharsets.UTF_8));
    }

    public static void sendEmpty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
