package io.instancerole.domain.role;

import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.guard.Guardrails;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.port.CloudRole;
import io.instancerole.domain.port.RamPort;
import io.instancerole.domain.service.CloudErrors;
import io.instancerole.domain.service.RequestContext;
import io.instancerole.domain.service.Status;
import io.instancerole.policy.TrustPolicyEvaluator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** createRole: ensures a RAM role that ECS may assume, with the description and session duration asked for. */
public final class CreateRoleService {
    private final Guardrails guardrails;

    public CreateRoleService(Guardrails guardrails) {
        this.guardrails = guardrails;
    }

    public CreateRoleResult createRole(RequestContext ctx, CreateRoleRequest request) {
        return CloudErrors.translate(() -> {
            guardrails.checkMayEnsureRole(ctx, request.roleName());
            RamPort ram = ctx.cloud().ram();
            Optional<CloudRole> existing = ram.getRole(request.roleName());
            if (existing.isEmpty()) {
                return create(ctx, ram, request, guardrails.ownerTags(ctx.caller()));
            }
            CloudRole role = existing.get();
            requireTrustedByEcs(role);
            String newDescription = differs(request.description(), normalize(role.description()))
                    ? request.description() : null;
            Integer newMaxSessionDuration = request.maxSessionDuration() != null
                    && request.maxSessionDuration() != role.maxSessionDuration() ? request.maxSessionDuration() : null;
            if (newDescription == null && newMaxSessionDuration == null) {
                return new CreateRoleResult(Status.UNCHANGED, ctx.dryRun(), RoleView.of(role));
            }
            if (ctx.dryRun()) {
                return new CreateRoleResult(Status.UPDATED, true, RoleView.of(role).updatedWith(newDescription, newMaxSessionDuration));
            }
            CloudRole updated = ram.updateRole(request.roleName(), newDescription, newMaxSessionDuration);
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("roleName", request.roleName().value());
            if (newDescription != null) {
                change.put("description", newDescription);
            }
            if (newMaxSessionDuration != null) {
                change.put("maxSessionDuration", newMaxSessionDuration);
            }
            ctx.recordChange("UpdateRole", change);
            return new CreateRoleResult(Status.UPDATED, false, RoleView.of(updated));
        });
    }

    private static CreateRoleResult create(RequestContext ctx, RamPort ram, CreateRoleRequest request, Map<String, String> tags) {
        RoleName name = request.roleName();
        if (ctx.dryRun()) {
            return new CreateRoleResult(Status.CREATED, true, RoleView.planned(name, request.description(), request.maxSessionDuration()));
        }
        CloudRole created = ram.createRole(name, EcsTrust.TRUST_POLICY, request.description(), request.maxSessionDuration(), tags);
        ctx.recordChange("CreateRole", Map.of("roleName", name.value()));
        return new CreateRoleResult(Status.CREATED, false, RoleView.of(created));
    }

    private static void requireTrustedByEcs(CloudRole role) {
        if (!TrustPolicyEvaluator.trustsService(role.assumeRolePolicyDocument(), EcsTrust.SERVICE)) {
            throw new DomainException(ErrorCode.RoleConflict, "role '" + role.roleName() + "' already exists but its trust policy does not let "
                    + EcsTrust.SERVICE + " assume it, so it is not an instance role; choose another name or change that role's trust policy");
        }
    }

    /** RAM reports a missing description as empty or absent; both mean "none". */
    private static String normalize(String description) {
        return description == null ? "" : description;
    }

    private static boolean differs(String asked, String current) {
        return asked != null && !Objects.equals(asked, current);
    }
}
