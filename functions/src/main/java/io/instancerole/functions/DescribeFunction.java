package io.instancerole.functions;

import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.functions.http.Route;
import io.instancerole.functions.http.Router;
import java.util.Map;
import java.util.Set;

/** Function {@code describe}: {@code GET /v1/roles/{roleName}} and {@code GET /v1/instances/{instanceId}/role}. */
public final class DescribeFunction extends FunctionHandler {
    static final Router<Endpoint> ROUTES = new Router<>(
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
