package io.instancerole.emulator.core;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as the cloud writes them: UTC, whole seconds, e.g. {@code 2015-01-23T12:33:18Z}. */
public final class Times {
    private Times() {}

    public static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
