package io.instancerole.domain.binding;

import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.guard.Guardrails;
import io.instancerole.domain.model.Caller;
import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.port.CloudInstance;
import io.instancerole.domain.port.CloudRole;
import io.instancerole.domain.port.EcsPort;
import io.instancerole.domain.port.InstanceOutcome;
import io.instancerole.domain.role.EcsTrust;
import io.instancerole.domain.service.CloudErrors;
import io.instancerole.domain.service.Json;
import io.instancerole.domain.service.RequestContext;
import io.instancerole.domain.service.Status;
import io.instancerole.policy.TrustPolicyEvaluator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * bindRole, unbindRole and replaceRole on batches of instances, in chunks of at most 100 ids
 * worked on a few at a time (see {@link BatchRun}). Per chunk: read the instances
 * (DescribeInstances and DescribeInstanceRamRole), decide every instance's fate, then change only
 * what needs changing.
 */
public final class BindingService {
    private final Guardrails guardrails;
    private final RoleVisibilityRetry attachRetry;
    private final BatchLimits limits;

    public BindingService(Guardrails guardrails, RoleVisibilityRetry attachRetry, BatchLimits limits) {
        this.guardrails = guardrails;
        this.attachRetry = attachRetry;
        this.limits = limits;
    }

    /** Per instance: {@code bound}, {@code unchanged} (already this role) or {@code failed}. */
    public BatchResult bind(RequestContext ctx, BindRequest request) {
        return CloudErrors.translate(() -> {
            RegionId region = guardrails.region(request.regionId());
            CloudRole role = requireInstanceRole(ctx, request.roleName());
            BatchRun batch = new BatchRun(ctx, region, attachRetry, limits, request.instanceIds().ids());
            batch.forEachChunk(chunk -> {
                List<InstanceId> toAttach = new ArrayList<>();
                forEachAllowed(ctx, batch, chunk, true, (id, instance) -> {
                    if (instance.role.isPresent() && instance.role.get().equals(request.roleName())) {
                        batch.put(InstanceResult.done(id, Status.UNCHANGED));
                    } else if (instance.role.isPresent()) {
                        batch.put(InstanceResult.failed(id, InstanceResult.INSTANCE_HAS_OTHER_ROLE, "instance " + id
                                + " is bound to role '" + instance.role.get() + "' and ECS allows one role per instance;"
                                + " use POST /v1/role-bindings/replace to change it"));
                    } else if (!instance.instance.canTakeRole()) {
                        batch.put(cannotTakeRole(id, instance.instance));
                    } else {
                        toAttach.add(id);
                    }
                });
                if (!toAttach.isEmpty()) {
                    for (InstanceOutcome outcome : batch.attach(request.roleName(), toAttach, request.policy())) {
                        batch.put(outcome.success() ? InstanceResult.done(outcome.instanceId(), Status.BOUND) : cloudFailure(outcome));
                    }
                }
            });
            return batch.result(role.roleName());
        });
    }

    /** Per instance: {@code unbound}, {@code unchanged} (no role) or {@code failed}. */
    public BatchResult unbind(RequestContext ctx, UnbindRequest request) {
        return CloudErrors.translate(() -> {
            RegionId region = guardrails.region(request.regionId());
            if (request.roleName() != null) {
                guardrails.requireRole(ctx, request.roleName());
            }
            BatchRun batch = new BatchRun(ctx, region, attachRetry, limits, request.instanceIds().ids());
            batch.forEachChunk(chunk -> {
                List<InstanceId> toDetach = new ArrayList<>();
                forEachAllowed(ctx, batch, chunk, false, (id, instance) -> {
                    if (instance.role.isEmpty()) {
                        batch.put(InstanceResult.done(id, Status.UNCHANGED));
                    } else if (request.roleName() != null && !instance.role.get().equals(request.roleName())) {
                        batch.put(InstanceResult.failed(id, InstanceResult.INSTANCE_HAS_OTHER_ROLE, "instance " + id
                                + " is bound to role '" + instance.role.get() + "', not '" + request.roleName() + "'; it keeps its role"));
                    } else {
                        toDetach.add(id);
                    }
                });
                if (!toDetach.isEmpty()) {
                    for (InstanceOutcome outcome : batch.detach(request.roleName(), toDetach)) {
                        batch.put(outcome.success() ? InstanceResult.done(outcome.instanceId(), Status.UNBOUND) : cloudFailure(outcome));
                    }
                }
            });
            return batch.result(request.roleName() == null ? null : request.roleName().value());
        });
    }

