package io.instancerole.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A permission missing from template.yml fails locally as in the cloud: the service role the local
 * stack derives from the template lacks it, and the route that needs it answers 502 CloudDenied.
 */
class CloudDeniedTest {
    private static final String REMOVED = "ram:CreateRole";

    @Test
    void withoutRamCreateRoleInTheTemplateCreatingARoleIsCloudDenied(@TempDir Path dir) throws Exception {
        JsonNode tree = Template.readTree(Project.template());
        ServicePolicies before = ServicePolicies.of(Template.parse(tree, "template.yml"), "instance-role-api");
        assertTrue(before.documents().toString().contains("\"" + REMOVED + "\""), "the template grants " + REMOVED + " today");

        removeAction(tree.path("Resources").path("instance-role-api").path("Properties").path("Policies"), REMOVED);
        ServicePolicies after = ServicePolicies.of(Template.parse(tree, "changed"), "instance-role-api");
        assertFalse(after.documents().toString().contains("\"" + REMOVED + "\""), "the derivation follows the template");
        Path changed = dir.resolve("template.yml");
        new YAMLMapper().writeValue(changed.toFile(), tree);

        StackRunner runner = new StackRunner();
        LocalMain.Outcome outcome = runner.run("--port", "0", "--emulator-port", "0", "--metadata-port", "-1", "--no-demo",
                "--template", changed.toString());
        assertEquals(0, outcome.status(), runner.err());
        try (LocalStack stack = (LocalStack) outcome.running()) {
            EmulatorState state = new EmulatorState(stack.emulator().orElseThrow().control().state());
            String rolePolicy = state.defaultDocument("fc-instance-role-api-policy");
            assertFalse(rolePolicy.contains(REMOVED), "the execution role has what the template says: " + rolePolicy);
            assertTrue(rolePolicy.contains("ram:GetRole"), rolePolicy);

            Http http = new Http(stack.gatewayUrl());
            HttpResponse<String> denied = EndToEnd.send(http, Walkthrough.CREATE_ROLE);
            assertEquals(502, denied.statusCode(), denied.body());
            assertEquals("CloudDenied", Http.json(denied).path("code").asText());
            assertTrue(new EmulatorState(stack.emulator().orElseThrow().control().state()).role("team-a-web").isEmpty());

            HttpResponse<String> allowed = EndToEnd.send(http, Walkthrough.DESCRIBE_ROLE);
            assertEquals(404, allowed.statusCode(), "ram:GetRole is still granted: " + allowed.body());
            assertEquals("RoleNotFound", Http.json(allowed).path("code").asText());
        }
    }

    private static void removeAction(JsonNode policies, String action) {
        for (JsonNode document : policies) {
            for (Iterator<JsonNode> statements = document.path("Statement").elements(); statements.hasNext(); ) {
                JsonNode statement = statements.next();
                JsonNode actions = statement.path("Action");
                if (actions.isArray()) {
                    for (Iterator<JsonNode> it = actions.elements(); it.hasNext(); ) {
                        if (it.next().asText().equals(action)) {
                            it.remove();
                        }
                    }
                } else if (actions.asText().equals(action)) {
                    ((ObjectNode) statement).set("Action", ((ArrayNode) policies).arrayNode());
                }
            }
        }
    }
}
