package io.instancerole.domain.binding;

import io.instancerole.domain.config.DeploymentConfig;
import io.instancerole.domain.service.RequestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** How a batch is worked on: how many chunks at once, and when it stops starting new ones. */
public final class BatchLimits {
    private final int concurrency;
    private final Duration deadline;
    private final Clock clock;

    /** {@code clock} tells when the deadline has come; a test may give one that moves as it likes. */
    public BatchLimits(int concurrency, Duration deadline, Clock clock) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.concurrency = concurrency;
        this.deadline = deadline;
        this.clock = clock;
    }

    /** BATCH_CONCURRENCY and BATCH_DEADLINE_MS of the deployment. */
    public static BatchLimits of(DeploymentConfig config, Clock clock) {
        return new BatchLimits(config.batchConcurrency(), config.batchDeadline(), clock);
    }

    int concurrency() {
        return concurrency;
    }

    Clock clock() {
        return clock;
    }

    /**
     * From now, the configured deadline, but never past half the time the function has left: a
     * chunk started just before the deadline then has at least as long again to finish before
     * Function Compute stops the function.
     */
    Instant deadlineFor(RequestContext ctx) {
        Duration limit = ctx.timeLeft().map(left -> left.dividedBy(2)).filter(half -> half.compareTo(deadline) < 0).orElse(deadline);
        return clock.instant().plus(limit);
    }
}
