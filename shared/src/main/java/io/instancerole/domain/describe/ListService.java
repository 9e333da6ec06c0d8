package io.instancerole.domain.describe;

import io.instancerole.domain.guard.Guardrails;
import io.instancerole.domain.guard.Owned;
import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.port.CloudInstance;
import io.instancerole.domain.port.CloudPolicy;
import io.instancerole.domain.port.CloudRole;
import io.instancerole.domain.port.EcsPort;
import io.instancerole.domain.port.RamPort;
import io.instancerole.domain.port.RamResourceType;
import io.instancerole.domain.service.CloudErrors;
import io.instancerole.domain.service.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * describe's lists, for a portal: what the caller may see, sorted by name, a page at a time.
 * Neither RAM nor ECS sorts by name, so each page reads the whole list with the cloud's largest
 * pages (RAM 1000, ECS 100, filtered by the owner tag in ECS) and then works only on the page's
 * items: a page costs a few calls whatever its size, never one per item.
 */
public final class ListService {
    private final Guardrails guardrails;

    public ListService(Guardrails guardrails) {
        this.guardrails = guardrails;
    }

    public ListResult listRoles(RequestContext ctx, PageRequest request) {
        return CloudErrors.translate(() -> {
            RamPort ram = ctx.cloud().ram();
            List<Owned<CloudRole>> visible = guardrails.visible(ctx.caller(), ram, RamResourceType.ROLE, ram.listRoles(), CloudRole::roleName);
            return new ListResult("roles", request.cut(visible, owned -> owned.item().roleName()).map(owned -> {
                CloudRole role = owned.item();
                return new ListResult.RoleItem(role.roleName(), role.arn(), role.description(), role.createDate(), owned.owner());
            }));
        });
    }

    public ListResult listPolicies(RequestContext ctx, PageRequest request) {
        return CloudErrors.translate(() -> {
            RamPort ram = ctx.cloud().ram();
            List<Owned<CloudPolicy>> visible = guardrails.visible(ctx.caller(), ram, RamResourceType.POLICY, ram.listCustomPolicies(),
                    CloudPolicy::policyName);
            return new ListResult("policies", request.cut(visible, owned -> owned.item().policyName()).map(owned -> {
                CloudPolicy policy = owned.item();
                return new ListResult.PolicyItem(policy.policyName(), policy.defaultVersion(), policy.description(), owned.owner());
            }));
        });
    }

    /** The caller's instances (owner tag) with the role of each; {@code regionId} null means the default. */
    public ListResult listInstances(RequestContext ctx, RegionId regionId, PageRequest request) {
        return CloudErrors.translate(() -> {
            RegionId region = guardrails.region(regionId);
            EcsPort ecs = ctx.cloud().ecs();
            PageRequest.Page<CloudInstance> page = request.cut(
                    mayRead(ctx, ecs.listInstances(region, guardrails.instanceListFilter(ctx.caller()))), i -> i.instanceId().value());
            List<InstanceId> ids = page.items.stream().map(CloudInstance::instanceId).collect(Collectors.toList());
            Map<InstanceId, Optional<RoleName>> roles = ids.isEmpty() ? Map.of() : ecs.describeInstanceRamRoles(region, ids);
            return new ListResult("instances", page.map(i -> item(i,
                    roles.getOrDefault(i.instanceId(), Optional.empty()).map(RoleName::value).orElse(null))));
        });
    }

    /** The caller's instances bound to one of its roles; another team's role answers as a missing one. */
    public ListResult listRoleInstances(RequestContext ctx, RoleName roleName, RegionId regionId, PageRequest request) {
        return CloudErrors.translate(() -> {
            CloudRole role = guardrails.requireRole(ctx, roleName);
            RegionId region = guardrails.region(regionId);
            EcsPort ecs = ctx.cloud().ecs();
            List<CloudInstance> bound = new ArrayList<>();
            for (List<InstanceId> chunk : EcsPort.chunks(ecs.listInstancesWithRole(region, roleName))) {
                bound.addAll(ecs.describeInstances(region, chunk));
            }
            return new ListResult("instances", request.cut(mayRead(ctx, bound), i -> i.instanceId().value())
                    .map(i -> item(i, role.roleName())));
        });
    }

    private List<CloudInstance> mayRead(RequestContext ctx, List<CloudInstance> instances) {
        return instances.stream().filter(i -> guardrails.ownsInstance(ctx.caller(), i)).collect(Collectors.toList());
    }

    private static ListResult.InstanceItem item(CloudInstance instance, String roleName) {
        return new ListResult.InstanceItem(instance.instanceId().value(), instance.instanceName(), instance.networkType(),
                instance.status(), roleName);
    }
}
