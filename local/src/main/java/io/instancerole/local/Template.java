package io.instancerole.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.instancerole.policy.PolicyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the local stack reads from a deployment file: services with their role policies and
 * functions, the API's routes each pointing at a function, and the event format the platform
 * invokes them with. template.yml is read here (Funcraft's {@code Aliyun::Serverless} syntax, the
 * routes pointing at functions through {@code x-aliyun-apigateway-fc.arn}); s.yaml by
 * {@link ServerlessDevsFile}.
 */
final class Template {
    private static final String SERVICE = "Aliyun::Serverless::Service";
    private static final String FUNCTION = "Aliyun::Serverless::Function";
    private static final String API = "Aliyun::Serverless::Api";
    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options");
    /** {@code acs:fc:::services/${svc.Arn}/functions/${fn.Arn}/}, or the same with plain names. */
    private static final Pattern FC_ARN = Pattern.compile(
            "services/(?:\\$\\{([^}./]+)\\.Arn}|([^/${}]+))/functions/(?:\\$\\{([^}./]+)\\.Arn}|([^/${}]+))/?$");

    /** API Gateway writes a path parameter {@code [name]}; OpenAPI (and the router) {@code {name}}. */
    private static final Pattern API_GATEWAY_PARAMETER = Pattern.compile("\\[([^\\]/]+)]");

    private final Map<String, ServiceDefinition> services;
    private final Map<String, FunctionDefinition> functions;
    private final List<RouteDefinition> routes;
    private final EventFormat eventFormat;
    private final String source;

    Template(Map<String, ServiceDefinition> services, Map<String, FunctionDefinition> functions, List<RouteDefinition> routes,
             EventFormat eventFormat, String source) {
        this.services = services;
        this.functions = functions;
        this.routes = List.copyOf(routes);
        this.eventFormat = eventFormat;
        this.source = source;
    }

    /** template.yml or s.yaml, told apart by their top-level keys. */
    static Template read(Path file) {
        JsonNode root = readTree(file);
        return ServerlessDevsFile.isOne(root) ? ServerlessDevsFile.parse(ServerlessDevsFile.tree(file), file.toString())
                : parse(root, file.toString());
    }

