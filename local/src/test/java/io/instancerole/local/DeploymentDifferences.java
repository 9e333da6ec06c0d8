package io.instancerole.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What two deployment files, as the local stack reads them, disagree on: functions (handler,
 * initializer, timeouts, memory, environment), routes (method and path to function, and the
 * claims the route's authentication passes on) and the role's policy statements. Paths are
 * compared with each parameter as one wildcard segment, as s.yaml's domain writes them.
 */
final class DeploymentDifferences {
    private DeploymentDifferences() {}

    /**
     * @param extraStatements statements {@code b} grants beyond {@code a}'s on purpose (s.yaml's log
     *                        writing, which Funcraft adds by itself for template.yml)
     */
    static List<String> between(Template a, Template b, List<JsonNode> extraStatements) {
        List<String> differences = new ArrayList<>();
        functions(a, b, differences);
        routes(a, b, differences);
        statements(a, b, extraStatements, differences);
        return differences;
    }

    private static void functions(Template a, Template b, List<String> differences) {
        Map<String, FunctionDefinition> left = byName(a);
        Map<String, FunctionDefinition> right = byName(b);
        if (!left.keySet().equals(right.keySet())) {
            differences.add("functions: " + left.keySet() + " vs " + right.keySet());
        }
        for (String name : left.keySet()) {
            FunctionDefinition x = left.get(name);
            FunctionDefinition y = right.get(name);
            if (y == null) {
                continue;
            }
            differ(differences, name + " handler", x.handler(), y.handler());
            differ(differences, name + " initializer", x.initializer(), y.initializer());
            differ(differences, name + " timeout", x.timeoutSeconds(), y.timeoutSeconds());
            differ(differences, name + " initialization timeout", x.initializationTimeoutSeconds(), y.initializationTimeoutSeconds());
            differ(differences, name + " memory", x.memoryMb(), y.memoryMb());
            differ(differences, name + " environment", new TreeMap<>(x.environment()), new TreeMap<>(y.environment()));
        }
    }

    private static void routes(Template a, Template b, List<String> differences) {
        Map<String, String> left = routeTable(a);
        Map<String, String> right = routeTable(b);
        if (!left.equals(right)) {
            differences.add("routes: " + left + " vs " + right);
        }
    }

    /** "METHOD /path/{*}" to "function, claims passed on". */
    static Map<String, String> routeTable(Template template) {
        Map<String, String> table = new TreeMap<>();
        for (RouteDefinition route : template.routes()) {
            String claims = route.claims().map(c -> new TreeMap<>(c.mapping()).toString()).orElse("anyone");
            table.put(route.method() + " " + route.path().replaceAll("\\{[^}/]+}", "{*}"), route.functionName() + ", " + claims);
        }
        return table;
    }

    private static void statements(Template a, Template b, List<JsonNode> extraStatements, List<String> differences) {
        List<JsonNode> expected = new ArrayList<>(statements(a));
        expected.addAll(extraStatements);
        List<JsonNode> actual = statements(b);
        for (JsonNode statement : expected) {
            if (!actual.contains(statement)) {
                differences.add("policy statement missing: " + statement);
            }
        }
        for (JsonNode statement : actual) {
            if (!expected.contains(statement)) {
                differences.add("policy statement not in the other file: " + statement);
            }
        }
    }

    /** Every statement of every inline policy document of every service, in order; system policies as their names. */
    static List<JsonNode> statements(Template template) {
        List<JsonNode> statements = new ArrayList<>();
        for (ServiceDefinition service : template.services()) {
            for (JsonNode policy : service.policies()) {
                if (policy.isObject()) {
                    policy.path("Statement").forEach(statements::add);
                } else {
                    statements.add(policy);
                }
            }
        }
        return statements;
    }

    private static Map<String, FunctionDefinition> byName(Template template) {
        Map<String, FunctionDefinition> functions = new TreeMap<>();
        template.functions().forEach(f -> functions.put(f.name(), f));
        return functions;
    }

    private static void differ(List<String> differences, String what, Object x, Object y) {
        Object left = x instanceof Optional ? ((Optional<?>) x).orElse(null) : x;
        Object right = y instanceof Optional ? ((Optional<?>) y).orElse(null) : y;
        if (!Objects.equals(left, right)) {
            differences.add(what + ": " + left + " vs " + right);
        }
    }
}
