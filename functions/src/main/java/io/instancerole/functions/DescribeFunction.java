package io.instancerole.functions;

import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.functions.http.Route;
import io.instancerole.functions.http.Router;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Function {@code describe}: {@code GET /v1/roles/{roleName}}, {@code GET /v1/instances/{instanceId}/role}
 * and the portal's lists ({@code GET /v1/roles}, {@code /v1/policies}, {@code /v1/instances},
 * {@code /v1/roles/{roleName}/instances}).
 */
public final class DescribeFunction extends FunctionHandler {
    private static final Set<String> PAGE = Set.of("limit", "marker");
    private static final Set<String> REGION_PAGE = Set.of("regionId", "limit", "marker");

    static final Router<Endpoint> ROUTES = new Router<>(
            Route.get("/v1/roles", Endpoint.noBody(PAGE, call ->
                    call.run(Map.of(), ctx -> call.services().listService().listRoles(ctx, call.page())))),
            Route.get("/v1/policies", Endpoint.noBody(PAGE, call ->
                    call.run(Map.of(), ctx -> call.services().listService().listPolicies(ctx, call.page())))),
            Route.get("/v1/instances", Endpoint.noBody(REGION_PAGE, call -> {
                RegionId regionId = EndpointCall.optionalRegion(call.queryParameter("regionId").orElse(null));
                return call.run(EndpointCall.regionTarget(regionId), ctx -> call.services().listService().listInstances(ctx, regionId, call.page()));
            })),
            Route.get("/v1/roles/{roleName}/instances", Endpoint.noBody(REGION_PAGE, call -> {
                RoleName roleName = RoleName.of(call.pathParameter("roleName"));
                RegionId regionId = EndpointCall.optionalRegion(call.queryParameter("regionId").orElse(null));
                Map<String, Object> target = new LinkedHashMap<>(EndpointCall.regionTarget(regionId));
                target.put("roleName", roleName.value());
                return call.run(target, ctx -> call.services().listService().listRoleInstances(ctx, roleName, regionId, call.page()));
            })),
            Route.get("/v1/roles/{roleName}", Endpoint.noBody(Set.of(), call -> {
                RoleName roleName = RoleName.of(call.pathParameter("roleName"));
                return call.run(Map.of("roleName", roleName.value()), ctx -> call.services().describeService().describeRole(ctx, roleName));
            })),
            Route.get("/v1/instances/{instanceId}/role", Endpoint.noBody(Set.of("regionId"), call -> {
                InstanceId instanceId = InstanceId.of(call.pathParameter("instanceId"));
                RegionId regionId = EndpointCall.optionalRegion(call.queryParameter("regionId").orElse(null));
                Map<String, Object> target = regionId == null ? Map.of("instanceId", instanceId.value())
                        : Map.of("instanceId", instanceId.value(), "regionId", regionId.value());
                return call.run(target, ctx -> call.services().describeService().describeInstanceRole(ctx, regionId, instanceId));
            })));

    public DescribeFunction() {
        this(System.getenv());
    }

    public DescribeFunction(Map<String, String> environment) {
        super("describe", environment, ROUTES);
    }
}