    /**
     * Per instance: {@code unchanged}, {@code bound} (had none), {@code replaced} or {@code failed}.
     * ECS has no replace call: per chunk, the old roles are detached, the new one attached, and
     * where that attach fails the old role is attached again, so no instance is silently left
     * without a role.
     */
    public BatchResult replace(RequestContext ctx, ReplaceRequest request) {
        return CloudErrors.translate(() -> {
            RegionId region = guardrails.region(request.regionId());
            CloudRole role = requireInstanceRole(ctx, request.roleName());
            BatchRun batch = new BatchRun(ctx, region, attachRetry, limits, request.instanceIds().ids());
            batch.forEachChunk(chunk -> {
                List<InstanceId> toChange = new ArrayList<>();
                Map<InstanceId, RoleName> previous = new HashMap<>();
                forEachAllowed(ctx, batch, chunk, true, (id, instance) -> {
                    if (instance.role.isPresent() && instance.role.get().equals(request.roleName())) {
                        // checked before the expectation, so repeating a replace that succeeded answers unchanged
                        batch.put(InstanceResult.done(id, Status.UNCHANGED));
                    } else if (request.expectedCurrentRoleName() != null
                            && !instance.role.equals(Optional.of(request.expectedCurrentRoleName()))) {
                        batch.put(InstanceResult.failed(id, InstanceResult.UNEXPECTED_CURRENT_ROLE, "instance " + id + " is bound to "
                                + instance.role.map(r -> "role '" + r + "'").orElse("no role") + ", not the expected '"
                                + request.expectedCurrentRoleName() + "'; nothing was changed"));
                    } else if (!instance.instance.canTakeRole()) {
                        // before the detach: the attach would fail, and so would attaching the old role again
                        batch.put(cannotTakeRole(id, instance.instance));
                    } else {
                        toChange.add(id);
                        instance.role.ifPresent(r -> previous.put(id, r));
                    }
                });
                replaceChunk(ctx, batch, region, request, toChange, previous);
            });
            return batch.result(role.roleName());
        });
    }

    /** Detaches the old roles of a chunk's {@code toChange}, attaches the new one, and rolls back where that attach failed. */
    private void replaceChunk(RequestContext ctx, BatchRun batch, RegionId region, ReplaceRequest request, List<InstanceId> toChange,
            Map<InstanceId, RoleName> previous) {
        List<InstanceId> toAttach = new ArrayList<>();
        List<InstanceId> toDetach = new ArrayList<>();
        for (InstanceId id : toChange) {
            (previous.containsKey(id) ? toDetach : toAttach).add(id);
        }
        if (!toDetach.isEmpty()) {
            for (InstanceOutcome outcome : batch.detach(request.expectedCurrentRoleName(), toDetach)) {
                if (outcome.success()) {
                    toAttach.add(outcome.instanceId());
                } else {
                    batch.put(cloudFailure(outcome));
                }
            }
        }
        if (toAttach.isEmpty()) {
            return;
        }
        Map<RoleName, List<InstanceId>> toRollBack = new LinkedHashMap<>();
        Map<InstanceId, InstanceOutcome> attachFailures = new HashMap<>();
        for (InstanceOutcome outcome : batch.attach(request.roleName(), toAttach, null)) {
            InstanceId id = outcome.instanceId();
            RoleName old = previous.get(id);
            if (outcome.success()) {
                batch.put(old == null ? InstanceResult.done(id, Status.BOUND) : InstanceResult.replaced(id, old.value()));
            } else if (old == null) {
                batch.put(cloudFailure(outcome));
            } else {
                toRollBack.computeIfAbsent(old, r -> new ArrayList<>()).add(id);
                attachFailures.put(id, outcome);
            }
        }
        toRollBack.forEach((old, ids) -> {
            for (InstanceOutcome rollback : batch.rollback(old, ids)) {
                InstanceId id = rollback.instanceId();
                InstanceOutcome failure = attachFailures.get(id);
                String attachError = "attaching role '" + request.roleName() + "' failed (" + failure.code() + ": " + failure.message() + ")";
                if (rollback.success()) {
                    batch.put(InstanceResult.failedAfterDetach(id, failure.code(), attachError + "; role '" + old
                            + "' was attached again, so the instance is as it was", old.value(), true));
                } else {
                    batch.put(InstanceResult.failedAfterDetach(id, InstanceResult.ROLLBACK_FAILED, attachError + " after role '" + old
                            + "' was detached, and attaching '" + old + "' again failed too (" + rollback.code() + ": " + rollback.message()
                            + "): the instance has no RAM role now; this was logged for operators; bind a role to it again", old.value(), false));
                    logRollbackFailure(ctx, region, id, old, request.roleName(), failure, rollback);
                }
            }
        });
    }

