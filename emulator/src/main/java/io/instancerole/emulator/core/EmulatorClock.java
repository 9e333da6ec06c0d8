package io.instancerole.emulator.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The account's notion of now: the system clock plus an offset that tests move forward to expire
 * sessions and let roles propagate without sleeping. Request Timestamps and nonces are checked
 * against the real clock instead, as a client's clock moves with time.
 */
public final class EmulatorClock {
    private volatile Duration offset = Duration.ZERO;

    public Instant now() {
        return Instant.now().plus(offset);
    }

    public Duration offset() {
        return offset;
    }

    public void setOffset(Duration offset) {
        this.offset = Objects.requireNonNull(offset, "offset");
    }
}