    /** The YAML as a tree, for {@link #parse} (tests change it first). */
    static JsonNode readTree(Path file) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file));
            if (root == null || !root.isObject()) {
                throw new StartupException(file + ": not a deployment file (expected template.yml's or s.yaml's YAML mapping)");
            }
            return root;
        } catch (NoSuchFileException e) {
            throw new StartupException(file + ": no such file (run from the project's root, or name the template with --template FILE)");
        } catch (IOException e) {
            throw new StartupException(file + ": cannot read it as YAML: " + e.getMessage().split("\n", 2)[0]);
        }
    }

    static Template parse(JsonNode root, String source) {
        JsonNode resources = root.path("Resources");
        if (!resources.isObject()) {
            throw new StartupException(source + ": no Resources");
        }
        Map<String, ServiceDefinition> services = new LinkedHashMap<>();
        Map<String, FunctionDefinition> functions = new TreeMap<>();
        List<JsonNode> apis = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = resource.getValue().path("Type").asText();
            if (SERVICE.equals(type)) {
                ServiceDefinition service = service(resource.getKey(), resource.getValue(), source);
                for (FunctionDefinition function : service.functions().values()) {
                    if (functions.put(function.name(), function) != null) {
                        throw new StartupException(source + ": function " + function.name()
                                + " appears in two services; the local stack needs function names unique across services");
                    }
                }
                services.put(service.name(), service);
            } else if (API.equals(type)) {
                apis.add(resource.getValue());
            }
        }
        List<RouteDefinition> routes = new ArrayList<>();
        for (JsonNode api : apis) {
            routes.addAll(routes(api, services, source));
        }
        return new Template(services, functions, routes, EventFormat.API_GATEWAY, source);
    }

    private static ServiceDefinition service(String name, JsonNode node, String source) {
        List<JsonNode> policies = PolicyJson.items(node.path("Properties").path("Policies"));
        for (JsonNode policy : policies) {
            if (!policy.isTextual() && !policy.isObject()) {
                throw new StartupException(source + ": service " + name
                        + ": each entry of Policies must be a policy name or an inline policy document");
            }
        }
        Map<String, FunctionDefinition> functions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> child = it.next();
            if (FUNCTION.equals(child.getValue().path("Type").asText())) {
                functions.put(child.getKey(), function(child.getKey(), name, child.getValue().path("Properties"), source));
            }
        }
        return new ServiceDefinition(name, policies, functions);
    }

    private static FunctionDefinition function(String name, String service, JsonNode properties, String source) {
        String where = source + ": function " + name;
        String handler = properties.path("Handler").asText(null);
        if (handler == null || handler.isBlank()) {
            throw new StartupException(where + " has no Handler");
        }
        String initializer = properties.path("Initializer").asText(null);
        return new FunctionDefinition(name, service, handler, initializer,
                positiveInt(properties, "Timeout", where, FunctionDefinition.DEFAULT_TIMEOUT_SECONDS),
                properties.has("InitializationTimeout") ? positiveInt(properties, "InitializationTimeout", where, 0) : null,
                positiveInt(properties, "MemorySize", where, FunctionDefinition.DEFAULT_MEMORY_MB),
                environment(properties.path("EnvironmentVariables")));
    }

    /** A mapping of environment variables, null values read as empty. */
    static Map<String, String> environment(JsonNode variables) {
        Map<String, String> environment = new TreeMap<>();
        variables.fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return environment;
    }

    static int positiveInt(JsonNode properties, String field, String where, int fallback) {
        JsonNode value = properties.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        int parsed = 0;
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            parsed = value.intValue();
        } else if (value.isTextual() && value.asText().matches("\\d{1,9}")) {
            parsed = Integer.parseInt(value.asText());
        }
        if (parsed <= 0) {
            throw new StartupException(where + ": " + field + " must be a positive whole number, not " + value);
        }
        return parsed;
    }

    private static List<RouteDefinition> routes(JsonNode api, Map<String, ServiceDefinition> services, String source) {
        JsonNode body = api.path("Properties").path("DefinitionBody");
        if (!body.isObject()) {
            throw new StartupException(source + ": the local stack reads an Api's routes from Properties.DefinitionBody, and finds none");
        }
        List<RouteDefinition> routes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = body.fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/")) {
                continue; // openapi, info, components: not routes
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (HTTP_METHODS.contains(method.getKey())) {
                    routes.add(route(path.getKey(), method.getKey(), method.getValue(), services, source));
                }
            }
        }
        return routes;
    }

    private static RouteDefinition route(String path, String method, JsonNode operation,
                                         Map<String, ServiceDefinition> services, String source) {
        String where = source + ": " + method + " " + path;
        JsonNode backend = operation.path("x-aliyun-apigateway-fc");
        String arn = backend.path("arn").asText("");
        Matcher matcher = FC_ARN.matcher(arn);
        if (!matcher.find()) {
            throw new StartupException(where + ": x-aliyun-apigateway-fc.arn must read"
                    + " acs:fc:::services/${<service>.Arn}/functions/${<function>.Arn}/, not '" + arn + "'");
        }
        String serviceName = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        String functionName = matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
        ServiceDefinition service = services.get(serviceName);
        if (service == null || !service.functions().containsKey(functionName)) {
            throw new StartupException(where + ": its arn names function " + functionName + " of service "
                    + serviceName + ", which template.yml does not define");
        }
        Long timeout = backend.path("timeout").canConvertToLong() ? backend.path("timeout").asLong() : null;
        boolean anonymous = "ANONYMOUS".equalsIgnoreCase(operation.path("x-aliyun-apigateway-auth-type").asText());
        return new RouteDefinition(method.toUpperCase(Locale.ROOT), API_GATEWAY_PARAMETER.matcher(path).replaceAll("{$1}"),
                functionName, timeout, anonymous ? null : CallerClaims.STANDARD);
    }

    ServiceDefinition service(String name) {
        return services.get(name);
    }

    Iterable<ServiceDefinition> services() {
        return services.values();
    }

    /** The function of that name, or a message listing the ones there are. */
    FunctionDefinition function(String name) {
        FunctionDefinition function = functions.get(name);
        if (function == null) {
            throw new StartupException(source + " has no function '" + name + "'; its functions: "
                    + String.join(", ", functions.keySet()));
        }
        return function;
    }

    Iterable<FunctionDefinition> functions() {
        return functions.values();
    }

    List<RouteDefinition> routes() {
        return routes;
    }

    /** How the platform of this file invokes the functions. */
    EventFormat eventFormat() {
        return eventFormat;
    }
}
