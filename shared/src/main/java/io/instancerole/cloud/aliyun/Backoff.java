package io.instancerole.cloud.aliyun;

import java.time.Duration;

/**
 * Capped exponential backoff with equal jitter: before retry {@code n} (1-based) wait between half
 * and all of {@code min(cap, base * 2^(n-1))}. Equal rather than full jitter so a throttled caller
 * always backs off a little.
 */
public final class Backoff {
    /** 100 ms, doubling, capped at 2 s, 4 attempts in all: about 3.5 s at worst before giving up. */
    public static final Backoff DEFAULT = new Backoff(4, Duration.ofMillis(100), Duration.ofSeconds(2));

    private final int maxAttempts;
    private final long baseMillis;
    private final long capMillis;

    public Backoff(int maxAttempts, Duration base, Duration cap) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (base.isNegative() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 <= base <= cap, got base " + base + ", cap " + cap);
        }
        this.maxAttempts = maxAttempts;
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
    }

    /** Attempts in all, the first included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The wait before retry {@code retry} (1 = the second attempt); {@code jitter} is uniform in [0, 1). */
    public Duration delayBeforeRetry(int retry, double jitter) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry is 1-based, got " + retry);
        }
        long ceiling = baseMillis;
        for (int i = 1; i < retry && ceiling < capMillis; i++) {
            ceiling = Math.min(capMillis, ceiling * 2);
        }
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (jitter * (ceiling - half + 1)));
    }
}
