package io.instancerole.cloud.aliyun;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.model.Caller;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.service.Sleeper;
import io.instancerole.emulator.testing.EmulatorExtension;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The adapters wired to an emulator over loopback HTTP, and what tests read back from it. */
final class Emulated {
    static final Caller ALICE = Caller.of("alice@example.com", "team-a");
    static final RegionId REGION = RegionId.of(EmulatorExtension.REGION);
    static final String ECS_TRUST = "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":[\"ecs.aliyuncs.com\"]}}],\"Version\":\"1\"}";

    private Emulated() {}

    /** Sessions signing with {@code credentials}, waits recorded by {@code sleeper} instead of slept. */
    static AliyunCloudSessions sessions(EmulatorExtension emulator, CredentialsSource credentials, String operatorRoleArn,
            Sleeper sleeper, Clock clock) {
        CloudConfig config = new CloudConfig(emulator.endpoint(), operatorRoleArn, REGION, Backoff.DEFAULT);
        return new AliyunCloudSessions(config, credentials, sleeper, clock);
    }

    static AliyunCloudSessions rootSessions(EmulatorExtension emulator, Sleeper sleeper) {
        return sessions(emulator, root(emulator), null, sleeper, Clock.systemUTC());
    }

    static CredentialsSource root(EmulatorExtension emulator) {
        CloudCredentials root = new CloudCredentials(emulator.emulator().rootAccessKeyId(), emulator.emulator().rootAccessKeySecret(), null);
        return () -> Optional.of(root);
    }

    /** The emulator's log of calls to {@code action}, in order. */
    static List<JsonNode> calls(EmulatorExtension emulator, String action) {
        List<JsonNode> calls = new ArrayList<>();
        for (JsonNode call : emulator.control().calls()) {
            if (action.equals(call.path("action").asText())) {
                calls.add(call);
            }
        }
        return calls;
    }
}
