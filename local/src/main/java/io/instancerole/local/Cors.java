package io.instancerole.local;

import io.instancerole.functions.http.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Cross-origin calls from the reference page when it is served from another origin than the API
 * ({@code --allowed-origins}): the gateway answers the browser's preflight itself and adds the
 * CORS headers to answers for those origins only, as API Gateway's CORS setting does in the cloud.
 * Same-origin calls (the page served by this stack) need none of it.
 */
final class Cors {
    private static final String ALLOWED_METHODS = "GET, POST";
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type";

    private final Set<String> allowedOrigins;

    Cors(Set<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** The answer to a preflight ({@code OPTIONS}): 204, with the permissions only for an allowed origin. */
    ApiResponse preflight(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (allowed(origin)) {
            headers.put("Access-Control-Allow-Origin", origin);
            headers.put("Access-Control-Allow-Methods", ALLOWED_METHODS);
            headers.put("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            headers.put("Access-Control-Max-Age", "600");
        }
        headers.put("Vary", "Origin");
        return new ApiResponse(204, headers, "");
    }

    /** {@code response} with the headers that let an allowed origin read it. */
    ApiResponse decorate(ApiResponse response, String origin) {
        if (!allowed(origin)) {
            return response;
        }
        return response.withHeader("Access-Control-Allow-Origin", origin)
                .withHeader("Access-Control-Expose-Headers", "X-Request-Id")
                .withHeader("Vary", "Origin");
    }

    private boolean allowed(String origin) {
        return origin != null && allowedOrigins.contains(origin);
    }
}
