package io.instancerole.local;

import java.util.OptionalLong;

/** One method of one path in the API's {@code DefinitionBody}, and the function behind it. */
final class RouteDefinition {
    private final String method;
    private final String path;
    private final String functionName;
    private final Long backendTimeoutMillis;
    private final boolean anonymous;

    RouteDefinition(String method, String path, String functionName, Long backendTimeoutMillis, boolean anonymous) {
        this.method = method;
        this.path = path;
        this.functionName = functionName;
        this.backendTimeoutMillis = backendTimeoutMillis;
        this.anonymous = anonymous;
    }

    /** {@code x-aliyun-apigateway-auth-type: ANONYMOUS}: the gateway authenticates no caller (the chat routes, signed by their platform). */
    boolean anonymous() {
        return anonymous;
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

    /** API Gateway's own backend timeout ({@code x-aliyun-apigateway-fc.timeout}), when the template sets one. */
    OptionalLong backendTimeoutMillis() {
        return backendTimeoutMillis == null ? OptionalLong.empty() : OptionalLong.of(backendTimeoutMillis);
    }
}
