package io.instancerole.emulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.emulator.http.HttpRequest;
import io.instancerole.emulator.http.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading the emulator's requests and making its answers. */
public final class HttpIo {
    /** No call of these APIs legitimately sends more; a larger body is refused rather than used. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private HttpIo() {}

    /** Query parameters, then form-body parameters that the query does not already have; decoded. */
    public static Map<String, String> params(HttpRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        parseForm(request.rawQuery(), params);
        if (isForm(request)) {
            parseForm(new String(body(request), StandardCharsets.UTF_8), params);
        }
        return params;
    }

    /** The query's parameters alone, decoded. */
    public static Map<String, String> query(HttpRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        parseForm(request.rawQuery(), query);
        return query;
    }

    public static boolean isForm(HttpRequest request) {
        String contentType = request.header("Content-Type");
        return contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded");
    }

    /** The body; {@link RequestTooLargeException} when it was over {@link #MAX_BODY_BYTES}. */
    public static byte[] body(HttpRequest request) {
        if (request.bodyTooLarge()) {
            throw new RequestTooLargeException(MAX_BODY_BYTES);
        }
        return request.body();
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

    public static HttpResponse json(int status, JsonNode body) {
        return HttpResponse.of(status, HttpResponse.JSON_TYPE, Json.bytes(body));
    }
}
