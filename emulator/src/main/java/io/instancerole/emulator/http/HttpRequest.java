package io.instancerole.emulator.http;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One HTTP request as received, its body read in full (up to the listener's limit). */
public final class HttpRequest {
    private final String method;
    private final String path;
    private final String rawPath;
    private final String rawQuery;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final boolean bodyTooLarge;
    private final String sourceIp;

    /** {@code headers} are looked up case-insensitively; {@code rawQuery} is null or empty when there is none. */
    public HttpRequest(String method, String path, String rawPath, String rawQuery, Map<String, List<String>> headers,
                       byte[] body, boolean bodyTooLarge, String sourceIp) {
        this.method = method;
        this.path = path;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        this.headers = Collections.unmodifiableMap(byName);
        this.body = body;
        this.bodyTooLarge = bodyTooLarge;
        this.sourceIp = sourceIp;
    }

    /** Upper case, as sent ({@code GET}, {@code POST}, …). */
    public String method() { return method; }
    /** The decoded path, without the query. */
    public String path() { return path; }
    /** The path as sent, percent escapes kept. */
    public String rawPath() { return rawPath; }
    /** The query as sent, without {@code ?}; null when there is none. */
    public String rawQuery() { return rawQuery == null || rawQuery.isEmpty() ? null : rawQuery; }
    /** Every header, by name, case-insensitively, with its name as the client wrote it. */
    public Map<String, List<String>> headers() { return headers; }
    /** The body, cut at the listener's limit (see {@link #bodyTooLarge()}). */
    public byte[] body() { return body.clone(); }
    /** True when the client sent more than the listener's limit. */
    public boolean bodyTooLarge() { return bodyTooLarge; }
    public String sourceIp() { return sourceIp; }

    /** The first value of the header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