    /** An error-level line with everything an operator needs to repair the instance by hand. */
    private static void logRollbackFailure(RequestContext ctx, RegionId region, InstanceId id, RoleName old, RoleName wanted,
            InstanceOutcome attach, InstanceOutcome rollback) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "rollbackFailed");
        line.put("level", "ERROR");
        line.put("requestId", ctx.requestId());
        line.put("callerId", ctx.caller().id());
        line.put("callerTeam", ctx.caller().team());
        line.put("regionId", region.value());
        line.put("instanceId", id.value());
        line.put("previousRoleName", old.value());
        line.put("roleName", wanted.value());
        line.put("attachCode", attach.code());
        line.put("attachMessage", attach.message());
        line.put("rollbackCode", rollback.code());
        line.put("rollbackMessage", rollback.message());
        line.put("repair", "instance " + id + " in " + region + " has no RAM role: attach '" + old + "' (its role before) or '"
                + wanted + "' to it, e.g. POST /v1/role-bindings {\"regionId\":\"" + region + "\",\"roleName\":\"" + old
                + "\",\"instanceIds\":[\"" + id + "\"]}");
        ctx.log().error(Json.write(line));
    }

    private CloudRole requireInstanceRole(RequestContext ctx, RoleName name) {
        CloudRole role = guardrails.requireRole(ctx, name);
        if (!TrustPolicyEvaluator.trustsService(role.assumeRolePolicyDocument(), EcsTrust.SERVICE)) {
            throw new DomainException(ErrorCode.RoleNotTrustedByEcs, "role '" + role.roleName() + "' is not trusted by "
                    + EcsTrust.SERVICE + ", so ECS cannot give it to instances; use a role made with POST /v1/roles");
        }
        return role;
    }

    /**
     * Reads a chunk's instances, fails each that breaks a per-instance rule (see {@link #refusal})
     * and hands every other one to {@code decide}, in request order, before any change is made.
     */
    private void forEachAllowed(RequestContext ctx, BatchRun batch, List<InstanceId> chunk, boolean mustBeVpc,
            BiConsumer<InstanceId, Observed> decide) {
        Map<InstanceId, Observed> observed = observe(ctx.cloud().ecs(), batch.region(), chunk);
        for (InstanceId id : chunk) {
            Observed instance = observed.get(id);
            Optional<InstanceResult> refusal = refusal(ctx.caller(), batch.region(), id, instance, mustBeVpc);
            if (refusal.isPresent()) {
                batch.put(refusal.get());
            } else {
                decide.accept(id, instance);
            }
        }
    }

    /** The per-instance rules, in order: it exists, the caller owns it, and (to bind) it is in a VPC. */
    private Optional<InstanceResult> refusal(Caller caller, RegionId region, InstanceId id, Observed instance, boolean mustBeVpc) {
        // another team's instance fails exactly as a missing one
        if (instance == null || !guardrails.ownsInstance(caller, instance.instance)) {
            return Optional.of(InstanceResult.failed(id, InstanceResult.INSTANCE_NOT_FOUND,
                    guardrails.instanceNotFoundMessage(caller, id, region)));
        }
        if (mustBeVpc && !instance.instance.isVpc()) {
            return Optional.of(InstanceResult.failed(id, InstanceResult.INSTANCE_NOT_VPC, "instance " + id + " is in the "
                    + instance.instance.networkType() + " network; ECS gives RAM roles only to VPC instances"));
        }
        return Optional.empty();
    }

    /**
     * ECS refuses the attach for this status, but says so only when asked: deciding it here, before
     * any change, lets a dry run answer what the real run will.
     */
    private static InstanceResult cannotTakeRole(InstanceId id, CloudInstance instance) {
        return InstanceResult.failed(id, InstanceResult.INCORRECT_INSTANCE_STATUS, "instance " + id + " is " + instance.status()
                + "; ECS gives a RAM role only to an instance that is Running or Stopped: try again once it is");
    }

    private static InstanceResult cloudFailure(InstanceOutcome outcome) {
        return InstanceResult.failed(outcome.instanceId(), outcome.code(), outcome.message());
    }

    /** The instances that exist among a chunk's ids (at most 100), each with its bound role. */
    private static Map<InstanceId, Observed> observe(EcsPort ecs, RegionId region, List<InstanceId> chunk) {
        Map<InstanceId, CloudInstance> found = new LinkedHashMap<>();
        for (CloudInstance instance : ecs.describeInstances(region, chunk)) {
            found.put(instance.instanceId(), instance);
        }
        Map<InstanceId, Optional<RoleName>> roles = found.isEmpty() ? Map.of()
                : ecs.describeInstanceRamRoles(region, new ArrayList<>(found.keySet()));
        Map<InstanceId, Observed> observed = new HashMap<>();
        found.forEach((id, instance) -> observed.put(id, new Observed(instance, roles.getOrDefault(id, Optional.empty()))));
        return observed;
    }

    /** An instance as read before any change. */
    private static final class Observed {
        final CloudInstance instance;
        final Optional<RoleName> role;

        Observed(CloudInstance instance, Optional<RoleName> role) {
            this.instance = instance;
            this.role = role;
        }
    }
}
