package io.instancerole.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * s.yaml (Serverless Devs {@code edition: 3.0.0}) as the local stack serves it: a {@code ram}
 * resource is a service role with its policies; each {@code fc3} resource a function (named by
 * its resource key, as template.yml names it) with its HTTP trigger; the {@code fc3-domain}
 * resource's routes are the API's routes, {@code *} standing for one path parameter. The platform
 * invokes the functions with HTTP-trigger events, and each route passes on the claims its
 * function's trigger does. Of Serverless Devs' variables, a scalar that is exactly
 * {@code ${vars.<path>}} is resolved, as {@code s} does; others are left as written. A file that
 * says {@code extend: <file>} is that file with this one merged over it (mappings merged key by
 * key, anything else replaced), as {@code s} reads it: a flavour such as s-custom.yaml.
 */
final class ServerlessDevsFile {
    static final String ROLE = "ram";
    static final String FUNCTION = "fc3";
    static final String DOMAIN = "fc3-domain";
    /** The only place the local gateway reads a token from, as the built-in callers send it. */
    static final String TOKEN_LOOKUP = "header:Authorization:Bearer";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{vars\\.([A-Za-z0-9_.-]+)}");
    private static final Pattern ROLE_REFERENCE = Pattern.compile("\\$\\{resources\\.([A-Za-z0-9_-]+)\\.output}");

    private ServerlessDevsFile() {}

    static boolean isOne(JsonNode root) {
        return root.has("edition") && root.has("resources");
    }

    /** The file as {@code s} reads it: with what it extends merged under it. */
    static JsonNode tree(Path file) {
        JsonNode root = Template.readTree(file);
        JsonNode base = root.path("extend");
        if (!base.isTextual()) {
            return root;
        }
        Path extended = file.toAbsolutePath().resolveSibling(base.asText());
        if (extended.equals(file.toAbsolutePath())) {
            throw new StartupException(file + ": extends itself");
        }
        ObjectNode merged = (ObjectNode) tree(extended).deepCopy();
        ObjectNode overlay = ((ObjectNode) root).deepCopy();
        overlay.remove("extend");
        merge(merged, overlay);
        return merged;
    }

