package io.instancerole.domain.describe;

import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.guard.Guardrails;
import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.port.CloudRole;
import io.instancerole.domain.port.EcsPort;
import io.instancerole.domain.role.RoleView;
import io.instancerole.domain.service.CloudErrors;
import io.instancerole.domain.service.RequestContext;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** describe: reads back an instance's role, or a role with its policies. Reads only. */
public final class DescribeService {
    private final Guardrails guardrails;

    public DescribeService(Guardrails guardrails) {
        this.guardrails = guardrails;
    }

    /** {@code regionId} null means the deployment's default. Non-admins see only their team's instances. */
    public InstanceRoleResult describeInstanceRole(RequestContext ctx, RegionId regionId, InstanceId instanceId) {
        return CloudErrors.translate(() -> {
            RegionId region = guardrails.region(regionId);
            EcsPort ecs = ctx.cloud().ecs();
            // another team's instance answers as a missing one
            ecs.describeInstances(region, List.of(instanceId)).stream()
                    .filter(i -> i.instanceId().equals(instanceId) && guardrails.ownsInstance(ctx.caller(), i))
                    .findFirst()
                    .orElseThrow(() -> new DomainException(ErrorCode.InstanceNotFound,
                            guardrails.instanceNotFoundMessage(ctx.caller(), instanceId, region)));
            Optional<RoleName> role = ecs.describeInstanceRamRoles(region, List.of(instanceId)).getOrDefault(instanceId, Optional.empty());
            return new InstanceRoleResult(instanceId.value(), region.value(), role.map(RoleName::value).orElse(null));
        });
    }

    /** Non-admins see only their team's roles. */
    public RoleDescription describeRole(RequestContext ctx, RoleName roleName) {
        return CloudErrors.translate(() -> {
            CloudRole role = guardrails.requireRole(ctx, roleName);
            List<RoleDescription.PolicyRef> policies = ctx.cloud().ram().listPoliciesForRole(roleName).stream()
                    .map(p -> new RoleDescription.PolicyRef(p.policyName(), p.policyType()))
                    .collect(Collectors.toList());
            return new RoleDescription(RoleView.of(role), policies);
        });
    }
}
