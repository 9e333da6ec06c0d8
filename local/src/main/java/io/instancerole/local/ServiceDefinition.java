package io.instancerole.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** One {@code Aliyun::Serverless::Service}: its role's {@code Policies} and its functions by name. */
final class ServiceDefinition {
    private final String name;
    private final List<JsonNode> policies;
    private final Map<String, FunctionDefinition> functions;

    ServiceDefinition(String name, List<JsonNode> policies, Map<String, FunctionDefinition> functions) {
        this.name = name;
        this.policies = List.copyOf(policies);
        this.functions = Map.copyOf(functions);
    }

    String name() {
        return name;
    }

    /** Each entry as written: a managed policy's name (text) or an inline policy document (object). */
    List<JsonNode> policies() {
        return policies;
    }

    Map<String, FunctionDefinition> functions() {
        return functions;
    }
}
