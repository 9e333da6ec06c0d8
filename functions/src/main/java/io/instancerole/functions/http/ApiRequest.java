package io.instancerole.functions.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as a function sees it, whichever event format carried it: the method, the path
 * in its percent-encoded form (what the router matches and decodes), the headers, the query
 * parameters and the body. Header names are matched case-insensitively, as HTTP requires, and a
 * header keeps every value it arrived with: a header sent twice is not quietly reduced to one of
 * its values (the caller-identity headers must be refused then, not half-believed).
 */
public final class ApiRequest {
    private final String method;
    private final String path;
    private final Map<String, List<String>> headers;
    private final Map<String, String> query;
    private final byte[] body;

    /** A request whose headers have one value each. */
    public ApiRequest(String method, String path, Map<String, String> headers, Map<String, String> query, byte[] body) {
        this(method, path, fold(singleValued(headers)), query, body);
    }

    private ApiRequest(String method, String path, TreeMap<String, List<String>> headers, Map<String, String> query, byte[] body) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path;
        this.headers = Collections.unmodifiableMap(headers);
        this.query = Map.copyOf(query);
        this.body = body.clone();
    }

    /** A request whose headers may each have several values, in the order they came. */
    public static ApiRequest withHeaderValues(String method, String path, Map<String, List<String>> headers,
                                              Map<String, String> query, byte[] body) {
        return new ApiRequest(method, path, fold(headers), query, body);
    }

    private static Map<String, List<String>> singleValued(Map<String, String> headers) {
        Map<String, List<String>> values = new TreeMap<>();
        headers.forEach((name, value) -> values.put(name, List.of(value)));
        return values;
    }

    /** Names case-insensitive; values of names that differ only in case are kept together, in order. */
    private static TreeMap<String, List<String>> fold(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> folded.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        folded.replaceAll((name, values) -> List.copyOf(values));
        return folded;
    }

    public String method() {
        return method;
    }

    /** The path, percent-encoded, e.g. {@code /v1/roles/team-a%2Dweb}. */
    public String path() {
        return path;
    }

    /** The header's field value: its values joined with ',' as HTTP combines repeated fields; empty when absent. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(String.join(",", values));
    }

    /** Every value the header arrived with, one per occurrence; empty when absent. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** All headers with all their values, names matched case-insensitively. */
    public Map<String, List<String>> headers() {
        return headers;
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
