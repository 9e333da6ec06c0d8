package io.instancerole.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading template.yml's structure: functions, routes, and the policies of each service's role. */
class TemplateTest {
    private static JsonNode tree() {
        return Template.readTree(StackRunner.resource("test-template.yml"));
    }

    @Test
    void readsFunctionsWithTheirConfigurationAndDefaults() {
        Template template = Template.parse(tree(), "test-template.yml");
        FunctionDefinition echo = template.function("echo");
        assertEquals("test-svc", echo.serviceName());
        assertEquals("io.instancerole.local.testfunctions.EchoFunction::handleRequest", echo.handler());
        assertEquals("io.instancerole.local.testfunctions.EchoFunction::initialize", echo.initializer().orElseThrow());
        assertEquals(10, echo.timeoutSeconds());
        assertEquals(256, echo.memoryMb());
        assertEquals(Map.of("GREETING", "hello", "ADMIN_TEAMS", "platform"), echo.environment());
        FunctionDefinition broken = template.function("broken");
        assertEquals(3, broken.timeoutSeconds(), "Function Compute's default Timeout");
        assertEquals(128, broken.memoryMb(), "Function Compute's default MemorySize");
        assertTrue(broken.initializer().isEmpty());
    }

    @Test
    void readsRoutesFromTheDefinitionBodySkippingItsOtherKeys() {
        List<RouteDefinition> routes = Template.parse(tree(), "t").routes();
        assertEquals(5, routes.size());
        assertTrue(routes.get(2).anonymous() && routes.stream().filter(RouteDefinition::anonymous).count() == 1,
                "x-aliyun-apigateway-auth-type: ANONYMOUS is read");
        RouteDefinition post = routes.get(1);
        assertEquals("POST", post.method());
        assertEquals("/v1/echo/{name}", post.path());
        assertEquals("echo", post.functionName());
        assertEquals(10000L, post.backendTimeoutMillis().getAsLong());
        assertTrue(routes.get(0).backendTimeoutMillis().isEmpty());
        assertEquals("slow", routes.get(3).functionName());
    }

    @Test
    void theServiceRolesPoliciesAreExactlyTheTemplates() {
        ServicePolicies policies = ServicePolicies.of(Template.parse(tree(), "t"), "test-svc");
        assertEquals(1, policies.documents().size());
        assertEquals("[\"ram:GetRole\",\"ram:CreateRole\"]", policies.documents().get(0).path("Statement").get(0).path("Action").toString());
        assertEquals(List.of("AliyunECSReadOnlyAccess"), policies.systemPolicyNames());
        ExecutionRole role = new ExecutionRole("test-svc", policies, new ObjectMapper());
        assertEquals("fc-test-svc", role.roleName());
        assertEquals(List.of("fc-test-svc-policy"), role.customPolicyNames());
    }

    @Test
    void aChangedTemplateChangesTheDerivedPolicies() {
        JsonNode tree = tree();
        ((ObjectNode) tree.path("Resources").path("test-svc").path("Properties")).remove("Policies");
        ServicePolicies policies = ServicePolicies.of(Template.parse(tree, "t"), "test-svc");
        assertTrue(policies.documents().isEmpty());
        assertTrue(policies.systemPolicyNames().isEmpty());
    }

    @Test
    void anArnThatNamesNoFunctionIsRefusedWithWhereItIs() {
        JsonNode tree = tree();
        ((ObjectNode) tree.path("Resources").path("test-api").path("Properties").path("DefinitionBody")
                .path("/v1/slow").path("get").path("x-aliyun-apigateway-fc"))
                .put("arn", "acs:fc:::services/${test-svc.Arn}/functions/${slwo.Arn}/");
        StartupException e = assertThrows(StartupException.class, () -> Template.parse(tree, "t.yml"));
        assertTrue(e.getMessage().contains("t.yml: get /v1/slow: its arn names function slwo of service test-svc"), e.getMessage());
    }

    @Test
    void aHandlerThatIsNotThereFailsAtStart() {
        JsonNode tree = tree();
        ((ObjectNode) tree.path("Resources").path("test-svc").path("echo").path("Properties"))
                .put("Handler", "io.instancerole.local.testfunctions.Missing::handleRequest");
        FunctionDefinition echo = Template.parse(tree, "t").function("echo");
        StartupException e = assertThrows(StartupException.class, () -> LocalFunction.checkLoadable(echo));
        assertTrue(e.getMessage().contains("no class io.instancerole.local.testfunctions.Missing"), e.getMessage());
    }

    @Test
    void aBadTimeoutIsNamed() {
        JsonNode tree = tree();
        ((ObjectNode) tree.path("Resources").path("test-svc").path("slow").path("Properties")).put("Timeout", "soon");
        StartupException e = assertThrows(StartupException.class, () -> Template.parse(tree, "t"));
        assertTrue(e.getMessage().contains("function slow: Timeout must be a positive whole number"), e.getMessage());
    }

    @Test
    void readsTheProjectsTemplate() {
        Template template = Template.read(Project.template());
        assertEquals(17, template.routes().size());
        for (RouteDefinition route : template.routes()) {
            assertEquals(route.path().startsWith("/v1/chatops/"), route.anonymous(),
                    route.path() + ": only the chat routes go without the gateway's authentication");
        }
        assertTrue(template.routes().stream().anyMatch(r -> r.method().equals("POST")
                && r.path().equals("/v1/roles/{roleName}/policy-attachments") && r.functionName().equals("createPolicy")),
                "API Gateway's [roleName] is read as {roleName}");
        assertTrue(template.routes().stream().anyMatch(r -> r.method().equals("GET")
                && r.path().equals("/v1/instances/{instanceId}/role") && r.functionName().equals("describe")));
        for (String name : List.of("createRole", "createPolicy", "bindRole", "unbindRole", "replaceRole", "grantPassRole", "describe", "chatops")) {
            FunctionDefinition function = template.function(name);
            assertEquals("instance-role-api", function.serviceName());
            assertTrue(function.handler().startsWith("io.instancerole.functions."), function.handler());
            assertTrue(function.initializer().isPresent());
            assertEquals("cn-hangzhou", function.environment().get("DEFAULT_REGION_ID"));
        }
        ServicePolicies policies = ServicePolicies.of(template, "instance-role-api");
        assertEquals(1, policies.documents().size());
        assertTrue(policies.documents().get(0).toString().contains("\"ecs:AttachInstanceRamRole\""));
    }
}
