package io.instancerole.emulator.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The emulator's notion of now: the system clock plus an offset that tests can move forward (to
 * expire sessions or make a request's Timestamp stale without sleeping).
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
