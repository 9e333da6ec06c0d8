package io.instancerole.emulator;

import static io.instancerole.emulator.testing.SdkRequests.attachInstanceRamRole;
import static io.instancerole.emulator.testing.SdkRequests.createRole;
import static io.instancerole.emulator.testing.SdkRequests.detachInstanceRamRole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.ecs.model.v20140526.AttachInstanceRamRoleRequest;
import com.aliyuncs.ecs.model.v20140526.AttachInstanceRamRoleResponse;
import com.aliyuncs.ecs.model.v20140526.DetachInstanceRamRoleResponse;
import com.aliyuncs.exceptions.ClientException;
import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.emulator.client.FaultSpec;
import io.instancerole.emulator.client.NewInstance;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.emulator.testing.TrustPolicies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EcsRoleBindingSdkTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private final DefaultAcsClient root = EMULATOR.root();

    @BeforeEach
    void roles() throws ClientException {
        EMULATOR.send(root, createRole("app", TrustPolicies.ecs()));
        EMULATOR.send(root, createRole("other", TrustPolicies.ecs()));
    }

    @Test
    void attachesAndDetachesARole() throws Exception {
        String instance = vpc();

        AttachInstanceRamRoleResponse attached = EMULATOR.send(root, attachInstanceRamRole("app", instance));
        String boundInState = boundRole(instance);
        DetachInstanceRamRoleResponse detached = EMULATOR.send(root, detachInstanceRamRole(null, instance));

        assertEquals("app", attached.getRamRoleName());
        assertEquals(1, attached.getTotalCount());
        assertEquals(0, attached.getFailCount());
        AttachInstanceRamRoleResponse.AttachInstanceRamRoleResult result = attached.getAttachInstanceRamRoleResults().get(0);
        assertEquals(instance, result.getInstanceId());
        assertTrue(result.getSuccess());
        assertEquals("200", result.getCode());
        assertEquals("app", boundInState);
        assertEquals("app", detached.getRamRoleName());
        assertEquals(0, detached.getFailCount());
        assertEquals("app", detached.getDetachInstanceRamRoleResults().get(0).getInstanceRamRoleSets().get(0).getRamRoleName());
        assertNull(boundRole(instance));
    }

    @Test
    void singleInstanceFailuresAreErrorResponses() throws Exception {
        String classic = EMULATOR.control().createInstance(NewInstance.classic("cn-hangzhou"));
        String stopping = EMULATOR.control().createInstance(NewInstance.vpc("cn-hangzhou").status("Stopping"));
        String taken = vpc();
        EMULATOR.send(root, attachInstanceRamRole("app", taken));

        ClientException classicError = EMULATOR.failure(root, attachInstanceRamRole("app", classic));
        ClientException secondRole = EMULATOR.failure(root, attachInstanceRamRole("other", taken));

        assertEquals("InvalidNetworkType.MismatchRamRole", classicError.getErrCode());
        assertEquals("InvalidParameter.RamRoleAlreadyAttached", secondRole.getErrCode());
        assertTrue(secondRole.getErrMsg().contains("already has the RAM role app"), secondRole.getErrMsg());
        assertEquals("InvalidInstanceId.NotFound", code(attachInstanceRamRole("app", "i-missing")));
        assertEquals("IncorrectInstanceStatus", code(attachInstanceRamRole("app", stopping)));
        assertEquals("InvalidParameter.RamRoleNotAttached", code(detachInstanceRamRole(null, vpc())));
        assertEquals("InvalidParameter.RamRoleNotAttached", code(detachInstanceRamRole("other", taken)));
        // re-attaching the role an instance already has is not an error
        assertEquals(0, EMULATOR.send(root, attachInstanceRamRole("app", taken)).getFailCount());
        assertEquals("app", boundRole(taken));
    }

    @Test
    void roleProblemsFailTheWholeCall() throws Exception {
        EMULATOR.send(root, createRole("fc-only", TrustPolicies.service("fc.aliyuncs.com")));
        String instance = vpc();

        assertEquals("InvalidRamRole.NotEcsRole", code(attachInstanceRamRole("fc-only", instance, vpc())));
        assertEquals("InvalidRamRole.NotFound", code(attachInstanceRamRole("ghost", instance, vpc())));
        assertNull(boundRole(instance));
    }

    @Test
    void batchCallsReportEachInstance() throws Exception {
        String ok1 = vpc();
        String ok2 = vpc();
        String classic = EMULATOR.control().createInstance(NewInstance.classic("cn-hangzhou"));
        String taken = vpc();
        EMULATOR.send(root, attachInstanceRamRole("other", taken));

        AttachInstanceRamRoleResponse response = EMULATOR.send(root,
                attachInstanceRamRole("app", ok1, classic, "i-missing", taken, ok2));

        assertEquals(5, response.getTotalCount());
        assertEquals(3, response.getFailCount());
        assertEquals(List.of(ok1 + ":200", classic + ":InvalidNetworkType.MismatchRamRole",
                "i-missing:InvalidInstanceId.NotFound", taken + ":InvalidParameter.RamRoleAlreadyAttached", ok2 + ":200"),
                response.getAttachInstanceRamRoleResults().stream().map(r -> r.getInstanceId() + ":" + r.getCode())
                        .collect(Collectors.toList()));
        assertFalse(response.getAttachInstanceRamRoleResults().get(1).getSuccess());
        assertEquals("app", boundRole(ok1));
        assertEquals("app", boundRole(ok2));
        assertEquals("other", boundRole(taken));

        DetachInstanceRamRoleResponse detached = EMULATOR.send(root, detachInstanceRamRole("app", ok1, taken, ok2));
        assertEquals(3, detached.getTotalCount());
        assertEquals(1, detached.getFailCount());
        assertEquals("InvalidParameter.RamRoleNotAttached", detached.getDetachInstanceRamRoleResults().get(1).getCode());
        assertNull(boundRole(ok1));
        assertEquals("other", boundRole(taken));
    }

    @Test
    void concurrentAttachesOfTwoRolesToOneInstanceHaveOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String instance = vpc();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> outcomes = new ArrayList<>();
                for (String role : List.of("app", "other")) {
                    Callable<String> attach = () -> {
                        start.await();
                        try {
                            EMULATOR.send(root, attachInstanceRamRole(role, instance));
                            return "won:" + role;
                        } catch (ClientException e) {
                            return e.getErrCode();
                        }
                    };
                    outcomes.add(pool.submit(attach));
                }
                start.countDown();
                List<String> results = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    results.add(outcome.get());
                }

                List<String> winners = results.stream().filter(r -> r.startsWith("won:")).collect(Collectors.toList());
                assertEquals(1, winners.size(), results.toString());
                assertTrue(results.contains("InvalidParameter.RamRoleAlreadyAttached"), results.toString());
                assertEquals(winners.get(0).substring(4), boundRole(instance));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void newRoleIsInvisibleToEcsDuringThePropagationDelay() throws Exception {
        EMULATOR.control().setPropagationDelay(Duration.ofMinutes(1));
        EMULATOR.send(root, createRole("fresh", TrustPolicies.ecs()));
        String instance = vpc();

        ClientException early = EMULATOR.failure(root, attachInstanceRamRole("fresh", instance));
        EMULATOR.control().setClockOffset(Duration.ofSeconds(61));
        AttachInstanceRamRoleResponse later = EMULATOR.send(root, attachInstanceRamRole("fresh", instance));

        assertEquals("InvalidRamRole.NotFound", early.getErrCode());
        assertEquals(0, later.getFailCount());
        // roles created before the delay was set were visible at once
        assertEquals(0, EMULATOR.send(root, attachInstanceRamRole("app", vpc())).getFailCount());
    }

    @Test
    void injectedFaultsAreSeenByTheSdk() throws Exception {
        String first = vpc();
        String second = vpc();
        EMULATOR.control().addFault(FaultSpec.of("AttachInstanceRamRole", "Throttling.User", 400)
                .message("Request was denied due to user flow control."));
        EMULATOR.control().addFault(FaultSpec.of("AttachInstanceRamRole", "InternalError", 500).instanceId(second));

        ClientException throttled = EMULATOR.failure(root, attachInstanceRamRole("app", first, second));
        AttachInstanceRamRoleResponse partial = EMULATOR.send(root, attachInstanceRamRole("app", first, second));
        AttachInstanceRamRoleResponse retried = EMULATOR.send(root, attachInstanceRamRole("app", second));

        assertEquals("Throttling.User", throttled.getErrCode());
        assertEquals("Request was denied due to user flow control.", throttled.getErrMsg());
        assertEquals(1, partial.getFailCount());
        assertEquals("InternalError", partial.getAttachInstanceRamRoleResults().get(1).getCode());
        assertTrue(partial.getAttachInstanceRamRoleResults().get(0).getSuccess());
        assertEquals(0, retried.getFailCount());
        assertEquals("app", boundRole(second));
    }

    @Test
    void anInstanceFaultAfterKFailsTheSecondChunkOnly() throws Exception {
        String first = vpc();
        String second = vpc();
        EMULATOR.control().addFault(FaultSpec.of("AttachInstanceRamRole", "InternalError", 500).instanceId(second).after(1));

        AttachInstanceRamRoleResponse firstChunk = EMULATOR.send(root, attachInstanceRamRole("app", second));
        EMULATOR.send(root, detachInstanceRamRole("app", second));
        AttachInstanceRamRoleResponse secondChunk = EMULATOR.send(root, attachInstanceRamRole("app", first, second));

        assertEquals(0, firstChunk.getFailCount());
        assertEquals(1, secondChunk.getFailCount());
        assertEquals("InternalError", secondChunk.getAttachInstanceRamRoleResults().get(1).getCode());
    }

    @Test
    void validatesParameters() {
        AttachInstanceRamRoleRequest noRole = new AttachInstanceRamRoleRequest();
        noRole.setInstanceIds("[\"i-1\"]");
        AttachInstanceRamRoleRequest badPolicy = attachInstanceRamRole("app", "i-1");
        badPolicy.setPolicy("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecs: X\",\"Resource\":\"*\"}]}");

        assertEquals("MissingParameter.RamRoleName", code(noRole));
        assertEquals("InvalidInstanceIds.Malformed", code(attachInstanceRamRole("app")));
        assertEquals("InvalidParameter.Policy", code(badPolicy));
    }

    private String code(com.aliyuncs.AcsRequest<?> request) {
        return EMULATOR.failure(root, request).getErrCode();
    }

    private static String vpc() {
        return EMULATOR.control().createInstance(NewInstance.vpc("cn-hangzhou"));
    }

    private static String boundRole(String instanceId) {
        for (JsonNode instance : EMULATOR.control().state().path("instances")) {
            if (instance.path("instanceId").asText().equals(instanceId)) {
                return instance.path("ramRoleName").isNull() ? null : instance.path("ramRoleName").asText();
            }
        }
        throw new AssertionError("no instance " + instanceId);
    }
}
