package io.instancerole.functions.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a function answers, in the shape API Gateway reads: status, headers and a JSON body. */
public final class ApiResponse {
    private final int statusCode;
    private final Map<String, String> headers;
    private final String body;

    public ApiResponse(int statusCode, Map<String, String> headers, String body) {
        this.statusCode = statusCode;
        this.headers = Map.copyOf(headers);
        this.body = body;
    }

    public static ApiResponse json(int statusCode, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        return new ApiResponse(statusCode, headers, body);
    }

    /** This response with one more header. */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(statusCode, copy, body);
    }

    public int statusCode() {
        return statusCode;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public String body() {
        return body;
    }
}
