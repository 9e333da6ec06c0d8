package io.instancerole.domain.binding;

import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.port.EcsPort;
import io.instancerole.domain.port.InstanceOutcome;
import io.instancerole.domain.service.SharedWait;
import io.instancerole.domain.service.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Attaches a role, retrying briefly while ECS does not see it yet: a role that was just created
 * is "not found" on the ECS side for a moment. Bounded: a few attempts with doubling delays. The
 * chunks of one batch share one {@link SharedWait}: while one waits for the role to appear, the
 * others wait with it rather than each on its own schedule.
 */
public final class RoleVisibilityRetry {
    /** ECS's answer for a role it does not know (yet). */
    public static final String ROLE_NOT_FOUND = "InvalidRamRole.NotFound";
    public static final int DEFAULT_ATTEMPTS = 5;
    public static final Duration DEFAULT_FIRST_DELAY = Duration.ofMillis(250);
    private static final Duration MAX_DELAY = Duration.ofSeconds(2);

    private final Sleeper sleeper;
    private final int attempts;
    private final Duration firstDelay;

    public RoleVisibilityRetry(Sleeper sleeper) {
        this(sleeper, DEFAULT_ATTEMPTS, DEFAULT_FIRST_DELAY);
    }

    public RoleVisibilityRetry(Sleeper sleeper, int attempts, Duration firstDelay) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.sleeper = sleeper;
        this.attempts = attempts;
        this.firstDelay = firstDelay;
    }

    /**
     * One outcome per id in the order of {@code ids} (at most {@link EcsPort#MAX_IDS_PER_CALL}).
     * Only the ids ECS answered "role not found" for are tried again; when the attempts are spent
     * they fail with that code. Any other whole-call failure is thrown, unless an earlier attempt
     * already attached some ids: then the rest fail with its code, so the caller learns what changed.
     */
    public List<InstanceOutcome> attach(EcsPort ecs, RegionId region, RoleName role, List<InstanceId> ids, String policy,
            SharedWait visibility) {
        Map<InstanceId, InstanceOutcome> outcomes = new HashMap<>();
        List<InstanceId> pending = ids;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            boolean last = attempt >= attempts || Thread.currentThread().isInterrupted();
            long ticket = visibility.ticket();
            List<InstanceOutcome> answer;
            try {
                answer = ecs.attachInstanceRamRole(region, role, pending, policy);
            } catch (CloudException e) {
                if (!last && isRoleNotFound(e)) {
                    awaitVisibility(visibility, ticket);
                    continue;
                }
                if (!isRoleNotFound(e) && outcomes.values().stream().noneMatch(InstanceOutcome::success)) {
                    throw e;
                }
                for (InstanceId id : pending) {
                    outcomes.put(id, InstanceOutcome.failure(id, e.code(), e.getMessage()));
                }
                break;
            }
            List<InstanceId> notVisible = new ArrayList<>();
            for (InstanceOutcome outcome : answer) {
                if (!last && !outcome.success() && ROLE_NOT_FOUND.equals(outcome.code())) {
                    notVisible.add(outcome.instanceId());
                } else {
                    outcomes.put(outcome.instanceId(), outcome);
                }
            }
            pending = notVisible;
            if (!pending.isEmpty()) {
                awaitVisibility(visibility, ticket);
            }
        }
        List<InstanceOutcome> ordered = new ArrayList<>(ids.size());
        for (InstanceId id : ids) {
            InstanceOutcome outcome = outcomes.get(id);
            if (outcome == null) {
                throw new IllegalStateException("ECS answered no outcome for " + id + " in AttachInstanceRamRole");
            }
            ordered.add(outcome);
        }
        return ordered;
    }

    private static boolean isRoleNotFound(CloudException e) {
        return e.kind() == CloudException.Kind.NOT_FOUND && ROLE_NOT_FOUND.equals(e.code());
    }

    /** The batch's wait number {@code n} (from 0) lasts the first delay doubled {@code n} times, at most {@link #MAX_DELAY}. */
    private void awaitVisibility(SharedWait visibility, long ticket) {
        visibility.await(ticket, n -> {
            Duration delay = firstDelay;
            for (long i = 0; i < n && delay.compareTo(MAX_DELAY) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            sleeper.sleep(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
        });
    }
}
