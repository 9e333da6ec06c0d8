package io.instancerole.domain.it;

import static io.instancerole.domain.it.Deployment.TEAM_A;
import static io.instancerole.domain.it.Deployment.TEAM_B;
import static io.instancerole.domain.it.Requests.READ_BUCKET;
import static io.instancerole.domain.it.Requests.WRITE_BUCKET;
import static io.instancerole.domain.it.Requests.bind;
import static io.instancerole.domain.it.Requests.codes;
import static io.instancerole.domain.it.Requests.createPolicy;
import static io.instancerole.domain.it.Requests.createRole;
import static io.instancerole.domain.it.Requests.grant;
import static io.instancerole.domain.it.Requests.replace;
import static io.instancerole.domain.it.Requests.revoke;
import static io.instancerole.domain.it.Requests.statuses;
import static io.instancerole.domain.it.Requests.unbind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.TestJson;
import io.instancerole.domain.authorize.CreatePolicyResult;
import io.instancerole.domain.binding.BatchResult;
import io.instancerole.domain.grant.PassRoleGrantResult;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.role.CreateRoleResult;
import io.instancerole.domain.service.ServiceResult;
import io.instancerole.emulator.testing.EmulatorExtension;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every change as a dry run and then for real, through the real adapters: the dry run makes only
 * Get/List/Describe calls, changes nothing, and answers the statuses the real run then gives.
 */
class DryRunTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private final Account account = new Account(EMULATOR);
    private Deployment api;

    @BeforeEach
    void deploy() {
        api = Deployment.of(ServiceRole.createIn(EMULATOR), EMULATOR);
        account.control().createUser("deployer");
    }

    @Test
    void createRoleAndItsUpdate() {
        assertSameOutcome(dryRun -> api.roles.createRole(api.as(TEAM_A, dryRun), createRole("team-a-web", "web", null)), DryRunTest::roleOutcome);
        assertSameOutcome(dryRun -> api.roles.createRole(api.as(TEAM_A, dryRun), createRole("team-a-web", "web servers", 7200)), DryRunTest::roleOutcome);
        assertSameOutcome(dryRun -> api.roles.createRole(api.as(TEAM_A, dryRun), createRole("team-a-web", "web servers", 7200)), DryRunTest::roleOutcome);
    }

    @Test
    void createPolicyItsNewVersionAndItsAttachments() {
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-web"));

        CreatePolicyResult created = assertSameOutcome(
                dryRun -> api.policies.createPolicy(api.as(TEAM_A, dryRun), createPolicy("team-a-bucket", READ_BUCKET, "team-a-web")),
                DryRunTest::policyOutcome);
        assertEquals("created v1 [attached]", policyOutcome(created));
        CreatePolicyResult updated = assertSameOutcome(
                dryRun -> api.policies.createPolicy(api.as(TEAM_A, dryRun), createPolicy("team-a-bucket", WRITE_BUCKET, "team-a-web")),
                DryRunTest::policyOutcome);
        assertEquals("updated v2 [alreadyAttached]", policyOutcome(updated));
        assertSameOutcome(dryRun -> api.policies.attachPolicy(api.as(TEAM_A, dryRun),
                Requests.attachPolicy("team-a-web", "AliyunOSSReadOnlyAccess", PolicyType.System)), r -> r.status().wire());
    }

    @Test
    void bindReplaceAndUnbind() {
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-web"));
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-old"));
        String free = account.instance(TEAM_A);
        String web = account.instance(TEAM_A);
        String old = account.instance(TEAM_A);
        String classic = account.classicInstance(TEAM_A);
        String theirs = account.instance(TEAM_B);
        api.bindings.bind(api.as(TEAM_A), bind("team-a-web", List.of(web)));
        api.bindings.bind(api.as(TEAM_A), bind("team-a-old", List.of(old)));
        List<String> all = List.of(free, web, old, classic, theirs, "i-missing0001");

        BatchResult bound = assertSameOutcome(dryRun -> api.bindings.bind(api.as(TEAM_A, dryRun), bind("team-a-web", all)), DryRunTest::batchOutcome);
        assertEquals(List.of("bound", "unchanged", "failed", "failed", "failed", "failed"), statuses(bound));

        BatchResult replaced = assertSameOutcome(dryRun -> api.bindings.replace(api.as(TEAM_A, dryRun), replace("team-a-old", null, all)),
                DryRunTest::batchOutcome);
        assertEquals(List.of("replaced", "replaced", "unchanged", "failed", "failed", "failed"), statuses(replaced));

        BatchResult unbound = assertSameOutcome(dryRun -> api.bindings.unbind(api.as(TEAM_A, dryRun), unbind("team-a-old", List.of(free, web, old))),
                DryRunTest::batchOutcome);
        assertEquals(List.of("unbound", "unbound", "unbound"), statuses(unbound));
        assertEquals(List.of("unchanged", "unchanged", "unchanged"),
                statuses(assertSameOutcome(dryRun -> api.bindings.unbind(api.as(TEAM_A, dryRun), unbind(null, List.of(free, web, old))),
                        DryRunTest::batchOutcome)));
    }

    @Test
    void anInstanceNeitherRunningNorStoppedFailsInTheDryRunAsTheCloudFailsItInTheRealRun() {
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-web"));
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-old"));
        String pending = account.instance(TEAM_A, "Pending");
        String running = account.instance(TEAM_A);

        BatchResult bound = assertSameOutcome(dryRun -> api.bindings.bind(api.as(TEAM_A, dryRun), bind("team-a-web", List.of(pending, running))),
                DryRunTest::batchOutcome);
        assertEquals(List.of("failed", "bound"), statuses(bound));
        assertEquals(Arrays.asList("IncorrectInstanceStatus", null), codes(bound));
        String message = bound.results().get(0).message();
        assertTrue(message.contains("Pending") && message.contains("Running or Stopped"), message);
        assertEquals(Arrays.asList(null, "team-a-web"), account.rolesOf(List.of(pending, running)));

        BatchResult replaced = assertSameOutcome(dryRun -> api.bindings.replace(api.as(TEAM_A, dryRun), replace("team-a-old", null, List.of(pending, running))),
                DryRunTest::batchOutcome);
        assertEquals(List.of("failed", "replaced"), statuses(replaced));
        assertEquals(Arrays.asList("IncorrectInstanceStatus", null), codes(replaced));
        assertEquals(List.of(), account.calls("DetachInstanceRamRole").stream()
                .filter(call -> call.toString().contains(pending)).collect(Collectors.toList()), "the pending instance was never touched");
    }

    @Test
    void grantAndRevokePassRole() {
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-web"));
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-api"));

        assertEquals("created [team-a-web]", grantedRoles(assertSameOutcome(
                dryRun -> api.grants.grant(api.as(TEAM_A, dryRun), grant("deployer", "team-a-web")), DryRunTest::grantOutcome)));
        assertEquals("updated [team-a-api, team-a-web]", grantedRoles(assertSameOutcome(
                dryRun -> api.grants.grant(api.as(TEAM_A, dryRun), grant("deployer", "team-a-api")), DryRunTest::grantOutcome)));
        assertEquals("updated [team-a-api]", grantedRoles(assertSameOutcome(
                dryRun -> api.grants.revoke(api.as(TEAM_A, dryRun), revoke("deployer", "team-a-web")), DryRunTest::grantOutcome)));
        assertEquals("deleted []", grantedRoles(assertSameOutcome(
                dryRun -> api.grants.revoke(api.as(TEAM_A, dryRun), revoke("deployer", "team-a-api")), DryRunTest::grantOutcome)));
    }

    /**
     * Runs the request as a dry run (checking it only read and changed nothing), then for real,
     * and checks both answered the same; returns the real answer.
     */
    private <T extends ServiceResult> T assertSameOutcome(Function<Boolean, T> request, Function<T, Object> outcome) {
        JsonNode before = account.state();
        account.clearCalls();
        T dry = request.apply(true);
        assertTrue(dry.dryRun());
        assertFalse(account.actions().isEmpty(), "a dry run reads the cloud");
        assertEquals(List.of(), account.writes(), "a dry run makes no mutating call: " + account.actions());
        assertEquals(before, account.state(), "a dry run changes nothing");

        T real = request.apply(false);
        assertFalse(real.dryRun());
        assertEquals(outcome.apply(real), outcome.apply(dry), "the dry run foretold the real run");
        assertEquals(dry.httpStatus(), real.httpStatus());
        assertEquals(TestJson.fieldNames(TestJson.of(real)), TestJson.fieldNames(TestJson.of(dry)), "the same shape");
        return real;
    }

    private static String roleOutcome(CreateRoleResult result) {
        return result.status() + " " + result.role().roleName() + " " + result.role().description() + " " + result.role().maxSessionDuration();
    }

    private static String policyOutcome(CreatePolicyResult result) {
        return result.status() + " " + result.policy().defaultVersion() + " "
                + result.attachments().stream().map(a -> a.status().wire()).collect(Collectors.toList());
    }

    /** Status, roles and the document the policy holds afterwards. */
    private static String grantOutcome(PassRoleGrantResult result) {
        return grantedRoles(result) + " " + result.document();
    }

    private static String grantedRoles(PassRoleGrantResult result) {
        return result.status() + " " + result.grantedRoles();
    }

    private static List<String> batchOutcome(BatchResult result) {
        return result.results().stream()
                .map(r -> r.instanceId() + " " + r.status() + " " + r.code() + " " + r.previousRoleName())
                .collect(Collectors.toList());
    }
}
