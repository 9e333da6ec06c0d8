package io.instancerole.functions;

import io.instancerole.domain.binding.BindRequest;
import io.instancerole.domain.binding.InstanceIdBatch;
import io.instancerole.domain.model.RoleName;
import io.instancerole.functions.http.JsonBody;
import io.instancerole.functions.http.Route;
import io.instancerole.functions.http.Router;
import java.util.Map;
import java.util.Set;

/** Function {@code bindRole}: {@code POST /v1/role-bindings}. */
public final class BindRoleFunction extends FunctionHandler {
    static final Router<Endpoint> ROUTES = new Router<>(
            Route.post("/v1/role-bindings", Endpoint.jsonBody(Set.of("regionId", "roleName", "instanceIds", "policy"), call -> {
                JsonBody body = call.body();
                BindRequest request = BindRequest.of(EndpointCall.optionalRegion(body.string("regionId")), RoleName.of(body.string("roleName")),
                        InstanceIdBatch.parse(body.stringList("instanceIds")), body.string("policy"));
                return call.run(request.auditTarget(), ctx -> call.services().bindingService().bind(ctx, request));
            })));

    public BindRoleFunction() {
        this(System.getenv());
    }

    public BindRoleFunction(Map<String, String> environment) {
        super("bindRole", environment, ROUTES);
    }
}
