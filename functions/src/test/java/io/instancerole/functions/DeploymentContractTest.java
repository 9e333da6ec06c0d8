package io.instancerole.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.StreamRequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.chat.ChatOpsConfig;
import io.instancerole.domain.config.DeploymentConfig;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.functions.http.Route;
import io.instancerole.policy.PolicyJson;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * template.yml, openapi.yaml and the handler classes describe the same functions and routes (s.yaml
 * is held to template.yml by the local module's ServerlessDevsContractTest). Nothing here counts
 * functions or routes: a new one needs its entries in the files, not an edit here.
 */
class DeploymentContractTest {
    private static final String PACKAGE = "io.instancerole.functions.";
    private static final Set<String> DEPLOYMENT_VARIABLES = Set.of(DeploymentConfig.DEFAULT_REGION_ID, DeploymentConfig.ALLOWED_REGIONS,
            DeploymentConfig.ADMIN_TEAMS, DeploymentConfig.OWNER_TAG_KEY, DeploymentConfig.BLOCKED_SYSTEM_POLICIES,
            DeploymentConfig.OPERATOR_ROLE_ARN, DeploymentConfig.BATCH_CONCURRENCY, DeploymentConfig.BATCH_DEADLINE_MS);
    /** What the HTTP edge itself can answer on any route, whatever the domain does. */
    private static final Set<String> EDGE_STATUSES = Set.of("400", "401", "405", "500");
    /** What any route that calls the cloud can answer (throttled, denied, unavailable). */
    private static final Set<String> CLOUD_STATUSES = Set.of("429", "502", "503");
    /** What a route with a JSON body can answer besides. */
    private static final Set<String> BODY_STATUSES = Set.of("413", "415");

    /** Every route of every handler class: "METHOD /template" to its function's template name. */
    private static Map<String, String> handlerRoutes() {
        Map<String, String> routes = new LinkedHashMap<>();
        for (Class<? extends FunctionHandler> type : Functions.CLASSES) {
            FunctionHandler handler = Functions.create(type, Map.of());
            for (Route<Endpoint> route : handler.router().routes()) {
                String previous = routes.put(route.name(), handler.functionName());
                assertEquals(null, previous, route.name() + " is routed by two handlers");
            }
        }
        return routes;
    }

    private static Endpoint endpoint(String routeKey) {
        for (Class<? extends FunctionHandler> type : Functions.CLASSES) {
            for (Route<Endpoint> route : Functions.create(type, Map.of()).router().routes()) {
                if (route.name().equals(routeKey)) {
                    return route.target();
                }
            }
        }
        throw new AssertionError("no handler routes " + routeKey);
    }

    @Test
    void everyTemplateHandlerAndInitializerNamesARealClassAndMethod() throws Exception {
        Map<String, JsonNode> functions = DeploymentFiles.functions();
        assertEquals(Functions.CLASSES.size(), functions.size(), "one function per handler class: " + functions.keySet());
        for (Map.Entry<String, JsonNode> function : functions.entrySet()) {
            JsonNode properties = function.getValue().path("Properties");
            String[] handler = properties.path("Handler").asText().split("::");
            String[] initializer = properties.path("Initializer").asText().split("::");
            assertEquals(2, handler.length, function.getKey() + ": Handler is package.Class::method");
            assertEquals(2, initializer.length, function.getKey() + ": Initializer is package.Class::method");
            assertEquals(handler[0], initializer[0], function.getKey() + ": the initializer primes the handler's own class");
            assertTrue(handler[0].startsWith(PACKAGE), function.getKey() + ": a class of the functions package");

            Class<?> type = Class.forName(handler[0]);
            assertTrue(StreamRequestHandler.class.isAssignableFrom(type), type + " is a StreamRequestHandler");
            assertTrue(FunctionInitializer.class.isAssignableFrom(type), type + " is a FunctionInitializer");
            assertTrue(Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers()), type + " can be instantiated");
            Method handle = type.getMethod(handler[1], InputStream.class, OutputStream.class, Context.class);
            Method initialize = type.getMethod(initializer[1], Context.class);
            assertTrue(Modifier.isPublic(handle.getModifiers()) && Modifier.isPublic(initialize.getModifiers()));
            assertNotNull(type.getConstructor(), type + ": the runtime's no-arg constructor");
            FunctionHandler instance = (FunctionHandler) type.getConstructor(Map.class).newInstance(Map.of());
            assertEquals(function.getKey(), instance.functionName(), type + " names itself as template.yml does");

            assertEquals("java11", properties.path("Runtime").asText(), function.getKey());
            assertEquals("./functions/target/instance-role-functions.jar", properties.path("CodeUri").asText(),
                    function.getKey() + ": the one shaded code package of functions/pom.xml");
            assertTrue(properties.path("InstanceConcurrency").asInt() > 1, function.getKey() + ": handlers are thread-safe, so use it");
        }
        Set<String> deployed = functions.values().stream().map(f -> f.path("Properties").path("Handler").asText().split("::")[0])
                .collect(Collectors.toSet());
        for (Class<? extends FunctionHandler> type : Functions.CLASSES) {
            assertTrue(deployed.contains(type.getName()), type + " is deployed by template.yml");
        }
    }

    /**
     * A batch starts no new chunk after half the function's time left, so a Timeout below twice
     * BATCH_DEADLINE_MS would silently shorten the deadline; the rest is room for started chunks.
     */
    @Test
    void theBatchFunctionsTimeoutLeavesTheDeadlineWholeAndRoomToFinish() {
        for (String function : List.of("bindRole", "unbindRole", "replaceRole")) {
            long timeoutMillis = DeploymentFiles.functions().get(function).path("Properties").path("Timeout").asLong() * 1000;
            DeploymentConfig config = DeploymentConfig.fromEnvironment(DeploymentFiles.environment(function));
            assertTrue(config.batchDeadline().toMillis() * 2 <= timeoutMillis,
                    function + ": Timeout " + timeoutMillis + " ms, deadline " + config.batchDeadline().toMillis() + " ms");
        }
    }

    @Test
    void everyFunctionGetsTheWholeDeploymentConfigurationAndItIsValid() {
        Map<String, String> first = null;
        for (String function : DeploymentFiles.functions().keySet()) {
            Map<String, String> environment = new TreeMap<>(DeploymentFiles.environment(function));
            assertTrue(environment.keySet().containsAll(DEPLOYMENT_VARIABLES), function + " lists every variable: " + environment.keySet());
            assertTrue(environment.getOrDefault("JAVA_TOOL_OPTIONS", "").contains("TieredStopAtLevel=1"), function + ": C1 for a fast start");
            DeploymentConfig config = DeploymentConfig.fromEnvironment(environment);
            assertEquals("cn-hangzhou", config.defaultRegion().value());
            Map<String, String> chat = new TreeMap<>(environment);
            chat.keySet().retainAll(ChatOpsConfig.VARIABLES);
            assertEquals(function.equals("chatops") ? new TreeSet<>(ChatOpsConfig.VARIABLES) : Set.of(), chat.keySet(),
                    function + ": only the chat function reads the chat variables");
            assertTrue(chat.values().stream().allMatch(String::isEmpty), function + ": no secret in template.yml: " + chat.keySet());
            environment.keySet().removeAll(ChatOpsConfig.VARIABLES);
            if (first == null) {
                first = environment;
            }
            assertEquals(first, environment, function + ": every function is configured alike");
        }
    }

    @Test
    void everyContractRouteIsInBothFilesAndReachesTheFunctionThatRoutesIt() {
        Map<String, String> template = new TreeMap<>(DeploymentFiles.templateRoutes());
        Map<String, String> openapi = new TreeMap<>(DeploymentFiles.openApiRoutes());
        Map<String, String> handlers = new TreeMap<>(handlerRoutes());
        assertFalse(handlers.isEmpty(), "the handlers route something");
        assertEquals(handlers, template, "template.yml routes each path to the function whose handler routes it");
        assertEquals(handlers, openapi, "openapi.yaml's x-function names the function whose handler routes it");
        for (String route : handlers.keySet()) {
            String[] parts = route.split(" ", 2);
            String operationId = DeploymentFiles.operation(parts[0], parts[1]).path("operationId").asText();
            assertTrue(operationId.startsWith(handlers.get(route)), route + ": operationId starts with the function name");
        }
        for (String function : DeploymentFiles.functions().keySet()) {
            assertTrue(handlers.containsValue(function), function + " serves at least one route");
        }
    }

    @Test
    void templatePathParametersAreDeclaredForTheGateway() {
        JsonNode apis = DeploymentFiles.TEMPLATE.path("Resources");
        apis.fields().forEachRemaining(resource -> resource.getValue().path("Properties").path("DefinitionBody").fields().forEachRemaining(path -> {
            List<String> names = new ArrayList<>();
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\[([^]]+)]").matcher(path.getKey());
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            assertFalse(path.getKey().contains("{"), path.getKey() + ": API Gateway writes path parameters [name]");
            path.getValue().fields().forEachRemaining(method -> {
                Set<String> declared = new TreeSet<>();
                method.getValue().path("x-aliyun-apigateway-request-parameters").forEach(p -> {
                    if ("PATH".equals(p.path("location").asText())) {
                        declared.add(p.path("apiParameterName").asText());
                    }
                });
                assertEquals(new TreeSet<>(names), declared, path.getKey() + " " + method.getKey() + ": PATH parameters");
                assertEquals("PASSTHROUGH", method.getValue().path("x-aliyun-apigateway-request-config").path("requestMode").asText(),
                        path.getKey() + ": the handlers read the raw request");
            });
        }));
    }

    @Test
    void theServicePolicyNamesExactActionsAndNoWildcardAction() {
        List<JsonNode> policies = DeploymentFiles.servicePolicies();
        assertFalse(policies.isEmpty(), "the service role has a policy");
        for (JsonNode policy : policies) {
            assertEquals("1", policy.path("Version").asText());
            for (JsonNode statement : policy.path("Statement")) {
                assertEquals("Allow", statement.path("Effect").asText());
                assertFalse(statement.has("NotAction") || statement.has("NotResource"), "no inverted statements: " + statement);
                for (JsonNode action : PolicyJson.items(statement.path("Action"))) {
                    assertTrue(action.asText().matches("(ram|ecs|sts):[A-Z][A-Za-z]+"), "an exact action, no '*': " + action);
                }
                assertFalse(PolicyJson.items(statement.path("Resource")).isEmpty(), "every statement names its resources");
            }
        }
    }

    @Test
    void requestSchemasAndQueryParametersAreExactlyWhatTheEndpointsRead() {
        for (String route : handlerRoutes().keySet()) {
            String[] parts = route.split(" ", 2);
            JsonNode operation = DeploymentFiles.operation(parts[0], parts[1]);
            Endpoint endpoint = endpoint(route);
            JsonNode schema = DeploymentFiles.resolve(operation.path("requestBody").path("content").path("application/json").path("schema"));
            if (!endpoint.takesCallerHeaders()) {
                assertTrue(operation.path("security").isArray() && operation.path("security").size() == 0,
                        route + ": a platform-signed route takes no gateway authentication");
                assertTrue(operation.path("requestBody").path("required").asBoolean(), route + ": the platform's payload");
            } else if (endpoint.takesBody()) {
                assertFalse(schema.path("additionalProperties").asBoolean(true), route + ": the request schema is closed");
                Set<String> properties = new TreeSet<>();
                schema.path("properties").fieldNames().forEachRemaining(properties::add);
                assertEquals(new TreeSet<>(endpoint.bodyFields()), properties, route + ": body fields");
            } else {
                assertTrue(schema.isMissingNode(), route + " takes no body");
            }
            Set<String> query = new TreeSet<>();
            operation.path("parameters").forEach(p -> {
                JsonNode parameter = DeploymentFiles.resolve(p);
                if ("query".equals(parameter.path("in").asText())) {
                    query.add(parameter.path("name").asText());
                }
            });
            assertEquals(new TreeSet<>(endpoint.queryParameters()), query, route + ": query parameters");
        }
    }

    @Test
    void everyOperationListsTheStatusesTheEdgeAndTheCloudCanCause() {
        for (String route : handlerRoutes().keySet()) {
            String[] parts = route.split(" ", 2);
            Set<String> listed = new TreeSet<>();
            DeploymentFiles.operation(parts[0], parts[1]).path("responses").fieldNames().forEachRemaining(listed::add);
            Set<String> expected = new TreeSet<>(EDGE_STATUSES);
            if (!endpoint(route).takesCallerHeaders()) {
                // a chat route answers the cloud's failures in the chat reply
                expected.add("200");
                expected.add("404");
                assertEquals(expected, listed, route + ": a chat route answers 200 or its edge's errors");
                continue;
            }
            expected.addAll(CLOUD_STATUSES);
            if (endpoint(route).takesBody()) {
                expected.addAll(BODY_STATUSES);
            }
            assertTrue(listed.containsAll(expected), route + " lists " + listed + ", needs " + expected);
        }
    }

    @Test
    void errorCodesAndTheirStatusesAgreeWithTheErrorModel() {
        Set<String> enumerated = new TreeSet<>();
        DeploymentFiles.OPENAPI.path("components").path("schemas").path("ErrorCode").path("enum").forEach(c -> enumerated.add(c.asText()));
        Set<String> codes = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(codes, enumerated, "openapi's ErrorCode enum is the error model's");

        Set<String> carried = new TreeSet<>();
        DeploymentFiles.OPENAPI.path("paths").forEach(path -> path.forEach(operation -> operation.path("responses").fields().forEachRemaining(r -> {
            JsonNode response = DeploymentFiles.resolve(r.getValue());
            for (JsonNode code : response.path("x-error-codes")) {
                carried.add(code.asText());
                assertEquals(Integer.parseInt(r.getKey()), ErrorCode.valueOf(code.asText()).httpStatus(),
                        code.asText() + " is listed under status " + r.getKey());
            }
        })));
        assertEquals(codes, carried, "every error code is carried by some route's response");
    }

    @Test
    void everyHandlerClassOnlyDeclaresItsRoutes() {
        for (Class<? extends FunctionHandler> type : Functions.CLASSES) {
            assertTrue(Modifier.isFinal(type.getModifiers()), type + " is final");
            List<String> methods = Arrays.stream(type.getDeclaredMethods()).filter(m -> !m.isSynthetic()).map(Method::getName)
                    .collect(Collectors.toList());
            assertEquals(List.of(), methods, type + ": the mechanics live in FunctionHandler");
        }
    }
}
