package io.instancerole.domain.binding;

import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.port.EcsPort;
import io.instancerole.domain.port.InstanceOutcome;
import io.instancerole.domain.service.RequestContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One batch request being carried out: the results so far (answered in request order), and the
 * ECS changes, each call for at most {@link EcsPort#MAX_IDS_PER_CALL} ids. In a dry run the
 * changes are not made and every id counts as done, so the answer has a real run's statuses.
 */
final class BatchRun {
    private final RequestContext ctx;
    private final RegionId region;
    private final RoleVisibilityRetry attachRetry;
    private final List<InstanceId> order;
    private final Map<InstanceId, InstanceResult> results = new HashMap<>();
    private boolean changed;

    BatchRun(RequestContext ctx, RegionId region, RoleVisibilityRetry attachRetry, List<InstanceId> order) {
        this.ctx = ctx;
        this.region = region;
        this.attachRetry = attachRetry;
        this.order = order;
    }

    RegionId region() {
        return region;
    }

    /** The batch's instance ids, in request order. */
    List<InstanceId> ids() {
        return order;
    }

    static <T> List<List<T>> chunks(List<T> items) {
        return EcsPort.chunks(items);
    }

    void put(InstanceResult result) {
        results.put(result.id(), result);
    }

    /** Attaches {@code role} (a just-created role's "not found" retried briefly); one outcome per id. */
    List<InstanceOutcome> attach(RoleName role, List<InstanceId> ids, String policy) {
        return mutate("AttachInstanceRamRole", role, ids, () -> attachRetry.attach(ecs(), region, role, ids, policy));
    }

    /** Detaches {@code role}, or whatever role is bound when it is null; one outcome per id. */
    List<InstanceOutcome> detach(RoleName role, List<InstanceId> ids) {
        return mutate("DetachInstanceRamRole", role, ids, () -> ecs().detachInstanceRamRole(region, role, ids));
    }

    /** Attaches a replaced role again; never throws, a failed call fails each id with its code. */
    List<InstanceOutcome> rollback(RoleName previous, List<InstanceId> ids) {
        if (ctx.dryRun()) {
            return successes(ids);
        }
        try {
            List<InstanceOutcome> outcomes = attachRetry.attach(ecs(), region, previous, ids, null);
            record("AttachInstanceRamRole", previous, outcomes, true);
            return outcomes;
        } catch (CloudException e) {
            return failures(ids, e);
        }
    }

    /**
     * A whole-call cloud failure fails the request when nothing has changed yet (the caller
     * retries it as a whole); after a change, it fails just these ids so the answer still says
     * what was done.
     */
    private List<InstanceOutcome> mutate(String action, RoleName role, List<InstanceId> ids, Supplier<List<InstanceOutcome>> call) {
        if (ctx.dryRun()) {
            return successes(ids);
        }
        List<InstanceOutcome> outcomes;
        try {
            outcomes = call.get();
        } catch (CloudException e) {
            if (!changed) {
                throw e;
            }
            outcomes = failures(ids, e);
        }
        record(action, role, outcomes, false);
        return outcomes;
    }

    private void record(String action, RoleName role, List<InstanceOutcome> outcomes, boolean rollback) {
        List<String> done = outcomes.stream().filter(InstanceOutcome::success)
                .map(o -> o.instanceId().value()).collect(Collectors.toList());
        if (done.isEmpty()) {
            return;
        }
        changed = true;
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("regionId", region.value());
        if (role != null) {
            change.put("roleName", role.value());
        }
        change.put("instanceIds", done);
        if (rollback) {
            change.put("rollback", true);
        }
        ctx.recordChange(action, change);
    }

    private static List<InstanceOutcome> successes(List<InstanceId> ids) {
        return ids.stream().map(InstanceOutcome::success).collect(Collectors.toList());
    }

    private static List<InstanceOutcome> failures(List<InstanceId> ids, CloudException e) {
        return ids.stream().map(id -> InstanceOutcome.failure(id, e.code(), e.getMessage())).collect(Collectors.toList());
    }

    private EcsPort ecs() {
        return ctx.cloud().ecs();
    }

    BatchResult result(String roleName) {
        List<InstanceResult> ordered = new ArrayList<>(order.size());
        for (InstanceId id : order) {
            InstanceResult result = results.get(id);
            if (result == null) {
                throw new IllegalStateException("no result was decided for " + id);
            }
            ordered.add(result);
        }
        return new BatchResult(region, roleName, ctx.dryRun(), ordered);
    }
}
