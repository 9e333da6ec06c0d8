package io.instancerole.cloud.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.port.CloudInstance;
import io.instancerole.domain.port.CloudSession;
import io.instancerole.domain.port.EcsPort;
import io.instancerole.domain.port.InstanceOutcome;
import io.instancerole.emulator.client.FaultSpec;
import io.instancerole.emulator.client.NewInstance;
import io.instancerole.emulator.testing.EmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every EcsPort method through the real SDK against the emulator: batches, paging, per-instance failures. */
class AliyunEcsPortTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static final RoleName WEB = RoleName.of("team-a-web");
    private static final RoleName DB = RoleName.of("team-a-db");

    private CloudSession session;
    private EcsPort ecs;

    @BeforeEach
    void open() {
        session = Emulated.rootSessions(EMULATOR, new RecordingSleeper()).open(Emulated.ALICE);
        ecs = session.ecs();
        session.ram().createRole(WEB, Emulated.ECS_TRUST, null, null, Map.of());
        session.ram().createRole(DB, Emulated.ECS_TRUST, null, null, Map.of());
    }

    @Test
    void describesSeveralInstancesWithTheirTagsAndNetwork() {
        InstanceId web = instance(NewInstance.vpc(Emulated.REGION.value()).tag("team", "team-a").tag("env", "生产"));
        InstanceId old = instance(NewInstance.classic(Emulated.REGION.value()).status("Stopped"));
        InstanceId missing = InstanceId.of("i-doesnotexist1");

        List<CloudInstance> found = ecs.describeInstances(Emulated.REGION, List.of(web, missing, old));

        Map<InstanceId, CloudInstance> byId = found.stream().collect(Collectors.toMap(CloudInstance::instanceId, i -> i));
        assertEquals(2, found.size());
        assertTrue(byId.get(web).isVpc());
        assertEquals(Map.of("team", "team-a", "env", "生产"), byId.get(web).tags());
        assertFalse(byId.get(old).isVpc());
        assertEquals("Stopped", byId.get(old).status());
        assertEquals("[\"" + web + "\",\"" + missing + "\",\"" + old + "\"]",
                Emulated.calls(EMULATOR, "DescribeInstances").get(0).path("params").path("InstanceIds").asText());
    }

    @Test
    void refusesMoreThanOneHundredIdsAndSkipsTheCallForNone() {
        List<InstanceId> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(InstanceId.of(String.format("i-batch%04d", i)));
        }
        assertThrows(IllegalArgumentException.class, () -> ecs.describeInstances(Emulated.REGION, tooMany));
        assertThrows(IllegalArgumentException.class, () -> ecs.attachInstanceRamRole(Emulated.REGION, WEB, tooMany, null));

        assertTrue(ecs.describeInstances(Emulated.REGION, List.of()).isEmpty());
        assertTrue(ecs.attachInstanceRamRole(Emulated.REGION, WEB, List.of(), null).isEmpty());
        assertTrue(Emulated.calls(EMULATOR, "DescribeInstances").isEmpty());
    }

    @Test
    void readsBackRolesPagingPastFiftyInstances() {
        List<InstanceId> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(instance(NewInstance.vpc(Emulated.REGION.value())));
        }
        InstanceId roleless = instance(NewInstance.vpc(Emulated.REGION.value()));
        List<InstanceOutcome> attached = ecs.attachInstanceRamRole(Emulated.REGION, WEB, ids, null);
        assertTrue(attached.stream().allMatch(InstanceOutcome::success));

        List<InstanceId> asked = new ArrayList<>(ids);
        asked.add(roleless);
        Map<InstanceId, Optional<RoleName>> roles = ecs.describeInstanceRamRoles(Emulated.REGION, asked);

        assertEquals(asked, new ArrayList<>(roles.keySet()), "every id, in request order");
        for (InstanceId id : ids) {
            assertEquals(Optional.of(WEB), roles.get(id), id.value());
        }
        assertEquals(Optional.empty(), roles.get(roleless));
        List<JsonNode> pages = Emulated.calls(EMULATOR, "DescribeInstanceRamRole");
        assertEquals(2, pages.size(), "60 bound instances at 50 a page");
        assertEquals("50", pages.get(0).path("params").path("PageSize").asText());
        assertEquals("2", pages.get(1).path("params").path("PageNumber").asText());
    }

    @Test
    void aBatchReportsEachInstanceInRequestOrder() {
        InstanceId good = instance(NewInstance.vpc(Emulated.REGION.value()));
        InstanceId classic = instance(NewInstance.classic(Emulated.REGION.value()));
        InstanceId taken = instance(NewInstance.vpc(Emulated.REGION.value()));
        InstanceId faulty = instance(NewInstance.vpc(Emulated.REGION.value()));
        InstanceId missing = InstanceId.of("i-doesnotexist2");
        ecs.attachInstanceRamRole(Emulated.REGION, DB, List.of(taken), null);
        EMULATOR.control().addFault(FaultSpec.of("AttachInstanceRamRole", "InternalError.Instance", 500).instanceId(faulty.value()));

        List<InstanceOutcome> outcomes = ecs.attachInstanceRamRole(Emulated.REGION, WEB, List.of(classic, good, missing, taken, faulty),
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\"}]}");

        assertEquals(List.of(classic, good, missing, taken, faulty), outcomes.stream().map(InstanceOutcome::instanceId).collect(Collectors.toList()));
        assertEquals("InvalidNetworkType.MismatchRamRole", outcomes.get(0).code());
        assertTrue(outcomes.get(1).success());
        assertNull(outcomes.get(1).code());
        assertEquals("InvalidInstanceId.NotFound", outcomes.get(2).code());
        assertEquals("InvalidParameter.RamRoleAlreadyAttached", outcomes.get(3).code());
        assertEquals("InternalError.Instance", outcomes.get(4).code());
        assertFalse(outcomes.get(0).message().isEmpty());
        assertEquals(2, Emulated.calls(EMULATOR, "AttachInstanceRamRole").size(), "the setup's attach and one batch call, not retried");
        assertEquals(Optional.of(WEB), ecs.describeInstanceRamRoles(Emulated.REGION, List.of(good)).get(good));
    }

    @Test
    void aSingleInstanceFailureIsThatInstancesOutcomeNotAnException() {
        InstanceId classic = instance(NewInstance.classic(Emulated.REGION.value()));
        InstanceId missing = InstanceId.of("i-doesnotexist3");

        List<InstanceOutcome> outcome = ecs.attachInstanceRamRole(Emulated.REGION, WEB, List.of(classic), null);
        List<InstanceOutcome> detached = ecs.detachInstanceRamRole(Emulated.REGION, null, List.of(missing));

        assertEquals(1, outcome.size());
        assertFalse(outcome.get(0).success());
        assertEquals("InvalidNetworkType.MismatchRamRole", outcome.get(0).code());
        assertEquals("InvalidInstanceId.NotFound", detached.get(0).code());
    }

    @Test
    void problemsOfTheWholeRequestAreExceptions() {
        InstanceId vm = instance(NewInstance.vpc(Emulated.REGION.value()));
        RoleName untrusted = RoleName.of("team-a-untrusted");
        session.ram().createRole(untrusted, "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":[\"fc.aliyuncs.com\"]}}],\"Version\":\"1\"}", null, null, Map.of());

        CloudException notEcs = assertThrows(CloudException.class, () -> ecs.attachInstanceRamRole(Emulated.REGION, untrusted, List.of(vm), null));
        CloudException unknown = assertThrows(CloudException.class,
                () -> ecs.attachInstanceRamRole(Emulated.REGION, RoleName.of("team-a-nope"), List.of(vm), null));

        assertEquals("InvalidRamRole.NotEcsRole", notEcs.code());
        assertEquals(CloudException.Kind.INVALID, notEcs.kind());
        assertEquals("InvalidRamRole.NotFound", unknown.code());
        assertEquals(CloudException.Kind.NOT_FOUND, unknown.kind());
        assertEquals("AttachInstanceRamRole", unknown.action());
    }

    @Test
    void detachesPerInstanceWithOrWithoutTheRoleName() {
        InstanceId web1 = instance(NewInstance.vpc(Emulated.REGION.value()));
        InstanceId web2 = instance(NewInstance.vpc(Emulated.REGION.value()));
        InstanceId db = instance(NewInstance.vpc(Emulated.REGION.value()));
        InstanceId none = instance(NewInstance.vpc(Emulated.REGION.value()));
        ecs.attachInstanceRamRole(Emulated.REGION, WEB, List.of(web1, web2), null);
        ecs.attachInstanceRamRole(Emulated.REGION, DB, List.of(db), null);

        List<InstanceOutcome> byName = ecs.detachInstanceRamRole(Emulated.REGION, WEB, List.of(web1, db, none));
        List<InstanceOutcome> whatever = ecs.detachInstanceRamRole(Emulated.REGION, null, List.of(web2, db));

        assertTrue(byName.get(0).success());
        assertEquals("InvalidParameter.RamRoleNotAttached", byName.get(1).code(), "db has another role and keeps it");
        assertEquals("InvalidParameter.RamRoleNotAttached", byName.get(2).code());
        assertTrue(whatever.get(0).success() && whatever.get(1).success());
        Map<InstanceId, Optional<RoleName>> roles = ecs.describeInstanceRamRoles(Emulated.REGION, List.of(web1, web2, db, none));
        assertTrue(roles.values().stream().noneMatch(Optional::isPresent), roles.toString());
    }

    private static InstanceId instance(NewInstance instance) {
        return InstanceId.of(EMULATOR.control().createInstance(instance));
    }
}
