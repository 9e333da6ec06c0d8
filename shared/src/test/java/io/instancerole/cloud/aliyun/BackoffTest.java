package io.instancerole.cloud.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(6, Duration.ofMillis(100), Duration.ofSeconds(2));

    @Test
    void doublesFromTheBaseWithEqualJitter() {
        // no jitter: half the ceiling; most jitter: the whole ceiling
        assertEquals(50, backoff.delayBeforeRetry(1, 0.0).toMillis());
        assertEquals(100, backoff.delayBeforeRetry(1, 0.999999).toMillis());
        assertEquals(100, backoff.delayBeforeRetry(2, 0.0).toMillis());
        assertEquals(200, backoff.delayBeforeRetry(2, 0.999999).toMillis());
        assertEquals(400, backoff.delayBeforeRetry(3, 0.999999).toMillis());
    }

    @Test
    void neverExceedsTheCap() {
        assertEquals(2000, backoff.delayBeforeRetry(6, 0.999999).toMillis());
        assertEquals(1000, backoff.delayBeforeRetry(6, 0.0).toMillis());
        assertEquals(2000, backoff.delayBeforeRetry(1000, 0.999999).toMillis());
    }

    @Test
    void everyRandomDelayLiesBetweenHalfAndAllOfItsCeiling() {
        Random random = new Random(42);
        for (int retry = 1; retry <= 10; retry++) {
            long ceiling = Math.min(2000, 100L << Math.min(retry - 1, 20));
            for (int i = 0; i < 200; i++) {
                long delay = backoff.delayBeforeRetry(retry, random.nextDouble()).toMillis();
                assertTrue(delay >= ceiling / 2 && delay <= ceiling, "retry " + retry + ": " + delay + " outside [" + ceiling / 2 + ", " + ceiling + "]");
            }
        }
    }

    @Test
    void theDefaultMakesFourAttemptsWithinTwoSecondsEach() {
        assertEquals(4, Backoff.DEFAULT.maxAttempts());
        assertTrue(Backoff.DEFAULT.delayBeforeRetry(3, 0.999999).compareTo(Duration.ofSeconds(2)) <= 0);
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(0, Duration.ofMillis(100), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> backoff.delayBeforeRetry(0, 0.5));
    }
}