    private static void merge(ObjectNode base, ObjectNode overlay) {
        overlay.fields().forEachRemaining(field -> {
            JsonNode under = base.get(field.getKey());
            if (under != null && under.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) under, (ObjectNode) field.getValue());
            } else {
                base.set(field.getKey(), field.getValue());
            }
        });
    }

    /** The file with every {@code ${vars.<path>}} scalar replaced by what it names. */
    static JsonNode resolved(JsonNode root, String source) {
        return resolve(root, root.path("vars"), source);
    }

    private static JsonNode resolve(JsonNode node, JsonNode vars, String source) {
        if (node.isTextual()) {
            Matcher variable = VARIABLE.matcher(node.textValue());
            if (!variable.matches()) {
                return node;
            }
            JsonNode value = vars;
            for (String part : variable.group(1).split("\\.")) {
                value = value.path(part);
            }
            if (value.isMissingNode()) {
                throw new StartupException(source + ": " + node.textValue() + " names nothing under vars");
            }
            return resolve(value, vars, source);
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolve(e.getValue(), vars, source)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(resolve(item, vars, source)));
            return copy;
        }
        return node;
    }

    /** The resources of one component, by key, with their variables resolved. */
    static Map<String, JsonNode> resources(JsonNode resolvedRoot, String component) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        resolvedRoot.path("resources").fields().forEachRemaining(e -> {
            if (component.equals(e.getValue().path("component").asText())) {
                found.put(e.getKey(), e.getValue());
            }
        });
        return found;
    }

    static Template parse(JsonNode root, String source) {
        JsonNode file = resolved(root, source);
        Map<String, JsonNode> functionResources = resources(file, FUNCTION);
        Map<String, FunctionDefinition> functions = new TreeMap<>();
        Map<String, String> keyByFunctionName = new LinkedHashMap<>();
        Map<String, Map<String, FunctionDefinition>> functionsByRole = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> resource : functionResources.entrySet()) {
            FunctionDefinition function = function(resource.getKey(), resource.getValue().path("props"), source);
            functions.put(function.name(), function);
            keyByFunctionName.put(resource.getValue().path("props").path("functionName").asText(resource.getKey()), resource.getKey());
            functionsByRole.computeIfAbsent(function.serviceName(), k -> new LinkedHashMap<>()).put(function.name(), function);
        }
        Map<String, ServiceDefinition> services = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> role : resources(file, ROLE).entrySet()) {
            services.put(role.getKey(), new ServiceDefinition(role.getKey(), policies(role.getValue().path("props")),
                    functionsByRole.getOrDefault(role.getKey(), Map.of())));
        }
        for (FunctionDefinition function : functions.values()) {
            if (!services.containsKey(function.serviceName())) {
                throw new StartupException(source + ": function " + function.name() + ": its role names resource "
                        + function.serviceName() + ", which is not a `" + ROLE + "` resource of this file");
            }
        }
        List<RouteDefinition> routes = new ArrayList<>();
        for (JsonNode domain : resources(file, DOMAIN).values()) {
            for (JsonNode route : domain.path("props").path("routeConfig").path("routes")) {
                routes.addAll(routes(route, keyByFunctionName, functionResources, source));
            }
        }
        return new Template(services, functions, routes, EventFormat.HTTP_TRIGGER, source);
    }

    private static FunctionDefinition function(String name, JsonNode props, String source) {
        String where = source + ": function " + name;
        String handler = props.path("handler").asText(null);
        if (handler == null || handler.isBlank()) {
            throw new StartupException(where + " has no handler");
        }
        Matcher role = ROLE_REFERENCE.matcher(props.path("role").asText(""));
        if (!role.matches()) {
            throw new StartupException(where + ": its role must be ${resources.<ram resource>.output}, the role this file creates");
        }
        JsonNode initializer = props.path("instanceLifecycleConfig").path("initializer");
        return new FunctionDefinition(name, role.group(1), handler, initializer.path("handler").asText(null),
                Template.positiveInt(props, "timeout", where, FunctionDefinition.DEFAULT_TIMEOUT_SECONDS),
                initializer.has("timeout") ? Template.positiveInt(initializer, "timeout", where, 0) : null,
                Template.positiveInt(props, "memorySize", where, FunctionDefinition.DEFAULT_MEMORY_MB),
                Template.environment(props.path("environmentVariables")));
    }

    /** The ram component's policies: a name is a system policy, {name, statement} an inline document of version 1. */
    private static List<JsonNode> policies(JsonNode props) {
        List<JsonNode> policies = new ArrayList<>();
        for (JsonNode policy : props.path("policies")) {
            if (policy.isObject()) {
                ObjectNode document = JsonNodeFactory.instance.objectNode();
                document.put("Version", "1");
                document.set("Statement", policy.path("statement"));
                policies.add(document);
            } else {
                policies.add(policy);
            }
        }
        return policies;
    }

    private static List<RouteDefinition> routes(JsonNode route, Map<String, String> keyByFunctionName,
                                                Map<String, JsonNode> functionResources, String source) {
        String path = route.path("path").asText("");
        String where = source + ": route " + path;
        String function = keyByFunctionName.get(route.path("functionName").asText());
        if (function == null) {
            throw new StartupException(where + " names function '" + route.path("functionName").asText()
                    + "', which no `" + FUNCTION + "` resource of this file is");
        }
        CallerClaims claims = triggerClaims(function, functionResources.get(function).path("props"), source);
        List<RouteDefinition> routes = new ArrayList<>();
        for (JsonNode method : route.path("methods")) {
            routes.add(new RouteDefinition(method.asText().toUpperCase(Locale.ROOT), path.replace("*", "{*}"), function, null, claims));
        }
        if (routes.isEmpty()) {
            throw new StartupException(where + " lists no methods; the API's routes each name theirs");
        }
        return routes;
    }

    /** What the function's HTTP trigger passes on: the JWT claims of claimPassBy, or nothing for an anonymous one. */
    private static CallerClaims triggerClaims(String function, JsonNode props, String source) {
        String where = source + ": function " + function;
        for (Iterator<JsonNode> it = props.path("triggers").elements(); it.hasNext(); ) {
            JsonNode trigger = it.next();
            if (!"http".equals(trigger.path("triggerType").asText())) {
                continue;
            }
            JsonNode config = trigger.path("triggerConfig");
            String authType = config.path("authType").asText();
            if ("anonymous".equals(authType)) {
                return null;
            }
            if (!"jwt".equals(authType)) {
                throw new StartupException(where + ": the local gateway serves HTTP triggers of authType jwt or anonymous, not '"
                        + authType + "'");
            }
            String tokenLookup = config.path("authConfig").path("tokenLookup").asText();
            if (!TOKEN_LOOKUP.equals(tokenLookup)) {
                throw new StartupException(where + ": the local gateway reads the token as " + TOKEN_LOOKUP + ", not '" + tokenLookup + "'");
            }
            return CallerClaims.ofClaimPassBy(config.path("authConfig").path("claimPassBy").asText(), where);
        }
        throw new StartupException(where + " is routed to but has no HTTP trigger");
    }
}
