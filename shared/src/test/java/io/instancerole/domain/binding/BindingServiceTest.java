package io.instancerole.domain.binding;

import static io.instancerole.domain.TestJson.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.TestJson;
import io.instancerole.domain.config.DeploymentConfig;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.fake.InMemoryCloud;
import io.instancerole.domain.fake.RecordingLogSink;
import io.instancerole.domain.fake.RecordingSleeper;
import io.instancerole.domain.fake.TestContexts;
import io.instancerole.domain.guard.Guardrails;
import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.service.Json;
import io.instancerole.domain.service.RequestContext;
import io.instancerole.domain.service.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class BindingServiceTest {
    private static final String FC_TRUST = "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":[\"fc.aliyuncs.com\"]}}],\"Version\":\"1\"}";

    private final InMemoryCloud cloud = new InMemoryCloud().addRole("team-a-web").addRole("team-a-old").addRole("team-b-web");
    private final RecordingSleeper sleeper = new RecordingSleeper();
    /** One chunk at a time, so that which call fails is known; {@link #chunksRunConcurrentlyOnThreadsThatEndWithTheRequest} runs four. */
    private final BindingService service = service(new BatchLimits(1, Duration.ofSeconds(20), Clock.systemUTC()));

    // ------------------------------------------------------------------ bind

    @Test
    void bindAnswersEveryInstanceInRequestOrder() {
        cloud.addInstance("i-free1", "team-a")
                .addInstance("i-done1", "team-a").bindInstance("i-done1", "team-a-web")
                .addInstance("i-other1", "team-a").bindInstance("i-other1", "team-a-old")
                .addInstance(InMemoryCloud.DEFAULT_REGION, "i-classic1", "classic", Map.of("team", "team-a"))
                .addInstance("i-teamb1", "team-b")
                .addInstance("i-free2", "team-a");

        BatchResult result = service.bind(TestContexts.of(cloud, "team-a", false),
                bind("team-a-web", "i-free1", "i-done1", "i-other1", "i-missing1", "i-classic1", "i-teamb1", "i-free2"));

        assertEquals(List.of("i-free1", "i-done1", "i-other1", "i-missing1", "i-classic1", "i-teamb1", "i-free2"), ids(result));
        assertEquals(List.of("bound", "unchanged", "failed", "failed", "failed", "failed", "bound"), statuses(result));
        assertEquals(Arrays.asList(null, null, "InstanceHasOtherRole", "InstanceNotFound", "InstanceNotVpc", "InstanceNotFound", null), codes(result));
        assertTrue(result.results().get(2).message().contains("/v1/role-bindings/replace"), result.results().get(2).message());
        // another team's instance fails word for word as a missing one
        assertEquals(result.results().get(3).message().replace("i-missing1", "i-teamb1"), result.results().get(5).message());
        assertEquals(207, result.httpStatus());
        assertEquals(map("bound", 2, "unchanged", 1, "failed", 4), result.summary());
        assertEquals(Optional.of("team-a-web"), cloud.instanceRole("i-free1"));
        assertEquals(Optional.of("team-a-old"), cloud.instanceRole("i-other1"));
        assertEquals(Optional.empty(), cloud.instanceRole("i-teamb1"));
        assertEquals(1, cloud.calls("AttachInstanceRamRole"));
    }

    @Test
    void bindWithoutFailuresIs200AndRepeatingItIsUnchanged() {
        cloud.addInstance("i-a1111", "team-a").addInstance("i-a2222", "team-a");
        BatchResult first = service.bind(TestContexts.of(cloud, "team-a", false), bind("team-a-web", "i-a1111", "i-a2222"));
        assertEquals(200, first.httpStatus());
        assertEquals(map("bound", 2), first.summary());

        cloud.clearCalls();
        BatchResult again = service.bind(TestContexts.of(cloud, "team-a", false), bind("team-a-web", "i-a1111", "i-a2222"));
        assertEquals(map("unchanged", 2), again.summary());
        assertEquals(0, cloud.mutatingCalls());
    }

    @Test
    void aBatchOf250CostsThreeCallsOfEachKind() {
        List<String> ids = instances(250, "team-a");
        BatchResult result = service.bind(TestContexts.of(cloud, "team-a", false), bind("team-a-web", ids.toArray(new String[0])));
        assertEquals(map("bound", 250), result.summary());
        assertEquals(3, cloud.calls("AttachInstanceRamRole"));
        assertEquals(3, cloud.calls("DescribeInstances"));
        assertEquals(3, cloud.calls("DescribeInstanceRamRole"));
        assertEquals(ids, ids(result));
    }

    @Test
    void aBatchOf1000CostsTenAttachCalls() {
        List<String> ids = instances(1000, "team-a");
        BatchResult result = service.bind(TestContexts.of(cloud, "team-a", false), bind("team-a-web", ids.toArray(new String[0])));
        assertEquals(map("bound", 1000), result.summary());
        assertEquals(10, cloud.calls("AttachInstanceRamRole"));
        assertEquals(10, cloud.calls("DescribeInstances"));
    }

    @Test
    void onlyInstancesThatNeedItAreAttachedSoCallsFollowTheWork() {
        List<String> ids = instances(150, "team-a");
        for (String id : ids.subList(0, 100)) {
            cloud.bindInstance(id, "team-a-web");
        }
        BatchResult result = service.bind(TestContexts.of(cloud, "team-a", false), bind("team-a-web", ids.toArray(new String[0])));
        assertEquals(map("bound", 50, "unchanged", 100), result.summary());
        assertEquals(1, cloud.calls("AttachInstanceRamRole"));
    }

    @Test
    void theRoleMustExistBeTrustedByEcsAndBeTheTeams() {
        cloud.addInstance("i-a1111", "team-a").addRole("team-a-fn", FC_TRUST);
        assertCode(ErrorCode.RoleNotFound, () -> service.bind(TestContexts.of(cloud, "team-a", false), bind("team-a-gone", "i-a1111")));
        assertCode(ErrorCode.RoleNotTrustedByEcs, () -> service.bind(TestContexts.of(cloud, "team-a", false), bind("team-a-fn", "i-a1111")));
        assertEquals(0, cloud.calls("DescribeInstances"));
        cloud.clearCalls();
        assertCode(ErrorCode.Forbidden, () -> service.bind(TestContexts.of(cloud, "team-a", false), bind("team-b-web", "i-a1111")));
        assertEquals(List.of(), cloud.callLog());
    }

    @Test
    void anAdminBindsAnyTeamsInstances() {
        cloud.addInstance("i-b1111", "team-b");
        BatchResult result = service.bind(TestContexts.of(cloud, "platform", false), bind("team-b-web", "i-b1111"));
        assertEquals(List.of("bound"), statuses(result));
    }

    @Test
    void theRegionDefaultsAndMustBeAllowed() {
        cloud.addInstance("cn-beijing", "i-bj1111", "vpc", Map.of("team", "team-a"));
        BatchResult inDefault = service.bind(TestContexts.of(cloud, "team-a", false), bind("team-a-web", "i-bj1111"));
        assertEquals("cn-hangzhou", inDefault.regionId());
        assertEquals(List.of("InstanceNotFound"), codes(inDefault));
        BatchResult inBeijing = service.bind(TestContexts.of(cloud, "team-a", false),
                BindRequest.of(RegionId.of("cn-beijing"), RoleName.of("team-a-web"), InstanceIdBatch.parse(List.of("i-bj1111")), null));
        assertEquals(List.of("bound"), statuses(inBeijing));

        BindingService limited = new BindingService(new Guardrails(DeploymentConfig.fromEnvironment(Map.of("ALLOWED_REGIONS", "cn-hangzhou"))),
                new RoleVisibilityRetry(sleeper), new BatchLimits(1, Duration.ofSeconds(20), Clock.systemUTC()));
        assertCode(ErrorCode.InvalidParameter, () -> limited.bind(TestContexts.of(cloud, "team-a", false),
                BindRequest.of(RegionId.of("cn-beijing"), RoleName.of("team-a-web"), InstanceIdBatch.parse(List.of("i-bj1111")), null)));
    }

    @Test
    void aDryRunAnswersWhatARealRunDoesWithoutChanging() {
        InMemoryCloud dry = mixedFleet(new InMemoryCloud());
        InMemoryCloud real = mixedFleet(new InMemoryCloud());
        String[] ids = {"i-free1", "i-done1", "i-other1", "i-teamb1", "i-missing1"};

        BatchResult planned = service.bind(TestContexts.of(dry, "team-a", true), bind("team-a-web", ids));
        BatchResult done = service.bind(TestContexts.of(real, "team-a", false), bind("team-a-web", ids));

        assertTrue(planned.dryRun());
        assertEquals(0, dry.mutatingCalls());
        assertEquals(Optional.empty(), dry.instanceRole("i-free1"));
        assertEquals(statuses(done), statuses(planned));
        assertEquals(codes(done), codes(planned));
        assertEquals(done.httpStatus(), planned.httpStatus());
    }

    @Test
    void aJustCreatedRoleIsRetriedUntilEcsSeesIt() {
        cloud.addInstance("i-a1111", "team-a").hideRoleFromEcs("team-a-web", 2);
        BatchResult result = service.bind(TestContexts.of(cloud, "team-a", false), bind("team-a-web", "i-a1111"));
        assertEquals(List.of("bound"), statuses(result));
        assertEquals(3, cloud.calls("AttachInstanceRamRole"));
        assertEquals(2, sleeper.sleeps().size());
        assertTrue(sleeper.sleeps().get(1).compareTo(sleeper.sleeps().get(0)) > 0, "the backoff grows");
    }

    @Test
    void theRetryIsBoundedThenTheInstancesFailWithTheCloudsCode() {
        cloud.addInstance("i-a1111", "team-a").addInstance("i-a2222", "team-a").hideRoleFromEcs("team-a-web", 100);
        BatchResult result = service.bind(TestContexts.of(cloud, "team-a", false), bind("team-a-web", "i-a1111", "i-a2222"));
        assertEquals(List.of("failed", "failed"), statuses(result));
        assertEquals(List.of("InvalidRamRole.NotFound", "InvalidRamRole.NotFound"), codes(result));
        assertEquals(RoleVisibilityRetry.DEFAULT_ATTEMPTS, cloud.calls("AttachInstanceRamRole"));
        assertEquals(RoleVisibilityRetry.DEFAULT_ATTEMPTS - 1, sleeper.sleeps().size());
        assertEquals(207, result.httpStatus());
    }

    @Test
    void aPerInstanceRoleNotFoundIsRetriedForThatInstanceOnly() {
        cloud.addInstance("i-a1111", "team-a").addInstance("i-a2222", "team-a")
                .failInstance("AttachInstanceRamRole", "i-a2222", "InvalidRamRole.NotFound", 2);
        BatchResult result = service.bind(TestContexts.of(cloud, "team-a", false), bind("team-a-web", "i-a1111", "i-a2222"));
        assertEquals(List.of("bound", "bound"), statuses(result));
        assertEquals(3, cloud.calls("AttachInstanceRamRole"));
    }

    @Test
    void anInstanceNeitherRunningNorStoppedFailsBeforeAnyCallInADryRunAndARealRun() {
        cloud.addInstance("i-pend1", "team-a").setInstanceStatus("i-pend1", "Pending")
                .addInstance("i-stop1", "team-a").setInstanceStatus("i-stop1", "Stopped")
                .addInstance("i-run1", "team-a");
        BindRequest request = bind("team-a-web", "i-pend1", "i-stop1", "i-run1");

        BatchResult planned = service.bind(TestContexts.of(cloud, "team-a", true), request);
        assertEquals(0, cloud.mutatingCalls());
        BatchResult done = service.bind(TestContexts.of(cloud, "team-a", false), request);

        for (BatchResult result : List.of(planned, done)) {
            assertEquals(List.of("failed", "bound", "bound"), statuses(result));
            assertEquals(Arrays.asList("IncorrectInstanceStatus", null, null), codes(result));
            String message = result.results().get(0).message();
            assertTrue(message.contains("i-pend1") && message.contains("Pending") && message.contains("Running or Stopped"), message);
        }
        assertEquals(Optional.empty(), cloud.instanceRole("i-pend1"));
        assertEquals(Optional.of("team-a-web"), cloud.instanceRole("i-stop1"));
        assertEquals(1, cloud.calls("AttachInstanceRamRole"), "one call, for the two that can take the role");
    }

    @Test
    void anInstanceAlreadyBoundToTheRoleIsUnchangedWhateverItsStatus() {
        cloud.addInstance("i-done1", "team-a").bindInstance("i-done1", "team-a-web").setInstanceStatus("i-done1", "Stopping")
                .addInstance("i-other1", "team-a").bindInstance("i-other1", "team-a-old").setInstanceStatus("i-other1", "Starting");
        BatchResult result = service.bind(TestContexts.of(cloud, "team-a", false), bind("team-a-web", "i-done1", "i-other1"));
        assertEquals(List.of("unchanged", "failed"), statuses(result));
        assertEquals(Arrays.asList(null, "InstanceHasOtherRole"), codes(result), "nothing to attach, so the status does not matter");
        assertEquals(0, cloud.mutatingCalls());
    }

    @Test
    void anInstanceTheCloudRefusesFailsWithTheCloudsCodeAndTheRestIsBound() {
        cloud.addInstance("i-a1111", "team-a").addInstance("i-a2222", "team-a")
                .failInstance("AttachInstanceRamRole", "i-a1111", "IncorrectInstanceStatus", 1);
        BatchResult result = service.bind(TestContexts.of(cloud, "team-a", false), bind("team-a-web", "i-a1111", "i-a2222"));
        assertEquals(List.of("failed", "bound"), statuses(result));
        assertEquals("IncorrectInstanceStatus", result.results().get(0).code());
        assertEquals(1, cloud.calls("AttachInstanceRamRole"), "other codes are not retried");
    }

    @Test
    void aWholeCallFailureBeforeAnyChangeFailsTheRequest() {
        List<String> ids = instances(150, "team-a");
        cloud.failNext("AttachInstanceRamRole", CloudException.Kind.THROTTLED, "Throttling.User");
        DomainException e = assertThrows(DomainException.class, () -> service.bind(TestContexts.of(cloud, "team-a", false),
                bind("team-a-web", ids.toArray(new String[0]))));
        assertEquals(ErrorCode.Throttled, e.code());
        assertEquals(1, cloud.calls("AttachInstanceRamRole"), "the request stops at the first failed call");
        assertTrue(ids.stream().allMatch(id -> cloud.instanceRole(id).isEmpty()));
    }

    @Test
    void aPermissionTheDeploymentLacksIsCloudDenied() {
        cloud.addInstance("i-a1111", "team-a")
                .failNext("AttachInstanceRamRole", CloudException.Kind.DENIED, "InvalidUser.PassRoleForbidden");
        DomainException e = assertThrows(DomainException.class,
                () -> service.bind(TestContexts.of(cloud, "team-a", false), bind("team-a-web", "i-a1111")));
        assertEquals(ErrorCode.CloudDenied, e.code());
        assertTrue(e.getMessage().contains("ram:PassRole"), e.getMessage());
    }

    @Test
    void aWholeCallFailureAfterAChangeFailsJustThatChunk() {
        List<String> ids = instances(150, "team-a");
        cloud.failNth("AttachInstanceRamRole", 2, CloudException.Kind.UNAVAILABLE, "ServiceUnavailable");
        BatchResult result = service.bind(TestContexts.of(cloud, "team-a", false), bind("team-a-web", ids.toArray(new String[0])));
        assertEquals(map("bound", 100, "failed", 50), result.summary());
        assertEquals("ServiceUnavailable", result.results().get(149).code());
        assertEquals(Optional.of("team-a-web"), cloud.instanceRole(ids.get(99)));
        assertEquals(Optional.empty(), cloud.instanceRole(ids.get(100)));
    }

    @Test
    void afterAChunkFailedAsAWholeNoNewChunkStartsAndItsInstancesAreSkipped() {
        List<String> ids = instances(250, "team-a");
        cloud.failNth("DescribeInstances", 2, CloudException.Kind.UNAVAILABLE, "ServiceUnavailable");
        BatchResult result = service.bind(TestContexts.of(cloud, "team-a", false), bind("team-a-web", ids.toArray(new String[0])));
        assertEquals(map("bound", 100, "failed", 100, "skipped", 50), result.summary());
        assertEquals(207, result.httpStatus());
        assertEquals("ServiceUnavailable", result.results().get(249).code());
        assertTrue(result.results().get(249).message().contains("Send the same request again"), result.results().get(249).message());
        assertEquals("ServiceUnavailable", result.results().get(199).code());
        assertEquals(Status.FAILED, result.results().get(199).status());
        assertEquals(Status.SKIPPED, result.results().get(249).status());
        assertEquals(50, result.retry().get("skipped"));
        assertEquals(2, cloud.calls("DescribeInstances"), "the third chunk was not started");
        assertEquals(1, cloud.calls("AttachInstanceRamRole"));
    }

    @Test
    void afterTheDeadlineNoNewChunkStartsOnceAChunkHadWork() {
        List<String> ids = instances(250, "team-a");
        BindingService late = service(new BatchLimits(1, Duration.ofSeconds(20), new PastDeadlineClock()));
        BatchResult result = late.bind(TestContexts.of(cloud, "team-a", false), bind("team-a-web", ids.toArray(new String[0])));
        assertEquals(map("bound", 100, "skipped", 150), result.summary());
        assertEquals(207, result.httpStatus());
        assertEquals(Collections.nCopies(150, InstanceResult.DEADLINE_EXCEEDED), codes(result).subList(100, 250));
        assertEquals(ids, ids(result));
        assertEquals(1, cloud.calls("DescribeInstances"));
        assertTrue(ids.subList(100, 250).stream().allMatch(id -> cloud.instanceRole(id).isEmpty()));
        assertTrue(result.retry().get("message").toString().contains("DeadlineExceeded"), result.retry().toString());
    }

    /** However late, a repeated request reads past what is done to the first chunk with work left: it always gets further. */
    @Test
    void chunksWithNothingToChangeDoNotStopARepeatedRequestFromGettingFurther() {
        List<String> ids = instances(350, "team-a");
        ids.subList(0, 200).forEach(id -> cloud.bindInstance(id, "team-a-web"));
        BindingService late = service(new BatchLimits(1, Duration.ofSeconds(20), new PastDeadlineClock()));
        BatchResult result = late.bind(TestContexts.of(cloud, "team-a", false), bind("team-a-web", ids.toArray(new String[0])));
        assertEquals(map("unchanged", 200, "bound", 100, "skipped", 50), result.summary());
        assertEquals(3, cloud.calls("DescribeInstances"));
    }

    @Test
    void theDeadlineIsNeverPastHalfTheTimeTheFunctionHasLeft() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        BatchLimits limits = new BatchLimits(4, Duration.ofSeconds(20), Clock.fixed(now, ZoneOffset.UTC));
        assertEquals(now.plusSeconds(20), limits.deadlineFor(TestContexts.of(cloud, "team-a", false)), "no limit known");
        assertEquals(now.plusSeconds(20), limits.deadlineFor(context(Duration.ofSeconds(60))));
        assertEquals(now.plusSeconds(5), limits.deadlineFor(context(Duration.ofSeconds(10))));
    }

    @Test
    void chunksRunConcurrentlyOnThreadsThatEndWithTheRequest() {
        List<String> ids = instances(1000, "team-a");
        BindingService concurrent = service(BatchLimits.of(DeploymentConfig.defaults(), Clock.systemUTC()));
        RequestContext ctx = TestContexts.of(cloud, "team-a", false);
        BatchResult result = concurrent.bind(ctx, bind("team-a-web", ids.toArray(new String[0])));
        assertEquals(map("bound", 1000), result.summary());
        assertEquals(ids, ids(result));
        assertEquals(10, cloud.calls("AttachInstanceRamRole"));
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("batch-" + ctx.requestId())),
                "every worker thread has ended when the request answers");
    }

    @Test
    void theChangesAreRecordedForTheAuditLine() {
        cloud.addInstance("i-a1111", "team-a").addInstance("i-a2222", "team-a").bindInstance("i-a2222", "team-a-web");
        RequestContext ctx = TestContexts.of(cloud, "team-a", false);
        service.bind(ctx, bind("team-a-web", "i-a1111", "i-a2222"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("action", "AttachInstanceRamRole");
        expected.put("regionId", "cn-hangzhou");
        expected.put("roleName", "team-a-web");
        expected.put("instanceIds", List.of("i-a1111"));
        assertEquals(List.of(expected), ctx.changes());
        assertEquals(cloud.callLog().size(), ctx.cloudRequestIds().size());
    }

    @Test
    void theBatchMustHoldOneToAThousandDistinctIds() {
        assertCode(ErrorCode.InvalidParameter, () -> InstanceIdBatch.parse(List.of()));
        assertCode(ErrorCode.InvalidParameter, () -> InstanceIdBatch.parse(null));
        assertCode(ErrorCode.InvalidParameter, () -> InstanceIdBatch.parse(ids(1001)));
        InstanceIdBatch.parse(ids(1000));
        DomainException duplicate = assertThrows(DomainException.class, () -> InstanceIdBatch.parse(List.of("i-a1111", "i-b2222", "i-a1111")));
        assertTrue(duplicate.getMessage().startsWith("instanceIds[2]: 'i-a1111' is listed twice (also at instanceIds[0])"), duplicate.getMessage());
        DomainException malformed = assertThrows(DomainException.class, () -> InstanceIdBatch.parse(List.of("i-a1111", "I-UPPER")));
        assertTrue(malformed.getMessage().startsWith("instanceIds[1]:"), malformed.getMessage());
        assertCode(ErrorCode.InvalidParameter, () -> BindRequest.of(null, RoleName.of("team-a-web"), InstanceIdBatch.parse(List.of("i-a1111")), ""));
        assertCode(ErrorCode.InvalidParameter, () -> BindRequest.of(null, RoleName.of("team-a-web"), InstanceIdBatch.parse(List.of("i-a1111")), "p".repeat(1025)));
    }

    @Test
    void theAnswerHasTheContractsShape() {
        cloud.addInstance("i-a1111", "team-a");
        JsonNode json = TestJson.of(service.bind(TestContexts.of(cloud, "team-a", false), bind("team-a-web", "i-a1111", "i-gone1")));
        assertEquals(List.of("regionId", "roleName", "dryRun", "results", "summary"), fieldNames(json));
        assertEquals(List.of("instanceId", "status"), fieldNames(json.get("results").get(0)));
        assertEquals(List.of("instanceId", "status", "code", "message"), fieldNames(json.get("results").get(1)));
        assertEquals(Json.parse("{\"bound\":1,\"failed\":1}").orElseThrow(), json.get("summary"));
    }

    // ------------------------------------------------------------------ unbind

    @Test
    void unbindAnswersEveryInstance() {
        cloud.addInstance("i-web1", "team-a").bindInstance("i-web1", "team-a-web")
                .addInstance("i-none1", "team-a")
                .addInstance("i-old1", "team-a").bindInstance("i-old1", "team-a-old")
                .addInstance("i-teamb1", "team-b").bindInstance("i-teamb1", "team-b-web")
                .addInstance(InMemoryCloud.DEFAULT_REGION, "i-classic1", "classic", Map.of("team", "team-a"));

        BatchResult result = service.unbind(TestContexts.of(cloud, "team-a", false),
                UnbindRequest.of(null, batch("i-web1", "i-none1", "i-old1", "i-teamb1", "i-classic1", "i-gone1"), RoleName.of("team-a-web")));

        assertEquals(List.of("unbound", "unchanged", "failed", "failed", "unchanged", "failed"), statuses(result));
        assertEquals(Arrays.asList(null, null, "InstanceHasOtherRole", "InstanceNotFound", null, "InstanceNotFound"), codes(result));
        assertTrue(result.results().get(2).message().contains("keeps its role"), result.results().get(2).message());
        assertEquals(Optional.empty(), cloud.instanceRole("i-web1"));
        assertEquals(Optional.of("team-a-old"), cloud.instanceRole("i-old1"));
        assertEquals(Optional.of("team-b-web"), cloud.instanceRole("i-teamb1"));
    }

    @Test
    void unbindWithoutARoleRemovesWhateverIsBound() {
        cloud.addInstance("i-web1", "team-a").bindInstance("i-web1", "team-a-web")
                .addInstance("i-old1", "team-a").bindInstance("i-old1", "team-a-old");
        BatchResult result = service.unbind(TestContexts.of(cloud, "team-a", false), UnbindRequest.of(null, batch("i-web1", "i-old1"), null));
        assertEquals(List.of("unbound", "unbound"), statuses(result));
        assertNull(result.roleName());
        assertTrue(TestJson.of(result).get("roleName").isNull());
        assertEquals(200, result.httpStatus());
    }

    @Test
    void unbindOf250CostsThreeDetachCallsAndItsDryRunNone() {
        List<String> ids = instances(250, "team-a");
        ids.forEach(id -> cloud.bindInstance(id, "team-a-web"));
        BatchResult planned = service.unbind(TestContexts.of(cloud, "team-a", true), UnbindRequest.of(null, InstanceIdBatch.parse(ids), null));
        assertEquals(map("unbound", 250), planned.summary());
        assertEquals(0, cloud.mutatingCalls());

        BatchResult done = service.unbind(TestContexts.of(cloud, "team-a", false), UnbindRequest.of(null, InstanceIdBatch.parse(ids), null));
        assertEquals(map("unbound", 250), done.summary());
        assertEquals(3, cloud.calls("DetachInstanceRamRole"));
    }

    // ------------------------------------------------------------------ replace

    @Test
    void replaceAnswersEveryInstance() {
        cloud.addInstance("i-old1", "team-a").bindInstance("i-old1", "team-a-old")
                .addInstance("i-none1", "team-a")
                .addInstance("i-web1", "team-a").bindInstance("i-web1", "team-a-web")
                .addInstance("i-teamb1", "team-b").bindInstance("i-teamb1", "team-b-web");

        BatchResult result = service.replace(TestContexts.of(cloud, "team-a", false),
                ReplaceRequest.of(null, batch("i-old1", "i-none1", "i-web1", "i-teamb1"), RoleName.of("team-a-web"), null));

        assertEquals(List.of("replaced", "bound", "unchanged", "failed"), statuses(result));
        assertEquals("team-a-old", result.results().get(0).previousRoleName());
        assertEquals("InstanceNotFound", result.results().get(3).code());
        assertEquals(Optional.of("team-a-web"), cloud.instanceRole("i-old1"));
        assertEquals(Optional.of("team-a-web"), cloud.instanceRole("i-none1"));
        assertEquals(1, cloud.calls("DetachInstanceRamRole"));
        assertEquals(1, cloud.calls("AttachInstanceRamRole"));
    }

    @Test
    void replaceLeavesTheOldRoleOnAnInstanceThatCannotTakeTheNewOne() {
        cloud.addInstance("i-old1", "team-a").bindInstance("i-old1", "team-a-old").setInstanceStatus("i-old1", "Stopping")
                .addInstance("i-none1", "team-a").setInstanceStatus("i-none1", "Pending")
                .addInstance("i-old2", "team-a").bindInstance("i-old2", "team-a-old").setInstanceStatus("i-old2", "Stopped");
        ReplaceRequest request = ReplaceRequest.of(null, batch("i-old1", "i-none1", "i-old2"), RoleName.of("team-a-web"), null);

        BatchResult planned = service.replace(TestContexts.of(cloud, "team-a", true), request);
        assertEquals(0, cloud.mutatingCalls());
        BatchResult done = service.replace(TestContexts.of(cloud, "team-a", false), request);

        for (BatchResult result : List.of(planned, done)) {
            assertEquals(List.of("failed", "failed", "replaced"), statuses(result));
            assertEquals(Arrays.asList("IncorrectInstanceStatus", "IncorrectInstanceStatus", null), codes(result));
            assertTrue(result.results().get(0).message().contains("Stopping"), result.results().get(0).message());
            assertNull(result.results().get(0).rolledBack(), "nothing was detached, so nothing was rolled back");
        }
        assertEquals(Optional.of("team-a-old"), cloud.instanceRole("i-old1"));
        assertEquals(Optional.empty(), cloud.instanceRole("i-none1"));
        assertEquals(Optional.of("team-a-web"), cloud.instanceRole("i-old2"));
        assertEquals(1, cloud.calls("DetachInstanceRamRole"));
        assertEquals(1, cloud.calls("AttachInstanceRamRole"));
    }

    @Test
    void anUnexpectedCurrentRoleChangesNothing() {
        cloud.addInstance("i-old1", "team-a").bindInstance("i-old1", "team-a-old")
                .addInstance("i-none1", "team-a")
                .addInstance("i-bb11", "team-a").bindInstance("i-bb11", "team-b-web");
        BatchResult result = service.replace(TestContexts.of(cloud, "team-a", false),
                ReplaceRequest.of(null, batch("i-old1", "i-none1", "i-bb11"), RoleName.of("team-a-web"), RoleName.of("team-a-old")));
        assertEquals(List.of("replaced", "failed", "failed"), statuses(result));
        assertEquals(Arrays.asList(null, "UnexpectedCurrentRole", "UnexpectedCurrentRole"), codes(result));
        assertTrue(result.results().get(1).message().contains("no role"), result.results().get(1).message());
        assertEquals(Optional.empty(), cloud.instanceRole("i-none1"));
        assertEquals(Optional.of("team-b-web"), cloud.instanceRole("i-bb11"));
    }

    @Test
    void repeatingASuccessfulReplaceIsUnchanged() {
        cloud.addInstance("i-old1", "team-a").bindInstance("i-old1", "team-a-old");
        ReplaceRequest request = ReplaceRequest.of(null, batch("i-old1"), RoleName.of("team-a-web"), RoleName.of("team-a-old"));
        assertEquals(List.of("replaced"), statuses(service.replace(TestContexts.of(cloud, "team-a", false), request)));
        cloud.clearCalls();
        assertEquals(List.of("unchanged"), statuses(service.replace(TestContexts.of(cloud, "team-a", false), request)));
        assertEquals(0, cloud.mutatingCalls());
    }

    @Test
    void aFailedAttachIsRolledBackToTheOldRole() {
        cloud.addInstance("i-old1", "team-a").bindInstance("i-old1", "team-a-old")
                .addInstance("i-old2", "team-a").bindInstance("i-old2", "team-a-old")
                .failInstance("AttachInstanceRamRole", "i-old1", "IncorrectInstanceStatus", 1);
        BatchResult result = service.replace(TestContexts.of(cloud, "team-a", false),
                ReplaceRequest.of(null, batch("i-old1", "i-old2"), RoleName.of("team-a-web"), null));

        InstanceResult failed = result.results().get(0);
        assertEquals(Status.FAILED, failed.status());
        assertEquals("IncorrectInstanceStatus", failed.code());
        assertEquals(Boolean.TRUE, failed.rolledBack());
        assertEquals("team-a-old", failed.previousRoleName());
        assertEquals(Optional.of("team-a-old"), cloud.instanceRole("i-old1"));
        assertEquals(Status.REPLACED, result.results().get(1).status());
        assertEquals(207, result.httpStatus());
    }

    @Test
    void aFailedRollbackIsReportedAndLoggedForOperators() {
        RecordingLogSink log = new RecordingLogSink();
        cloud.addInstance("i-old1", "team-a").bindInstance("i-old1", "team-a-old")
                .failInstance("AttachInstanceRamRole", "i-old1", "IncorrectInstanceStatus", 2);
        BatchResult result = service.replace(TestContexts.of(cloud, "team-a", false, log),
                ReplaceRequest.of(null, batch("i-old1"), RoleName.of("team-a-web"), null));

        InstanceResult failed = result.results().get(0);
        assertEquals("RollbackFailed", failed.code());
        assertEquals(Boolean.FALSE, failed.rolledBack());
        assertTrue(failed.message().contains("no RAM role"), failed.message());
        assertEquals(Optional.empty(), cloud.instanceRole("i-old1"));

        assertEquals(1, log.errorLines().size());
        JsonNode line = Json.parse(log.errorLines().get(0)).orElseThrow();
        assertEquals("rollbackFailed", line.get("type").asText());
        assertEquals("ERROR", line.get("level").asText());
        assertEquals("i-old1", line.get("instanceId").asText());
        assertEquals("cn-hangzhou", line.get("regionId").asText());
        assertEquals("team-a-old", line.get("previousRoleName").asText());
        assertEquals("team-a-web", line.get("roleName").asText());
        assertEquals("IncorrectInstanceStatus", line.get("attachCode").asText());
        assertEquals("IncorrectInstanceStatus", line.get("rollbackCode").asText());
        assertEquals(TestContexts.REQUEST_ID, line.get("requestId").asText());
        assertTrue(line.get("repair").asText().contains("i-old1"));
    }

    @Test
    void aWholeCallAttachFailureAfterTheDetachIsRolledBackToo() {
        cloud.addInstance("i-old1", "team-a").bindInstance("i-old1", "team-a-old")
                .addInstance("i-none1", "team-a")
                .failNext("AttachInstanceRamRole", CloudException.Kind.THROTTLED, "Throttling.User");
        BatchResult result = service.replace(TestContexts.of(cloud, "team-a", false),
                ReplaceRequest.of(null, batch("i-old1", "i-none1"), RoleName.of("team-a-web"), null));
        assertEquals(List.of("failed", "failed"), statuses(result));
        assertEquals(List.of("Throttling.User", "Throttling.User"), codes(result));
        assertEquals(Boolean.TRUE, result.results().get(0).rolledBack());
        assertNull(result.results().get(1).rolledBack(), "nothing to roll back for an instance that had no role");
        assertEquals(Optional.of("team-a-old"), cloud.instanceRole("i-old1"));
    }

    @Test
    void aFailedDetachLeavesTheOldRole() {
        cloud.addInstance("i-old1", "team-a").bindInstance("i-old1", "team-a-old")
                .failInstance("DetachInstanceRamRole", "i-old1", "IncorrectInstanceStatus", 1);
        BatchResult result = service.replace(TestContexts.of(cloud, "team-a", false),
                ReplaceRequest.of(null, batch("i-old1"), RoleName.of("team-a-web"), null));
        assertEquals(List.of("IncorrectInstanceStatus"), codes(result));
        assertNull(result.results().get(0).rolledBack());
        assertEquals(Optional.of("team-a-old"), cloud.instanceRole("i-old1"));
        assertEquals(0, cloud.calls("AttachInstanceRamRole"));
    }

    @Test
    void replaceOf250CostsThreeDetachAndThreeAttachCalls() {
        List<String> ids = instances(250, "team-a");
        ids.forEach(id -> cloud.bindInstance(id, "team-a-old"));
        BatchResult result = service.replace(TestContexts.of(cloud, "team-a", false),
                ReplaceRequest.of(null, InstanceIdBatch.parse(ids), RoleName.of("team-a-web"), RoleName.of("team-a-old")));
        assertEquals(map("replaced", 250), result.summary());
        assertEquals(3, cloud.calls("DetachInstanceRamRole"));
        assertEquals(3, cloud.calls("AttachInstanceRamRole"));
    }

    @Test
    void aReplaceDryRunAnswersWhatARealRunDoes() {
        InMemoryCloud dry = mixedFleet(new InMemoryCloud());
        InMemoryCloud real = mixedFleet(new InMemoryCloud());
        ReplaceRequest request = ReplaceRequest.of(null, batch("i-free1", "i-done1", "i-other1", "i-teamb1"), RoleName.of("team-a-web"), null);
        BatchResult planned = service.replace(TestContexts.of(dry, "team-a", true), request);
        BatchResult done = service.replace(TestContexts.of(real, "team-a", false), request);
        assertEquals(List.of("bound", "unchanged", "replaced", "failed"), statuses(done));
        assertEquals(statuses(done), statuses(planned));
        assertEquals("team-a-old", planned.results().get(2).previousRoleName());
        assertEquals(0, dry.mutatingCalls());
    }

    @Test
    void replaceChecksTheNewRoleLikeBind() {
        cloud.addInstance("i-a1111", "team-a").addRole("team-a-fn", FC_TRUST);
        assertCode(ErrorCode.RoleNotFound, () -> service.replace(TestContexts.of(cloud, "team-a", false),
                ReplaceRequest.of(null, batch("i-a1111"), RoleName.of("team-a-gone"), null)));
        assertCode(ErrorCode.RoleNotTrustedByEcs, () -> service.replace(TestContexts.of(cloud, "team-a", false),
                ReplaceRequest.of(null, batch("i-a1111"), RoleName.of("team-a-fn"), null)));
        assertCode(ErrorCode.Forbidden, () -> service.replace(TestContexts.of(cloud, "team-a", false),
                ReplaceRequest.of(null, batch("i-a1111"), RoleName.of("team-b-web"), null)));
        assertEquals(0, cloud.mutatingCalls());
    }

    // ------------------------------------------------------------------ helpers

    private static InMemoryCloud mixedFleet(InMemoryCloud cloud) {
        return cloud.addRole("team-a-web").addRole("team-a-old").addRole("team-b-web")
                .addInstance("i-free1", "team-a")
                .addInstance("i-done1", "team-a").bindInstance("i-done1", "team-a-web")
                .addInstance("i-other1", "team-a").bindInstance("i-other1", "team-a-old")
                .addInstance("i-teamb1", "team-b");
    }

    /** {@code count} VPC instances of the team, in the order created. */
    private List<String> instances(int count, String team) {
        List<String> ids = ids(count);
        ids.forEach(id -> cloud.addInstance(id, team));
        return ids;
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(String.format("i-test%04d", i));
        }
        return ids;
    }

    private static BindRequest bind(String role, String... ids) {
        return BindRequest.of(null, RoleName.of(role), batch(ids), null);
    }

    private static InstanceIdBatch batch(String... ids) {
        return InstanceIdBatch.of(Arrays.stream(ids).map(InstanceId::of).collect(Collectors.toList()));
    }

    private static List<String> ids(BatchResult result) {
        return result.results().stream().map(InstanceResult::instanceId).collect(Collectors.toList());
    }

    private static List<String> statuses(BatchResult result) {
        return result.results().stream().map(r -> r.status().wire()).collect(Collectors.toList());
    }

    private static List<String> codes(BatchResult result) {
        return result.results().stream().map(InstanceResult::code).collect(Collectors.toList());
    }

    private static Map<String, Integer> map(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }

    private BindingService service(BatchLimits limits) {
        return new BindingService(new Guardrails(DeploymentConfig.defaults()), new RoleVisibilityRetry(sleeper), limits);
    }

    private RequestContext context(Duration timeLeft) {
        RequestContext base = TestContexts.of(cloud, "team-a", false);
        return new RequestContext(base.caller(), base.requestId(), false, base.cloud(), base.log(), base.startedAt(), Optional.of(timeLeft));
    }

    /** Reads the start of the batch, then is forever past any deadline. */
    private static final class PastDeadlineClock extends Clock {
        private final AtomicInteger reads = new AtomicInteger();

        @Override
        public Instant instant() {
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            return reads.getAndIncrement() == 0 ? start : start.plus(Duration.ofDays(1));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private static void assertCode(ErrorCode code, Executable call) {
        DomainException e = assertThrows(DomainException.class, call);
        assertEquals(code, e.code(), e.getMessage());
    }
}
