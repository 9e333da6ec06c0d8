package io.instancerole.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Reading s.yaml's structure: vars, the role, the functions with their triggers, the domain's routes. */
class ServerlessDevsFileTest {
    private static JsonNode tree() {
        return Template.readTree(StackRunner.resource("test-s.yaml"));
    }

    @Test
    void readsFunctionsRoutesClaimsAndTheRole() {
        Template template = Template.read(StackRunner.resource("test-s.yaml"));
        assertEquals(EventFormat.HTTP_TRIGGER, template.eventFormat());
        FunctionDefinition echo = template.function("echo");
        assertEquals("test-role", echo.serviceName());
        assertEquals("io.instancerole.local.testfunctions.EchoFunction::initialize", echo.initializer().orElseThrow());
        assertEquals(30, echo.initializationTimeoutSeconds());
        assertEquals(256, echo.memoryMb());
        assertEquals(Map.of("GREETING", "hello"), echo.environment());
        assertEquals(3, template.function("hook").timeoutSeconds(), "Function Compute's default timeout");
        assertEquals(Map.of("GET /v1/echo/{*}", "echo, {sub=X-Caller-Id, team=X-Caller-Team}",
                "POST /v1/echo/{*}", "echo, {sub=X-Caller-Id, team=X-Caller-Team}", "POST /v1/hook", "hook, anyone"),
                DeploymentDifferences.routeTable(template));
        JsonNode document = template.service("test-role").policies().get(0);
        assertEquals("1", document.path("Version").asText());
        assertEquals("ram:GetRole", document.at("/Statement/0/Action/0").asText());
        assertEquals(Template.read(Project.template()).eventFormat(), EventFormat.API_GATEWAY);
    }

    @Test
    void refusesWhatTheLocalStackCannotServeFaithfullySayingWhere() {
        Map<String, Consumer<ObjectNode>> changes = Map.of(
                "names nothing under vars", t -> ((ObjectNode) t.at("/resources/echo/props")).put("environmentVariables", "${vars.nope}"),
                "which no `fc3` resource", t -> ((ObjectNode) t.at("/resources/domain/props/routeConfig/routes/0")).put("functionName", "x"),
                "passes claims as headers", t -> ((ObjectNode) t.at("/vars/jwt")).put("claimPassBy", "query:sub:uid"),
                "reads the token as", t -> ((ObjectNode) t.at("/vars/jwt")).put("tokenLookup", "cookie:token"),
                "its role must be", t -> ((ObjectNode) t.at("/resources/echo/props")).put("role", "acs:ram::1:role/x"),
                "has no handler", t -> ((ObjectNode) t.at("/resources/hook/props")).remove("handler"));
        changes.forEach((message, change) -> {
            ObjectNode changed = tree().deepCopy();
            change.accept(changed);
            StartupException e = assertThrows(StartupException.class, () -> ServerlessDevsFile.parse(changed, "s.yaml"), message);
            assertTrue(e.getMessage().startsWith("s.yaml: ") && e.getMessage().contains(message), e.getMessage());
        });
    }

    @Test
    void aFlavourIsTheFileItExtendsWithItsOwnValuesMergedOver() {
        JsonNode flavour = ServerlessDevsFile.resolved(ServerlessDevsFile.tree(StackRunner.resource("test-s-flavour.yaml")), "flavour");
        assertEquals("./other.zip", flavour.at("/resources/echo/props/code").asText());
        assertEquals("custom.debian12", flavour.at("/resources/echo/props/runtime").asText());
        assertEquals("cn-hangzhou", flavour.at("/resources/echo/props/region").asText(), "the rest of echo is the base file's");
        assertTrue(flavour.path("extend").isMissingNode());
        Template template = Template.read(StackRunner.resource("test-s-flavour.yaml"));
        assertEquals(1024, template.function("echo").memoryMb());
        assertEquals(Template.read(StackRunner.resource("test-s.yaml")).routes().size(), template.routes().size());
    }

    @Test
    void onlyWholeVariablesAreResolved() {
        ObjectNode changed = tree().deepCopy();
        ((ObjectNode) changed.at("/resources/echo/props")).put("description", "in ${vars.region}");
        JsonNode resolved = ServerlessDevsFile.resolved(changed, "s.yaml");
        assertEquals("in ${vars.region}", resolved.at("/resources/echo/props/description").asText(), "left as written");
        assertEquals("cn-hangzhou", resolved.at("/resources/echo/props/region").asText());
        assertEquals(tree().at("/vars/jwt"), resolved.at("/resources/echo/props/triggers/0/triggerConfig/authConfig"),
                "a whole mapping from vars");
    }
}
