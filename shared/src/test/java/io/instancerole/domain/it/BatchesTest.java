package io.instancerole.domain.it;

import static io.instancerole.domain.it.Deployment.TEAM_A;
import static io.instancerole.domain.it.Requests.bind;
import static io.instancerole.domain.it.Requests.codes;
import static io.instancerole.domain.it.Requests.createRole;
import static io.instancerole.domain.it.Requests.ids;
import static io.instancerole.domain.it.Requests.replace;
import static io.instancerole.domain.it.Requests.statuses;
import static io.instancerole.domain.it.Requests.unbind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.binding.BatchResult;
import io.instancerole.domain.binding.InstanceResult;
import io.instancerole.emulator.client.FaultSpec;
import io.instancerole.emulator.testing.EmulatorExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Batches through the real adapters: per-instance results in request order, and cloud calls of at most 100 ids. */
class BatchesTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static final String MISSING = "i-missing0001";

    private final Account account = new Account(EMULATOR);
    private Deployment api;

    @BeforeEach
    void deploy() {
        api = Deployment.of(ServiceRole.createIn(EMULATOR), EMULATOR);
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-web"));
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-old"));
    }

    @Test
    void aBindFailsOnlyTheInstancesThatCannotTakeTheRoleAndAnswersInRequestOrder() {
        String free1 = account.instance(TEAM_A);
        String classic = account.classicInstance(TEAM_A);
        String other = account.instance(TEAM_A);
        String faulty = account.instance(TEAM_A);
        String already = account.instance(TEAM_A);
        String free2 = account.instance(TEAM_A);
        api.bindings.bind(api.as(TEAM_A), bind("team-a-old", List.of(other)));
        api.bindings.bind(api.as(TEAM_A), bind("team-a-web", List.of(already)));
        account.control().addFault(FaultSpec.of("AttachInstanceRamRole", "IncorrectInstanceStatus", 403).instanceId(faulty)
                .message("The current status of the resource does not support this operation."));
        account.clearCalls();
        List<String> request = List.of(free1, classic, MISSING, other, faulty, already, free2);

        BatchResult result = api.bindings.bind(api.as(TEAM_A), bind("team-a-web", request));

        assertEquals(request, ids(result));
        assertEquals(List.of("bound", "failed", "failed", "failed", "failed", "unchanged", "bound"), statuses(result));
        assertEquals(Arrays.asList(null, "InstanceNotVpc", "InstanceNotFound", "InstanceHasOtherRole", "IncorrectInstanceStatus", null, null),
                codes(result));
        assertTrue(result.results().get(3).message().contains("replace"), "the message points to replace: " + result.results().get(3).message());
        assertEquals(207, result.httpStatus());
        assertEquals(summary("bound", 2, "unchanged", 1, "failed", 4), result.summary());
        assertEquals(Arrays.asList("team-a-web", null, "team-a-old", null, "team-a-web", "team-a-web"),
                account.rolesOf(List.of(free1, classic, other, faulty, already, free2)));
        assertEquals(List.of(List.of(free1, faulty, free2)), idsOf("AttachInstanceRamRole"),
                "one attach call, for the instances that could take the role");
    }

    @Test
    void anUnbindFailsOnlyTheInstancesItMustNotTouch() {
        String web1 = account.instance(TEAM_A);
        String none = account.instance(TEAM_A);
        String old = account.instance(TEAM_A);
        String faulty = account.instance(TEAM_A);
        String web2 = account.instance(TEAM_A);
        api.bindings.bind(api.as(TEAM_A), bind("team-a-web", List.of(web1, faulty, web2)));
        api.bindings.bind(api.as(TEAM_A), bind("team-a-old", List.of(old)));
        account.control().addFault(FaultSpec.of("DetachInstanceRamRole", "IncorrectInstanceStatus", 403).instanceId(faulty));
        account.clearCalls();
        List<String> request = List.of(web1, none, old, MISSING, faulty, web2);

        BatchResult result = api.bindings.unbind(api.as(TEAM_A), unbind("team-a-web", request));

        assertEquals(request, ids(result));
        assertEquals(List.of("unbound", "unchanged", "failed", "failed", "failed", "unbound"), statuses(result));
        assertEquals(Arrays.asList(null, null, "InstanceHasOtherRole", "InstanceNotFound", "IncorrectInstanceStatus", null), codes(result));
        assertEquals(207, result.httpStatus());
        assertEquals(Arrays.asList(null, null, "team-a-old", "team-a-web", null), account.rolesOf(List.of(web1, none, old, faulty, web2)));
        assertEquals(List.of(List.of(web1, faulty, web2)), idsOf("DetachInstanceRamRole"));
    }

    @Test
    void anUnbindWithoutARoleDetachesWhateverIsBound() {
        String web = account.instance(TEAM_A);
        String old = account.instance(TEAM_A);
        api.bindings.bind(api.as(TEAM_A), bind("team-a-web", List.of(web)));
        api.bindings.bind(api.as(TEAM_A), bind("team-a-old", List.of(old)));
        account.clearCalls();

        BatchResult result = api.bindings.unbind(api.as(TEAM_A), unbind(null, List.of(web, old)));

        assertEquals(List.of("unbound", "unbound"), statuses(result));
        assertEquals(Arrays.asList(null, null), account.rolesOf(List.of(web, old)));
        List<JsonNode> detaches = account.calls("DetachInstanceRamRole");
        assertEquals(1, detaches.size());
        assertTrue(detaches.get(0).path("params").path("RamRoleName").isMissingNode(), "no role named: " + detaches.get(0));
    }

    @Test
    void aReplaceChangesOnlyTheInstancesWithTheExpectedRole() {
        String old = account.instance(TEAM_A);
        String web = account.instance(TEAM_A);
        String none = account.instance(TEAM_A);
        String done = account.instance(TEAM_A);
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-new"));
        api.bindings.bind(api.as(TEAM_A), bind("team-a-old", List.of(old)));
        api.bindings.bind(api.as(TEAM_A), bind("team-a-web", List.of(web)));
        api.bindings.bind(api.as(TEAM_A), bind("team-a-new", List.of(done)));
        account.clearCalls();
        List<String> request = List.of(old, web, none, done, MISSING);

        BatchResult result = api.bindings.replace(api.as(TEAM_A), replace("team-a-new", "team-a-old", request));

        assertEquals(request, ids(result));
        assertEquals(List.of("replaced", "failed", "failed", "unchanged", "failed"), statuses(result));
        assertEquals(Arrays.asList(null, "UnexpectedCurrentRole", "UnexpectedCurrentRole", null, "InstanceNotFound"), codes(result));
        assertEquals("team-a-old", result.results().get(0).previousRoleName());
        assertEquals(Arrays.asList("team-a-new", "team-a-web", null, "team-a-new"), account.rolesOf(List.of(old, web, none, done)));
        assertEquals(List.of(List.of(old)), idsOf("DetachInstanceRamRole"));
        assertEquals(List.of(List.of(old)), idsOf("AttachInstanceRamRole"));
    }

    @Test
    void twoHundredFiftyInstancesCostThreeCallsOfEachKind() {
        List<String> ids = account.instances(TEAM_A, 250);
        account.clearCalls();

        BatchResult bound = api.bindings.bind(api.as(TEAM_A), bind("team-a-web", ids));

        assertEquals(ids, ids(bound));
        assertEquals(summary("bound", 250), bound.summary());
        assertEquals(200, bound.httpStatus());
        assertEquals(Collections.nCopies(250, "team-a-web"), account.rolesOf(ids));
        Set<List<String>> chunks = Set.of(ids.subList(0, 100), ids.subList(100, 200), ids.subList(200, 250));
        assertEquals(chunks, Set.copyOf(idsOf("AttachInstanceRamRole")), "one call per chunk, in whatever order the workers made them");
        assertEquals(3, idsOf("AttachInstanceRamRole").size());
        assertEquals(chunks, Set.copyOf(idsOf("DescribeInstances")));
        assertEquals(3, account.calls("DescribeInstanceRamRole").size(), "no instance had a role yet: one page per chunk");

        account.clearCalls();
        BatchResult again = api.bindings.bind(api.as(TEAM_A), bind("team-a-web", ids));
        assertEquals(summary("unchanged", 250), again.summary());
        assertEquals(List.of(), account.writes());
        assertEquals(3, account.calls("DescribeInstances").size());
        List<JsonNode> roleReads = account.calls("DescribeInstanceRamRole");
        assertEquals(5, roleReads.size(), "250 roles read back in pages of 50: 2 + 2 + 1");
        for (JsonNode read : roleReads) {
            assertEquals("50", read.path("params").path("PageSize").asText());
            assertTrue(Account.instanceIds(read).size() <= 100);
        }

        account.clearCalls();
        BatchResult replaced = api.bindings.replace(api.as(TEAM_A), replace("team-a-old", null, ids));
        assertEquals(summary("replaced", 250), replaced.summary());
        assertEquals(Collections.nCopies(250, "team-a-web"), replaced.results().stream().map(InstanceResult::previousRoleName)
                .collect(Collectors.toList()));
        assertEquals(Collections.nCopies(250, "team-a-old"), account.rolesOf(ids));
        List<List<String>> detaches = idsOf("DetachInstanceRamRole");
        List<List<String>> attaches = idsOf("AttachInstanceRamRole");
        assertEquals(chunks, Set.copyOf(detaches));
        assertEquals(chunks, Set.copyOf(attaches));
        List<JsonNode> writes = account.calls().stream().filter(c -> c.path("action").asText().endsWith("InstanceRamRole")
                && !c.path("action").asText().startsWith("Describe")).collect(Collectors.toList());
        for (List<String> chunk : chunks) {
            List<String> order = writes.stream().filter(c -> Account.instanceIds(c).equals(chunk))
                    .map(c -> c.path("action").asText()).collect(Collectors.toList());
            assertEquals(List.of("DetachInstanceRamRole", "AttachInstanceRamRole"), order, "detach then attach, per chunk");
        }

        account.clearCalls();
        BatchResult unbound = api.bindings.unbind(api.as(TEAM_A), unbind(null, ids));
        assertEquals(summary("unbound", 250), unbound.summary());
        assertEquals(Collections.nCopies(250, (String) null), account.rolesOf(ids));
        assertEquals(chunks, Set.copyOf(idsOf("DetachInstanceRamRole")));
        assertEquals(3, idsOf("DetachInstanceRamRole").size());
    }

    /** The InstanceIds each call of {@code action} named, in call order. */
    private List<List<String>> idsOf(String action) {
        List<List<String>> ids = new ArrayList<>();
        for (JsonNode call : account.calls(action)) {
            ids.add(Account.instanceIds(call));
        }
        return ids;
    }

    private static Map<String, Integer> summary(Object... statusesAndCounts) {
        Map<String, Integer> summary = new LinkedHashMap<>();
        for (int i = 0; i < statusesAndCounts.length; i += 2) {
            summary.put((String) statusesAndCounts[i], (Integer) statusesAndCounts[i + 1]);
        }
        return summary;
    }
}
