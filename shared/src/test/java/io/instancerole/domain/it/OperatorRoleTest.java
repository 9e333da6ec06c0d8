package io.instancerole.domain.it;

import static io.instancerole.domain.it.Deployment.TEAM_A;
import static io.instancerole.domain.it.Requests.bind;
import static io.instancerole.domain.it.Requests.createRole;
import static io.instancerole.domain.it.Requests.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.config.DeploymentConfig;
import io.instancerole.emulator.testing.EmulatorExtension;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With OPERATOR_ROLE_ARN set, the services work through an STS session of the operator role named
 * after the caller, so the cloud's own record of every change names the person who asked.
 */
class OperatorRoleTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private final Account account = new Account(EMULATOR);

    @Test
    void everyChangeIsMadeByTheCallersSessionOfTheOperatorRole() {
        ServiceRole serviceRole = ServiceRole.createIn(EMULATOR);
        String operatorArn = serviceRole.createOperatorRole(EMULATOR);
        Deployment api = Deployment.of(serviceRole, EMULATOR, Map.of(DeploymentConfig.OPERATOR_ROLE_ARN, operatorArn));
        List<String> instances = account.instances(TEAM_A, 2);
        account.clearCalls();

        api.roles.createRole(api.as(TEAM_A), createRole("team-a-web"));
        assertEquals(List.of("bound", "bound"), statuses(api.bindings.bind(api.as(TEAM_A), bind("team-a-web", instances))));

        assertEquals(List.of("team-a-web", "team-a-web"), account.rolesOf(instances));
        List<JsonNode> calls = account.calls();
        assertEquals("AssumeRole", calls.get(0).path("action").asText());
        assertTrue(calls.get(0).path("principal").asText().toLowerCase(Locale.ROOT).contains(":assumed-role/" + ServiceRole.ROLE_NAME + "/"),
                "the service role assumes the operator role: " + calls.get(0));
        assertEquals("team-a-dev@example.com", calls.get(0).path("params").path("RoleSessionName").asText());
        assertEquals(1, account.calls("AssumeRole").size(), "the caller's session is reused across requests");
        for (JsonNode call : calls.subList(1, calls.size())) {
            assertTrue(call.path("principal").asText().toLowerCase(Locale.ROOT)
                    .endsWith(":assumed-role/" + ServiceRole.OPERATOR_ROLE_NAME + "/team-a-dev@example.com"), call.toString());
        }
    }
}
