package io.instancerole.domain.binding;

import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.port.EcsPort;
import io.instancerole.domain.port.InstanceOutcome;
import io.instancerole.domain.service.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Attaches a role, retrying briefly while ECS does not see it yet: a role that was just created
 * is "not found" on the ECS side for a moment. Bounded: a few attempts with doubling delays.
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
    public List<InstanceOutcome> attach(EcsPort ecs, RegionId region, RoleName role, List<InstanceId> ids, String policy) {
        Map<InstanceId, InstanceOutcome> outcomes = new HashMap<>();
        List<InstanceId> pending = ids;
        Duration delay = firstDelay;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            boolean last = attempt >= attempts || Thread.currentThread().isInterrupted();
            List<InstanceOutcome> answer;
            try {
                answer = ecs.attachInstanceRamRole(region, role, pending, policy);
            } catch (CloudException e) {
                if (!last && isRoleNotFound(e)) {
                    sleeper.sleep(delay);
                    delay = next(delay);
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
                sleeper.sleep(delay);
                delay = next(delay);
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

    private static Duration next(Duration delay) {
        Duration doubled = delay.multipliedBy(2);
        return doubled.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : doubled;
    }
}
