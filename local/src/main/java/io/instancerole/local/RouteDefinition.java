package io.instancerole.local;

import java.util.Optional;
import java.util.OptionalLong;

/** One method of one path in the API's {@code DefinitionBody}, and the function behind it. */
final class RouteDefinition {
    private final String method;
    private final String path;
    private final String functionName;
    private final Long backendTimeoutMillis;
    private final CallerClaims claims;

    /** @param claims what the route's authentication passes on; null for a route that authenticates no one */
    RouteDefinition(String method, String path, String functionName, Long backendTimeoutMillis, CallerClaims claims) {
        this.method = method;
        this.path = path;
        this.functionName = functionName;
        this.backendTimeoutMillis = backendTimeoutMillis;
        this.claims = claims;
    }

    /** Upper case, as HTTP writes it. */
    String method() {
        return method;
    }

    /** A path template such as {@code /v1/roles/{roleName}}. */
    String path() {
        return path;
    }

    String functionName() {
        return functionName;
    }

    /**
     * No caller is authenticated: {@code x-aliyun-apigateway-auth-type: ANONYMOUS}, or an
     * anonymous HTTP trigger (the chat routes, signed by their platform).
     */
    boolean anonymous() {
        return claims == null;
    }

    /** The claims the route's authentication passes to the function; empty when the route takes anyone. */
    Optional<CallerClaims> claims() {
        return Optional.ofNullable(claims);
    }

    /** API Gateway's own backend timeout ({@code x-aliyun-apigateway-fc.timeout}), when the template sets one. */
    OptionalLong backendTimeoutMillis() {
        return backendTimeoutMillis == null ? OptionalLong.empty() : OptionalLong.of(backendTimeoutMillis);
    }
}
