package io.instancerole.local;

/** What serves one route: the function, and how long the gateway waits for it. */
final class GatewayRoute {
    private final FunctionRuntime function;
    private final long timeoutMillis;

    GatewayRoute(FunctionRuntime function, long timeoutMillis) {
        this.function = function;
        this.timeoutMillis = timeoutMillis;
    }

    /** The function's Timeout, or API Gateway's backend timeout when template.yml sets a shorter one. */
    static GatewayRoute of(RouteDefinition route, FunctionRuntime function) {
        long timeout = function.definition().timeoutSeconds() * 1000L;
        if (route.backendTimeoutMillis().isPresent()) {
            timeout = Math.min(timeout, route.backendTimeoutMillis().getAsLong());
        }
        return new GatewayRoute(function, timeout);
    }

    FunctionRuntime function() {
        return function;
    }

    long timeoutMillis() {
        return timeoutMillis;
    }
}
