package io.instancerole.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * s.yaml and template.yml describe one deployment: the same functions, routes, caller claims and
 * role, read by the same code that serves them locally; and every s.yaml resource fits its
 * Serverless Devs component's own schema (copies in src/test/resources/fc3). template.yml is held
 * to openapi.yaml and the handlers by the functions module's DeploymentContractTest.
 */
class ServerlessDevsContractTest {
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final JsonNode FUNCTION_SCHEMA_TREE = schemaTree("fc3/schema.json");
    private static final Schema FUNCTION_SCHEMA = SCHEMAS.getSchema(FUNCTION_SCHEMA_TREE);
    /**
     * The HTTP trigger's part of the fc3 schema on its own: in the whole schema a trigger's
     * triggerConfig may be any of eight kinds, one of which (IOtsConfig) is any object, so the
     * whole schema accepts any triggerConfig.
     */
    private static final Schema HTTP_TRIGGER_SCHEMA = SCHEMAS.getSchema(((ObjectNode) FUNCTION_SCHEMA_TREE.deepCopy())
            .put("$ref", "#/definitions/IHttpTriggerConfig"));
    private static final Schema DOMAIN_SCHEMA = SCHEMAS.getSchema(schemaTree("fc3/domain-schema.json"));
    private static final String CODE_PACKAGE = "./functions/target/instance-role-functions.jar";

