package io.instancerole.domain.it;

import static io.instancerole.domain.it.Deployment.TEAM_A;
import static io.instancerole.domain.it.Requests.bind;
import static io.instancerole.domain.it.Requests.codes;
import static io.instancerole.domain.it.Requests.createRole;
import static io.instancerole.domain.it.Requests.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.binding.BatchResult;
import io.instancerole.domain.binding.RoleVisibilityRetry;
import io.instancerole.emulator.testing.EmulatorExtension;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A role just created is not visible to ECS for a moment (the emulator's propagation delay). The
 * bind's bounded retry waits on the emulator's clock, so these tests do not sleep.
 */
class RolePropagationTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private final Account account = new Account(EMULATOR);
    private EmulatorClockSleeper sleeper;
    private Deployment api;
    private List<String> instances;

    @BeforeEach
    void deploy() {
        sleeper = new EmulatorClockSleeper(account.control());
        api = Deployment.of(EMULATOR, ServiceRole.createIn(EMULATOR).executionCredentials(), Map.of(), sleeper);
        instances = account.instances(TEAM_A, 2);
    }

    @Test
    void aJustCreatedRoleIsBoundOnceEcsSeesIt() {
        // 3 s: far more than the real time a loaded machine takes to reach the first attach (300 ms was
        // not, under load), and less than the retry's waits on the emulator's clock (0.25 + 0.5 + 1 + 2 s)
        account.control().setPropagationDelay(Duration.ofSeconds(3));
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-web"));
        account.clearCalls();

        BatchResult result = api.bindings.bind(api.as(TEAM_A), bind("team-a-web", instances));

        assertEquals(List.of("bound", "bound"), statuses(result));
        assertEquals(List.of("team-a-web", "team-a-web"), account.rolesOf(instances));
        List<JsonNode> attaches = account.calls("AttachInstanceRamRole");
        assertTrue(attaches.size() >= 2, "ECS did not see the role at first: " + attaches);
        for (JsonNode early : attaches.subList(0, attaches.size() - 1)) {
            assertEquals(RoleVisibilityRetry.ROLE_NOT_FOUND, Account.code(early));
        }
        assertNull(Account.code(attaches.get(attaches.size() - 1)));
        assertEquals(attaches.size() - 1, sleeper.waits().size(), "one wait before each retry");
    }

    @Test
    void theRetryIsBoundedAndThenFailsEachInstance() {
        account.control().setPropagationDelay(Duration.ofHours(1));
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-web"));
        account.clearCalls();

        BatchResult result = api.bindings.bind(api.as(TEAM_A), bind("team-a-web", instances));

        assertEquals(List.of("failed", "failed"), statuses(result));
        assertEquals(List.of(RoleVisibilityRetry.ROLE_NOT_FOUND, RoleVisibilityRetry.ROLE_NOT_FOUND), codes(result));
        assertEquals(207, result.httpStatus());
        assertEquals(Arrays.asList(null, null), account.rolesOf(instances));
        assertEquals(RoleVisibilityRetry.DEFAULT_ATTEMPTS, account.calls("AttachInstanceRamRole").size());
        Duration waited = sleeper.waits().stream().reduce(Duration.ZERO, Duration::plus);
        assertTrue(waited.compareTo(Duration.ofSeconds(10)) < 0, "a bind gives up within seconds, not after an hour: " + waited);
    }
}
