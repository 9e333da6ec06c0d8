package io.instancerole.domain.it;

import static io.instancerole.domain.it.Deployment.TEAM_A;
import static io.instancerole.domain.it.Requests.bind;
import static io.instancerole.domain.it.Requests.codes;
import static io.instancerole.domain.it.Requests.createRole;
import static io.instancerole.domain.it.Requests.ids;
import static io.instancerole.domain.it.Requests.replace;
import static io.instancerole.domain.it.Requests.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.binding.BatchResult;
import io.instancerole.domain.binding.InstanceResult;
import io.instancerole.emulator.client.FaultSpec;
import io.instancerole.emulator.testing.EmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Batches worked on several chunks at a time (BATCH_CONCURRENCY's default, 4) against the emulator:
 * the deadline, throttling while other chunks run, the answer's order, and replace's rollback per
 * chunk. Nothing here is timed: the deadline's clock moves with the emulator's call log.
 */
class ConcurrentBatchesTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static final String WEB = "team-a-web";
    private static final String OLD = "team-a-old";

    private final Account account = new Account(EMULATOR);
    private ServiceRole serviceRole;
    private Deployment api;

    @BeforeEach
    void deploy() {
        serviceRole = ServiceRole.createIn(EMULATOR);
        api = Deployment.of(serviceRole, EMULATOR);
        api.roles.createRole(api.as(TEAM_A), createRole(WEB));
        api.roles.createRole(api.as(TEAM_A), createRole(OLD));
    }

    /**
     * 250 ms of the test clock per ECS change of the round and a deadline of 500 ms: the first
     * request is cut after a few chunks. Repeating it gets further each time (finished chunks only
     * read), and every instance is bound exactly once over all the rounds.
     */
    @Test
    void aDeadlineCutsABatchAndRepeatingTheRequestFinishesIt() {
        List<String> ids = account.instances(TEAM_A, 1000);
        Deployment cut = Deployment.of(serviceRole, EMULATOR, Map.of("BATCH_DEADLINE_MS", "500"),
                new EmulatorWritesClock(account.control(), Duration.ofMillis(250)));
        account.clearCalls();

        BatchResult first = cut.bindings.bind(cut.as(TEAM_A), bind(WEB, ids));
        List<String> attached = new ArrayList<>(successfullyAttached());

        assertEquals(207, first.httpStatus());
        assertEquals(ids, ids(first), "one result per instance, in request order");
        int done = (int) first.results().stream().filter(r -> r.status().wire().equals("bound")).count();
        assertTrue(done > 0 && done < 1000 && done % 100 == 0, "whole chunks were done, not all: " + first.summary());
        assertEquals(Map.of("bound", done, "skipped", 1000 - done), first.summary());
        assertEquals(Collections.nCopies(done, "bound"), statuses(first).subList(0, done), "chunks start in request order");
        assertEquals(Collections.nCopies(1000 - done, "DeadlineExceeded"), codes(first).subList(done, 1000));
        assertEquals(Collections.nCopies(done, WEB), account.rolesOf(ids.subList(0, done)));
        assertEquals(Collections.nCopies(1000 - done, (String) null), account.rolesOf(ids.subList(done, 1000)),
                "a skipped instance was not touched");
        assertNotNull(first.retry());
        assertEquals(1000 - done, first.retry().get("skipped"));
        assertTrue(first.retry().get("message").toString().contains("send the same request again"), first.retry().toString());

        Map<String, Integer> boundCount = new HashMap<>();
        BatchResult last = first;
        List<Integer> skippedPerRound = new ArrayList<>();
        for (int round = 1; round <= 10 && last.summary().containsKey("skipped"); round++) {
            last.results().stream().filter(r -> r.status().wire().equals("bound")).forEach(r -> boundCount.merge(r.instanceId(), 1, Integer::sum));
            skippedPerRound.add(last.summary().get("skipped"));
            account.clearCalls(); // the clock counts this round's changes only; the log stays short
            last = cut.bindings.bind(cut.as(TEAM_A), bind(WEB, ids));
            attached.addAll(successfullyAttached());
            assertEquals(ids, ids(last));
        }
        last.results().stream().filter(r -> r.status().wire().equals("bound")).forEach(r -> boundCount.merge(r.instanceId(), 1, Integer::sum));

        assertEquals(200, last.httpStatus(), "repeating the request finished the job; skipped per round: " + skippedPerRound);
        assertNull(last.retry());
        assertEquals(Collections.nCopies(1000, WEB), account.rolesOf(ids));
        assertEquals(1000, boundCount.size(), "every instance answered bound once over all rounds");
        assertTrue(boundCount.values().stream().allMatch(n -> n == 1), "and none twice");
        assertEquals(ids.stream().sorted().collect(Collectors.toList()), attached.stream().sorted().collect(Collectors.toList()),
                "the cloud attached each instance exactly once");
    }

    /** The third attach call is throttled while other chunks run; it is retried after one shared wait and the batch finishes. */
    @Test
    void throttlingOfOneChunkIsRetriedWhileTheOthersRun() {
        List<String> ids = account.instances(TEAM_A, 400);
        account.control().addFault(FaultSpec.of("AttachInstanceRamRole", "Throttling.User", 400).after(2));
        account.clearCalls();

        BatchResult result = api.bindings.bind(api.as(TEAM_A), bind(WEB, ids));

        assertEquals(200, result.httpStatus());
        assertEquals(ids, ids(result));
        assertEquals(Map.of("bound", 400), result.summary());
        assertEquals(Collections.nCopies(400, WEB), account.rolesOf(ids));
        List<JsonNode> attaches = account.calls("AttachInstanceRamRole");
        List<JsonNode> throttled = attaches.stream().filter(c -> "Throttling.User".equals(Account.code(c))).collect(Collectors.toList());
        assertEquals(5, attaches.size(), "four chunks and one retry");
        assertEquals(1, throttled.size());
        List<String> throttledChunk = Account.instanceIds(throttled.get(0));
        assertEquals(1, attaches.stream().filter(c -> Account.code(c) == null && Account.instanceIds(c).equals(throttledChunk)).count(),
                "the throttled chunk was attached by its retry");
        assertEquals(ids.stream().sorted().collect(Collectors.toList()), successfullyAttached().stream().sorted().collect(Collectors.toList()));
        assertEquals(1, api.cloudRetryWaits().size(), "one backoff");
    }

    /** Instances of every kind mixed over four chunks worked on at once: each answer sits where its id was asked. */
    @Test
    void resultsComeInRequestOrderUnderConcurrency() {
        List<Kind> kinds = List.of(Kind.FREE, Kind.MISSING, Kind.ALREADY_WEB, Kind.OTHER_ROLE, Kind.CLASSIC);
        List<String> request = new ArrayList<>();
        Map<Kind, List<String>> byKind = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            Kind kind = kinds.get(i % kinds.size());
            String id = kind == Kind.MISSING ? String.format("i-missing%05d", i)
                    : kind == Kind.CLASSIC ? account.classicInstance(TEAM_A) : account.instance(TEAM_A);
            request.add(id);
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
        }
        api.bindings.bind(api.as(TEAM_A), bind(WEB, byKind.get(Kind.ALREADY_WEB)));
        api.bindings.bind(api.as(TEAM_A), bind(OLD, byKind.get(Kind.OTHER_ROLE)));

        BatchResult result = api.bindings.bind(api.as(TEAM_A), bind(WEB, request));

        assertEquals(request, ids(result));
        List<String> expectedStatuses = new ArrayList<>();
        List<String> expectedCodes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            expectedStatuses.add(kinds.get(i % kinds.size()).status);
            expectedCodes.add(kinds.get(i % kinds.size()).code);
        }
        assertEquals(expectedStatuses, statuses(result));
        assertEquals(expectedCodes, codes(result));
        assertEquals(207, result.httpStatus());
    }

    /** What an instance of the order test is, and what a bind of team-a-web answers for it. */
    private enum Kind {
        FREE("bound", null),
        MISSING("failed", "InstanceNotFound"),
        ALREADY_WEB("unchanged", null),
        OTHER_ROLE("failed", "InstanceHasOtherRole"),
        CLASSIC("failed", "InstanceNotVpc");

        final String status;
        final String code;

        Kind(String status, String code) {
            this.status = status;
            this.code = code;
        }
    }

    /**
     * A replace of 300 instances whose third attach call fails as a whole: that chunk's instances
     * get their old role back and answer failed with rolledBack; every other chunk is replaced.
     */
    @Test
    void aReplaceWhoseThirdChunkFailsRollsBackOnlyThatChunk() {
        List<String> ids = account.instances(TEAM_A, 300);
        api.bindings.bind(api.as(TEAM_A), bind(OLD, ids));
        account.control().addFault(FaultSpec.of("AttachInstanceRamRole", "IncorrectInstanceStatus", 403).after(2));
        account.clearCalls();

        BatchResult result = api.bindings.replace(api.as(TEAM_A), replace(WEB, OLD, ids));

        assertEquals(207, result.httpStatus());
        assertEquals(ids, ids(result));
        List<InstanceResult> failed = result.results().stream().filter(r -> r.status().wire().equals("failed")).collect(Collectors.toList());
        assertEquals(100, failed.size(), "one chunk failed: " + result.summary());
        List<String> failedIds = failed.stream().map(InstanceResult::instanceId).collect(Collectors.toList());
        int start = ids.indexOf(failedIds.get(0));
        assertEquals(ids.subList(start, start + 100), failedIds, "the failed instances are one whole chunk");
        assertEquals(0, start % 100);
        for (InstanceResult r : failed) {
            assertEquals("IncorrectInstanceStatus", r.code());
            assertEquals(Boolean.TRUE, r.rolledBack());
            assertEquals(OLD, r.previousRoleName());
        }
        assertEquals(Map.of("replaced", 200, "failed", 100), result.summary());
        List<String> expectedRoles = new ArrayList<>(Collections.nCopies(300, WEB));
        Collections.fill(expectedRoles.subList(start, start + 100), OLD);
        assertEquals(expectedRoles, account.rolesOf(ids), "only the failed chunk has its old role, attached again");
        List<JsonNode> rollbacks = account.calls("AttachInstanceRamRole").stream()
                .filter(c -> OLD.equals(c.path("params").path("RamRoleName").asText())).collect(Collectors.toList());
        assertEquals(1, rollbacks.size(), "one rollback call");
        assertEquals(failedIds, Account.instanceIds(rollbacks.get(0)));
        assertEquals(3, account.calls("DetachInstanceRamRole").size());
        assertFalse(api.log().errorLines().stream().anyMatch(l -> l.contains("rollbackFailed")), "no rollback failed");
    }

    /** The ids of every AttachInstanceRamRole call that succeeded, one entry per instance per call. */
    private List<String> successfullyAttached() {
        List<String> attached = new ArrayList<>();
        for (JsonNode call : account.calls("AttachInstanceRamRole")) {
            if (Account.code(call) == null) {
                attached.addAll(Account.instanceIds(call));
            }
        }
        return attached;
    }
}