    private static JsonNode schemaTree(String resource) {
        try (InputStream in = ServerlessDevsContractTest.class.getClassLoader().getResourceAsStream(resource)) {
            return Http.JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree() {
        return Template.readTree(Project.serverlessDevs());
    }

    static List<Path> files() {
        return Project.serverlessDevsFiles();
    }

    private static JsonNode resolved(JsonNode tree) {
        return ServerlessDevsFile.resolved(tree, "s.yaml");
    }

    /** What s.yaml's role may do beyond template.yml's: write to the log store its functions log to. */
    private static List<JsonNode> logStatement(JsonNode tree) {
        JsonNode logs = resolved(tree).path("vars").path("logConfig");
        ObjectNode statement = Http.JSON.createObjectNode();
        statement.put("Effect", "Allow");
        statement.putArray("Action").add("log:PostLogStoreLogs");
        statement.put("Resource", "acs:log:*:*:project/" + logs.path("project").asText() + "/logstore/" + logs.path("logstore").asText());
        return List.of(statement);
    }

    private static List<String> differences(JsonNode sYaml) {
        return DeploymentDifferences.between(Template.read(Project.template()), ServerlessDevsFile.parse(sYaml, "s.yaml"),
                logStatement(sYaml));
    }

    @ParameterizedTest
    @MethodSource("files")
    void sYamlDeploysWhatTemplateYmlDeploys(Path file) {
        assertEquals(List.of(), differences(ServerlessDevsFile.tree(file)), file.toString());
        assertFalse(DeploymentDifferences.routeTable(Template.read(file)).isEmpty());
    }

    @Test
    void aRouteHandlerVariableOrPolicyStatementThatDiffersIsFound() {
        Map<String, Consumer<JsonNode>> changes = Map.of(
                "route", t -> ((ObjectNode) t.at("/resources/api-domain/props/routeConfig/routes/0")).putArray("methods").add("PUT"),
                "handler", t -> ((ObjectNode) t.at("/resources/createRole/props")).put("handler",
                        "io.instancerole.functions.DescribeFunction::handleRequest"),
                "initializer", t -> ((ObjectNode) t.at("/resources/describe/props/instanceLifecycleConfig/initializer")).remove("handler"),
                "variable", t -> ((ObjectNode) t.at("/vars/environment")).put("ADMIN_TEAMS", "platform,team-a"),
                "timeout", t -> ((ObjectNode) t.at("/resources/bindRole/props")).put("timeout", 30),
                "policy statement", t -> ((ArrayNode) t.at("/resources/service-role/props/policies/0/statement")).remove(4),
                "claims", t -> ((ObjectNode) t.at("/vars/jwt")).put("claimPassBy", "header:sub:X-Caller-Id,header:groups:X-Caller-Team"));
        changes.forEach((what, change) -> {
            JsonNode changed = tree().deepCopy();
            change.accept(changed);
            assertFalse(differences(changed).isEmpty(), "a changed " + what + " is found");
        });
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyResourceFitsItsComponentsSchema(Path path) {
        JsonNode file = resolved(ServerlessDevsFile.tree(path));
        assertEquals("3.0.0", file.path("edition").asText());
        Map<String, JsonNode> functions = ServerlessDevsFile.resources(file, ServerlessDevsFile.FUNCTION);
        assertFalse(functions.isEmpty());
        functions.forEach((name, resource) -> {
            assertEquals(List.of(), messages(FUNCTION_SCHEMA.validate(resource.path("props"))), name);
            resource.path("props").path("triggers").forEach(trigger -> assertEquals(List.of(),
                    messages(HTTP_TRIGGER_SCHEMA.validate(trigger.path("triggerConfig"))), name + " " + trigger.path("triggerName")));
        });
        Map<String, JsonNode> domains = ServerlessDevsFile.resources(file, ServerlessDevsFile.DOMAIN);
        assertEquals(1, domains.size(), "one domain serves the API");
        domains.forEach((name, resource) -> assertEquals(List.of(), messages(DOMAIN_SCHEMA.validate(resource.path("props"))), name));
    }

    /** The schemas do catch what they must: a wrong memory size, a missing handler, a wrong trigger. */
    @Test
    void theSchemasRefuseWhatTheComponentsWould() {
        JsonNode file = resolved(tree());
        ObjectNode wrong = ServerlessDevsFile.resources(file, ServerlessDevsFile.FUNCTION).values().iterator().next().path("props").deepCopy();
        wrong.put("memorySize", 500);
        wrong.remove("handler");
        assertEquals(2, messages(FUNCTION_SCHEMA.validate(wrong)).size(), messages(FUNCTION_SCHEMA.validate(wrong)).toString());
        ObjectNode wrongTrigger = ((ObjectNode) wrong.at("/triggers/0/triggerConfig")).put("authType", "oauth");
        ((ObjectNode) wrongTrigger.path("authConfig")).remove("jwks");
        assertEquals(2, messages(HTTP_TRIGGER_SCHEMA.validate(wrongTrigger)).size(), messages(HTTP_TRIGGER_SCHEMA.validate(wrongTrigger))
                .toString());
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).collect(java.util.stream.Collectors.toList());
    }

    @Test
    void everyFunctionIsJava11FromTheOneCodePackageWithItsRoleAndLogs() {
        JsonNode file = resolved(tree());
        JsonNode template = Template.readTree(Project.template()).path("Resources");
        JsonNode role = ServerlessDevsFile.resources(file, ServerlessDevsFile.ROLE).get("service-role").path("props");
        assertEquals("fc.aliyuncs.com", role.path("service").asText(), "the role is Function Compute's to assume");
        ServerlessDevsFile.resources(file, ServerlessDevsFile.FUNCTION).forEach((name, resource) -> {
            JsonNode props = resource.path("props");
            assertEquals("java11", props.path("runtime").asText(), name);
            assertEquals(CODE_PACKAGE, props.path("code").asText(), name + ": the one shaded code package");
            assertEquals("${resources.service-role.output}", props.path("role").asText(), name);
            assertTrue(props.path("logConfig").path("project").isTextual() && props.path("logConfig").path("logstore").isTextual(), name);
            assertTrue(props.path("internetAccess").asBoolean(), name + ": the functions call public RAM, ECS and STS endpoints");
            assertEquals(template.path("instance-role-api").path(name).path("Properties").path("InstanceConcurrency").asInt(),
                    props.path("instanceConcurrency").asInt(), name);
        });
    }

    /** One JWT configuration: vars.jwt in every authenticating trigger, and the same as the domain's authInfo. */
    @Test
    void theTriggersAndTheDomainCheckOneJwtConfiguration() throws Exception {
        JsonNode file = resolved(tree());
        JsonNode jwt = file.path("vars").path("jwt");
        Map<String, String> routes = DeploymentDifferences.routeTable(ServerlessDevsFile.parse(tree(), "s.yaml"));
        ServerlessDevsFile.resources(file, ServerlessDevsFile.FUNCTION).forEach((name, resource) -> {
            JsonNode trigger = resource.path("props").path("triggers").path(0).path("triggerConfig");
            if ("jwt".equals(trigger.path("authType").asText())) {
                assertEquals(jwt, trigger.path("authConfig"), name);
            }
            Set<String> methods = new TreeSet<>();
            trigger.path("methods").forEach(m -> methods.add(m.asText()));
            Set<String> routed = new TreeSet<>();
            routes.forEach((route, target) -> {
                if (target.startsWith(name + ",")) {
                    routed.add(route.split(" ")[0]);
                }
            });
            assertEquals(routed, methods, name + ": the trigger takes the methods of its routes");
        });
        JsonNode domain = ServerlessDevsFile.resources(file, ServerlessDevsFile.DOMAIN).values().iterator().next().path("props");
        assertEquals("HTTPS", domain.path("protocol").asText(), "bearer tokens travel over TLS only");
        assertEquals("jwt", domain.path("authConfig").path("authType").asText());
        JsonNode authInfo = Http.JSON.readTree(domain.path("authConfig").path("authInfo").asText());
        assertEquals(jwt.path("jwks"), authInfo.path("JWKS"));
        assertEquals(jwt.path("tokenLookup"), authInfo.path("TokenLookup"));
        assertEquals(jwt.path("claimPassBy"), authInfo.path("ClaimPassBy"));
    }
}
