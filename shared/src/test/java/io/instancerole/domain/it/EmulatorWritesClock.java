package io.instancerole.domain.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.emulator.client.EmulatorControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Time as a batch would see it if only ECS changes took time: {@code perWrite} passes with every
 * AttachInstanceRamRole or DetachInstanceRamRole in the emulator's call log, and nothing else moves
 * it. A deadline then cuts a batch at the same point however loaded the machine is, and a repeated
 * request, whose finished chunks only read, gets further than the one before.
 */
final class EmulatorWritesClock extends Clock {
    private final EmulatorControl control;
    private final Duration perWrite;

    EmulatorWritesClock(EmulatorControl control, Duration perWrite) {
        this.control = control;
        this.perWrite = perWrite;
    }

    @Override
    public Instant instant() {
        long writes = 0;
        for (JsonNode call : control.calls()) {
            String action = call.path("action").asText();
            if (action.equals("AttachInstanceRamRole") || action.equals("DetachInstanceRamRole")) {
                writes++;
            }
        }
        return Instant.EPOCH.plus(perWrite.multipliedBy(writes));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock in UTC only");
    }
}
