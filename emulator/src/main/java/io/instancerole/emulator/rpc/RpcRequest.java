package io.instancerole.emulator.rpc;

import io.instancerole.emulator.core.HttpIo;
import io.instancerole.emulator.http.HttpRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An RPC call as received: the HTTP method, every query and form parameter (decoded), the query
 * alone, the headers (names lower-cased), the hex SHA-256 of the body, the client address.
 */
public final class RpcRequest {
    private final String method;
    private final Map<String, String> params;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final String bodySha256;
    private final String sourceIp;

    public RpcRequest(String method, Map<String, String> params, Map<String, String> query,
                      Map<String, String> headers, String bodySha256, String sourceIp) {
        this.method = method;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        Map<String, String> lowerCased = new LinkedHashMap<>();
        headers.forEach((name, value) -> lowerCased.put(name.toLowerCase(Locale.ROOT), value));
        this.headers = Collections.unmodifiableMap(lowerCased);
        this.bodySha256 = bodySha256;
        this.sourceIp = sourceIp;
    }

    /**
     * The call in {@code http}; V3 names the action and version in headers, which become the
     * {@code Action} and {@code Version} parameters here, so products read them alike.
     */
    public static RpcRequest from(HttpRequest http) {
        Map<String, String> headers = new LinkedHashMap<>();
        http.headers().forEach((name, values) -> headers.put(name, values.isEmpty() ? "" : values.get(0)));
        Map<String, String> params = HttpIo.params(http);
        String authorization = http.header("Authorization");
        if (authorization != null && authorization.startsWith("ACS3-")) {
            copyHeader(http, "x-acs-action", "Action", params);
            copyHeader(http, "x-acs-version", "Version", params);
        }
        return new RpcRequest(http.method(), params, HttpIo.query(http), headers,
                AcsSignatureV3.sha256Hex(HttpIo.body(http)), http.sourceIp());
    }

    private static void copyHeader(HttpRequest http, String header, String param, Map<String, String> params) {
        String value = http.header(header);
        if (value != null) {
            params.put(param, value);
        }
    }

    public String method() { return method; }
    /** By lower-case name, the first value of each. */
    public Map<String, String> headers() { return headers; }
    public Map<String, String> params() { return params; }
    /** The query's parameters alone (signature V3 signs these, and the body through its hash). */
    public Map<String, String> query() { return query; }
    public String bodySha256() { return bodySha256; }
    public String sourceIp() { return sourceIp; }

    /** The parameter's value; null when absent or empty (the SDK sends unset parameters not at all). */
    public String param(String name) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The header's (first) value, by its lower-case name; null when absent. */
    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
