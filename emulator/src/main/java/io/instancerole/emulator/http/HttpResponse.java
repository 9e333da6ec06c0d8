package io.instancerole.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer to write in one piece: status, headers named exactly as given, body. Immutable. */
public final class HttpResponse {
    public static final String JSON_TYPE = "application/json;charset=utf-8";
    public static final String TEXT_TYPE = "text/plain;charset=utf-8";

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;

    public HttpResponse(int status, Map<String, String> headers, byte[] body) {
        this.status = status;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body.clone();
    }

    public static HttpResponse of(int status, String contentType, byte[] body) {
        return new HttpResponse(status, Map.of("Content-Type", contentType), body);
    }

    public static HttpResponse text(int status, String body) {
        return of(status, TEXT_TYPE, body.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse empty(int status) {
        return new HttpResponse(status, Map.of(), new byte[0]);
    }

    public int status() { return status; }
    /** Header names exactly as they go on the wire. */
    public Map<String, String> headers() { return headers; }
    public byte[] body() { return body.clone(); }

    /** A copy with one more header (replacing one of the same name, whatever its case). */
    public HttpResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        copy.put(name, value);
        return new HttpResponse(status, copy, body);
    }
}
