package io.instancerole.domain.service;

import java.time.Duration;

/** Waiting between retries, injectable so tests do not wait. */
public interface Sleeper {
    /** Sleeps; returns early (with the thread's interrupt flag set) when interrupted. */
    void sleep(Duration duration);

    static Sleeper system() {
        return duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
