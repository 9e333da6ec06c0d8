package io.instancerole.domain.binding;

import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.port.EcsPort;
import io.instancerole.domain.port.InstanceOutcome;
import io.instancerole.domain.service.RequestContext;
import io.instancerole.domain.service.SharedWait;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One batch request being carried out: its chunks of at most {@link EcsPort#MAX_IDS_PER_CALL}
 * instances, worked on a few at a time (see {@link ChunkWorkers}), the results so far (answered in
 * request order), and the ECS changes. In a dry run the changes are not made and every id counts
 * as done, so the answer has a real run's statuses. Its methods are called from the request's
 * workers at once: results and the "changed" mark are thread-safe.
 */
final class BatchRun {
    private final RequestContext ctx;
    private final RegionId region;
    private final RoleVisibilityRetry attachRetry;
    private final BatchLimits limits;
    private final List<InstanceId> order;
    private final Map<InstanceId, InstanceResult> results = new ConcurrentHashMap<>();
    private final SharedWait roleVisibility = new SharedWait();
    private final AtomicBoolean changed = new AtomicBoolean();
    private final AtomicBoolean hadWork = new AtomicBoolean();

    BatchRun(RequestContext ctx, RegionId region, RoleVisibilityRetry attachRetry, BatchLimits limits, List<InstanceId> order) {
        this.ctx = ctx;
        this.region = region;
        this.attachRetry = attachRetry;
        this.limits = limits;
        this.order = order;
    }

    RegionId region() {
        return region;
    }

    /**
     * Runs {@code work} on each chunk of the batch, a few at a time, until the deadline (see
     * {@link ChunkWorkers} for when it stops starting chunks). Afterwards
     * every instance has a result: a chunk that failed as a whole fails the request when nothing
     * was changed (the caller repeats it as a whole), else fails its instances that have no result
     * yet; the instances of chunks never started are {@code skipped}.
     */
    void forEachChunk(Consumer<List<InstanceId>> work) {
        List<List<InstanceId>> chunks = EcsPort.chunks(order);
        ChunkWorkers workers = new ChunkWorkers(chunks, limits.clock(), limits.deadlineFor(ctx), hadWork::get, work);
        workers.run(limits.concurrency(), ctx.requestId());
        Map<Integer, CloudException> failures = workers.failures();
        if (!failures.isEmpty() && !changed.get()) {
            throw failures.values().iterator().next();
        }
        failures.forEach((index, e) -> {
            for (InstanceId id : chunks.get(index)) {
                results.putIfAbsent(id, InstanceResult.failed(id, e.code(), e.getMessage()));
            }
        });
        String code;
        String reason;
        if (failures.isEmpty()) {
            code = InstanceResult.DEADLINE_EXCEEDED;
            reason = "this request's deadline came before it was reached";
        } else {
            CloudException first = failures.values().iterator().next();
            code = first.code();
            reason = "the cloud refused another part of this batch (" + first.action() + ": " + first.code() + ") before it was reached";
        }
        for (List<InstanceId> chunk : chunks.subList(workers.started(), chunks.size())) {
            for (InstanceId id : chunk) {
                results.put(id, InstanceResult.skipped(id, code, "instance " + id + " was not attempted: " + reason
                        + "; nothing was done to it. Send the same request again to finish the job"));
            }
        }
    }

    void put(InstanceResult result) {
        results.put(result.id(), result);
    }

    /** Attaches {@code role} (a just-created role's "not found" retried briefly); one outcome per id. */
    List<InstanceOutcome> attach(RoleName role, List<InstanceId> ids, String policy) {
        return mutate("AttachInstanceRamRole", role, ids, () -> attachRetry.attach(ecs(), region, role, ids, policy, roleVisibility));
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
            List<InstanceOutcome> outcomes = attachRetry.attach(ecs(), region, previous, ids, null, roleVisibility);
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
        hadWork.set(true);
        if (ctx.dryRun()) {
            return successes(ids);
        }
        List<InstanceOutcome> outcomes;
        try {
            outcomes = call.get();
        } catch (CloudException e) {
            if (!changed.get()) {
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
        changed.set(true);
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
