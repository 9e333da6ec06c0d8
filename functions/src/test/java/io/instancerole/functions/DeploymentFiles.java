package io.instancerole.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The project's template.yml and openapi.yaml, parsed, with the lookups the tests need. */
final class DeploymentFiles {
    static final String SERVICE = "Aliyun::Serverless::Service";
    static final String FUNCTION = "Aliyun::Serverless::Function";
    static final String API = "Aliyun::Serverless::Api";
    private static final Pattern FUNCTION_ARN = Pattern.compile("acs:fc:::services/\\$\\{([^}]+)\\.Arn}/functions/\\$\\{([^}]+)\\.Arn}/");
    private static final YAMLMapper YAML = new YAMLMapper();

    static final JsonNode TEMPLATE = read("template.yml");
    static final JsonNode OPENAPI = read("openapi.yaml");

    private DeploymentFiles() {}

    /** The files sit at the project's root; tests run in the module's directory. */
    private static JsonNode read(String name) {
        Path here = Paths.get("").toAbsolutePath();
        Path file = Files.exists(here.resolve(name)) ? here.resolve(name) : here.getParent().resolve(name);
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The template's one service resource. */
    static Map.Entry<String, JsonNode> service() {
        return resourcesOfType(TEMPLATE.path("Resources"), SERVICE).entrySet().iterator().next();
    }

    /** The functions nested in the service, by name. */
    static Map<String, JsonNode> functions() {
        return resourcesOfType(service().getValue(), FUNCTION);
    }

    /** The function's EnvironmentVariables, as the local stack hands them to a handler. */
    static Map<String, String> environment(String function) {
        Map<String, String> environment = new LinkedHashMap<>();
        functions().get(function).path("Properties").path("EnvironmentVariables").fields()
                .forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        return environment;
    }

    /** The service role's inline policy documents. */
    static List<JsonNode> servicePolicies() {
        List<JsonNode> documents = new java.util.ArrayList<>();
        service().getValue().path("Properties").path("Policies").forEach(documents::add);
        return documents;
    }

    /** Every API route of the template: "METHOD /path/{param}" to the function it reaches. */
    static Map<String, String> templateRoutes() {
        Map<String, String> routes = new LinkedHashMap<>();
        for (JsonNode api : resourcesOfType(TEMPLATE.path("Resources"), API).values()) {
            Iterator<Map.Entry<String, JsonNode>> paths = api.path("Properties").path("DefinitionBody").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                path.getValue().fields().forEachRemaining(method -> {
                    String arn = method.getValue().path("x-aliyun-apigateway-fc").path("arn").asText();
                    Matcher matcher = FUNCTION_ARN.matcher(arn);
                    routes.put(routeKey(method.getKey(), gatewayPathToTemplate(path.getKey())), matcher.matches() ? matcher.group(2) : "?" + arn);
                });
            }
        }
        return routes;
    }

    /** Every operation of openapi.yaml: "METHOD /path/{param}" to its x-function. */
    static Map<String, String> openApiRoutes() {
        Map<String, String> routes = new LinkedHashMap<>();
        OPENAPI.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                method -> routes.put(routeKey(method.getKey(), path.getKey()), method.getValue().path("x-function").asText())));
        return routes;
    }

    /** The openapi operation of a route. */
    static JsonNode operation(String method, String template) {
        return OPENAPI.path("paths").path(template).path(method.toLowerCase(java.util.Locale.ROOT));
    }

    /** Follows a local {@code $ref} such as {@code #/components/responses/BadRequest}. */
    static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            JsonNode target = OPENAPI;
            for (String part : current.path("$ref").asText().substring(2).split("/")) {
                target = target.path(part);
            }
            current = target;
        }
        return current;
    }

    static String routeKey(String method, String template) {
        return method.toUpperCase(java.util.Locale.ROOT) + " " + template;
    }

    /** API Gateway writes a path parameter {@code [name]}; openapi and the routers write {@code {name}}. */
    static String gatewayPathToTemplate(String path) {
        return path.replaceAll("\\[([^]]+)]", "{$1}");
    }

    private static Map<String, JsonNode> resourcesOfType(JsonNode parent, String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        parent.fields().forEachRemaining(e -> {
            if (type.equals(e.getValue().path("Type").asText())) {
                found.put(e.getKey(), e.getValue());
            }
        });
        return found;
    }
}
