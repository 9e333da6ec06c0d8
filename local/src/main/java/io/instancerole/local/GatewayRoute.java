package io.instancerole.local;

/** What serves one route: the function, and how long the gateway waits for it. */
final class GatewayRoute {
    private final FunctionRuntime function;
    private final long timeoutMillis;
    private final boolean anonymous;

    GatewayRoute(FunctionRuntime function, long timeoutMillis, boolean anonymous) {
        this.function = function;
        this.timeoutMillis = timeoutMillis;
        this.anonymous = anonymous;
    }

    /** The function's Timeout, or API Gateway's backend timeout when template.yml sets a shorter one. */
    static GatewayRoute of(RouteDefinition route, FunctionRuntime function) {
        long timeout = function.definition().timeoutSeconds() * 1000L;
        if (route.backendTimeoutMillis().isPresent()) {
            timeout = Math.min(timeout, route.backendTimeoutMillis().getAsLong());
        }
        return new GatewayRoute(function, timeout, route.anonymous());
    }

    /** No bearer token is asked for, and no caller identity is passed on (the function authenticates the request itself). */
    boolean anonymous() {
        return anonymous;
    }

    FunctionRuntime function() {
        return function;
    }

    long timeoutMillis() {
        return timeoutMillis;
    }
}
