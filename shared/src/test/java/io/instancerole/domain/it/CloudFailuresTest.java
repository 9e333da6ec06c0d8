package io.instancerole.domain.it;

import static io.instancerole.domain.it.Deployment.TEAM_A;
import static io.instancerole.domain.it.Requests.bind;
import static io.instancerole.domain.it.Requests.codes;
import static io.instancerole.domain.it.Requests.createRole;
import static io.instancerole.domain.it.Requests.replace;
import static io.instancerole.domain.it.Requests.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.cloud.aliyun.Backoff;
import io.instancerole.domain.binding.BatchResult;
import io.instancerole.domain.binding.InstanceResult;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.service.Json;
import io.instancerole.emulator.client.FaultSpec;
import io.instancerole.emulator.testing.EmulatorExtension;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Throttling, outages and failed replaces, injected as the emulator's faults, seen through the real adapters. */
class CloudFailuresTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static final int ATTEMPTS = Backoff.DEFAULT.maxAttempts();

    private final Account account = new Account(EMULATOR);
    private ServiceRole serviceRole;
    private Deployment api;
    private List<String> instances;

    @BeforeEach
    void deploy() {
        serviceRole = ServiceRole.createIn(EMULATOR);
        api = Deployment.of(serviceRole, EMULATOR);
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-web"));
        instances = account.instances(TEAM_A, 2);
        account.clearCalls();
    }

    @Test
    void throttlingIsRetriedUntilTheCallGoesThrough() {
        account.control().addFault(FaultSpec.of("AttachInstanceRamRole", "Throttling.User", 400).times(2));

        BatchResult result = api.bindings.bind(api.as(TEAM_A), bind("team-a-web", instances));

        assertEquals(List.of("bound", "bound"), statuses(result));
        assertEquals(List.of("team-a-web", "team-a-web"), account.rolesOf(instances));
        List<JsonNode> attempts = account.calls("AttachInstanceRamRole");
        assertEquals(Arrays.asList("Throttling.User", "Throttling.User", null), codesOf(attempts));
        for (JsonNode attempt : attempts) {
            assertEquals(instances, Account.instanceIds(attempt));
        }
        List<Duration> waits = api.cloudRetryWaits();
        assertEquals(2, waits.size(), "a backoff before each retry");
        assertTrue(waits.stream().allMatch(w -> !w.isNegative() && !w.isZero()), waits.toString());
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsThrottledAndChangesNothing() {
        JsonNode before = account.state();
        account.control().addFault(FaultSpec.of("AttachInstanceRamRole", "Throttling.User", 400).times(ATTEMPTS));

        DomainException e = assertThrows(DomainException.class, () -> api.bindings.bind(api.as(TEAM_A), bind("team-a-web", instances)));

        assertEquals(ErrorCode.Throttled, e.code());
        assertEquals(429, e.code().httpStatus());
        Map<?, ?> facts = (Map<?, ?>) e.details().get(0);
        assertEquals("AttachInstanceRamRole", facts.get("cloudAction"));
        assertEquals("Throttling.User", facts.get("cloudCode"));
        assertFalse(String.valueOf(facts.get("cloudRequestId")).isEmpty());
        assertEquals(Collections.nCopies(ATTEMPTS, "Throttling.User"), codesOf(account.calls("AttachInstanceRamRole")));
        assertEquals(before, account.state());

        assertEquals(List.of("bound", "bound"), statuses(api.bindings.bind(api.as(TEAM_A), bind("team-a-web", instances))),
                "repeating the request once the cloud lets up is safe");
    }

    @Test
    void anOutageIsCloudUnavailableAndCreatesNothing() {
        account.control().addFault(FaultSpec.of("CreateRole", "ServiceUnavailable", 503).times(ATTEMPTS));

        DomainException e = assertThrows(DomainException.class, () -> api.roles.createRole(api.as(TEAM_A), createRole("team-a-api")));

        assertEquals(ErrorCode.CloudUnavailable, e.code());
        assertEquals(503, e.code().httpStatus());
        assertEquals("ServiceUnavailable", ((Map<?, ?>) e.details().get(0)).get("cloudCode"));
        assertEquals(Collections.nCopies(ATTEMPTS, "ServiceUnavailable"), codesOf(account.calls("CreateRole")));
        assertFalse(account.role("team-a-api").isPresent());
    }

    @Test
    void anOutageWhileReadingTheInstancesChangesNoInstance() {
        JsonNode before = account.state();
        account.control().addFault(FaultSpec.of("DescribeInstances", "InternalError", 500).times(ATTEMPTS));

        DomainException e = assertThrows(DomainException.class, () -> api.bindings.bind(api.as(TEAM_A), bind("team-a-web", instances)));

        assertEquals(ErrorCode.CloudUnavailable, e.code());
        assertEquals("DescribeInstances", ((Map<?, ?>) e.details().get(0)).get("cloudAction"));
        assertEquals(List.of(), account.writes());
        assertEquals(before, account.state());
    }

    @Test
    void aReplaceWhoseAttachFailsForOneInstanceGivesItItsOldRoleBack() {
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-new"));
        api.bindings.bind(api.as(TEAM_A), bind("team-a-web", instances));
        String stuck = instances.get(1);
        account.control().addFault(FaultSpec.of("AttachInstanceRamRole", "IncorrectInstanceStatus", 403).instanceId(stuck));
        account.clearCalls();

        BatchResult result = api.bindings.replace(api.as(TEAM_A), replace("team-a-new", null, instances));

        assertEquals(List.of("replaced", "failed"), statuses(result));
        InstanceResult failed = result.results().get(1);
        assertEquals("IncorrectInstanceStatus", failed.code());
        assertEquals(Boolean.TRUE, failed.rolledBack());
        assertEquals("team-a-web", failed.previousRoleName());
        assertTrue(failed.message().contains("attached again"), failed.message());
        assertEquals(207, result.httpStatus());
        assertEquals(List.of("team-a-new", "team-a-web"), account.rolesOf(instances));
        assertEquals(List.of("DetachInstanceRamRole", "AttachInstanceRamRole", "AttachInstanceRamRole"), account.writes());
        JsonNode rollback = account.calls("AttachInstanceRamRole").get(1);
        assertEquals("team-a-web", rollback.path("params").path("RamRoleName").asText());
        assertEquals(List.of(stuck), Account.instanceIds(rollback));
        assertEquals(List.of(), api.log().errorLines());
    }

    @Test
    void eachInstanceGetsItsOwnOldRoleBack() {
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-api"));
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-new"));
        api.bindings.bind(api.as(TEAM_A), bind("team-a-web", List.of(instances.get(0))));
        api.bindings.bind(api.as(TEAM_A), bind("team-a-api", List.of(instances.get(1))));
        for (String id : instances) {
            account.control().addFault(FaultSpec.of("AttachInstanceRamRole", "IncorrectInstanceStatus", 403).instanceId(id));
        }
        account.clearCalls();

        BatchResult result = api.bindings.replace(api.as(TEAM_A), replace("team-a-new", null, instances));

        assertEquals(List.of("failed", "failed"), statuses(result));
        assertEquals(List.of(true, true), result.results().stream().map(InstanceResult::rolledBack).collect(Collectors.toList()));
        assertEquals(List.of("team-a-web", "team-a-api"), account.rolesOf(instances));
        List<JsonNode> rollbacks = account.calls("AttachInstanceRamRole").subList(1, 3);
        assertEquals(List.of("team-a-web", "team-a-api"), rollbacks.stream()
                .map(c -> c.path("params").path("RamRoleName").asText()).collect(Collectors.toList()));
    }

    @Test
    void aRollbackThatFailsTooIsRollbackFailedAndLoggedForOperators() {
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-new"));
        api.bindings.bind(api.as(TEAM_A), bind("team-a-web", instances));
        String stuck = instances.get(1);
        account.control().addFault(FaultSpec.of("AttachInstanceRamRole", "IncorrectInstanceStatus", 403).instanceId(stuck).times(2));
        account.clearCalls();

        BatchResult result = api.bindings.replace(api.as(TEAM_A), replace("team-a-new", null, instances));

        assertEquals(List.of("replaced", "failed"), statuses(result));
        InstanceResult failed = result.results().get(1);
        assertEquals("RollbackFailed", failed.code());
        assertEquals(Boolean.FALSE, failed.rolledBack());
        assertEquals("team-a-web", failed.previousRoleName());
        assertEquals(Arrays.asList("team-a-new", null), account.rolesOf(instances));
        assertEquals(Arrays.asList(null, "IncorrectInstanceStatus"), codesOf(account.calls("AttachInstanceRamRole")));

        List<String> errors = api.log().errorLines();
        assertEquals(1, errors.size(), errors.toString());
        JsonNode line = Json.parse(errors.get(0)).orElseThrow();
        assertEquals("rollbackFailed", line.path("type").asText());
        assertEquals(stuck, line.path("instanceId").asText());
        assertEquals("team-a-web", line.path("previousRoleName").asText());
        assertEquals("team-a-new", line.path("roleName").asText());
        for (String secret : serviceRole.secrets()) {
            assertFalse(errors.get(0).contains(secret), "no secret in the log line");
        }
    }

    @Test
    void aReplaceOfOneInstanceRollsBackWhenTheWholeAttachCallFails() {
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-new"));
        String one = instances.get(0);
        api.bindings.bind(api.as(TEAM_A), bind("team-a-web", List.of(one)));
        account.control().addFault(FaultSpec.of("AttachInstanceRamRole", "ServiceUnavailable", 503).times(ATTEMPTS));
        account.clearCalls();

        BatchResult result = api.bindings.replace(api.as(TEAM_A), replace("team-a-new", null, List.of(one)));

        assertEquals(List.of("failed"), statuses(result));
        assertEquals(List.of("ServiceUnavailable"), codes(result));
        assertEquals(Boolean.TRUE, result.results().get(0).rolledBack());
        assertEquals("team-a-web", account.roleOf(one), "the outage left the instance as it was");
        List<JsonNode> attaches = account.calls("AttachInstanceRamRole");
        assertEquals(ATTEMPTS + 1, attaches.size(), "the attach retried, then the old role was attached again");
        assertNull(Account.code(attaches.get(ATTEMPTS)));
        assertEquals("team-a-web", attaches.get(ATTEMPTS).path("params").path("RamRoleName").asText());
    }

    private static List<String> codesOf(List<JsonNode> calls) {
        return calls.stream().map(Account::code).collect(Collectors.toList());
    }
}
