package io.instancerole.local;

import java.util.Optional;

/** What serves one route: the function, how long the gateway waits for it, and what its authentication passes on. */
final class GatewayRoute {
    private final FunctionRuntime function;
    private final long timeoutMillis;
    private final CallerClaims claims;

    GatewayRoute(FunctionRuntime function, long timeoutMillis, CallerClaims claims) {
        this.function = function;
        this.timeoutMillis = timeoutMillis;
        this.claims = claims;
    }

    /** The function's Timeout, or API Gateway's backend timeout when template.yml sets a shorter one. */
    static GatewayRoute of(RouteDefinition route, FunctionRuntime function) {
        long timeout = function.definition().timeoutSeconds() * 1000L;
        if (route.backendTimeoutMillis().isPresent()) {
            timeout = Math.min(timeout, route.backendTimeoutMillis().getAsLong());
        }
        return new GatewayRoute(function, timeout, route.claims().orElse(null));
    }

    FunctionRuntime function() {
        return function;
    }

    long timeoutMillis() {
        return timeoutMillis;
    }

    /** The caller's claims as headers; empty for a route that takes anyone. */
    Optional<CallerClaims> claims() {
        return Optional.ofNullable(claims);
    }
}
