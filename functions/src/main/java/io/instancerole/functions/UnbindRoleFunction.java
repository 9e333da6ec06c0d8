package io.instancerole.functions;

import io.instancerole.domain.binding.InstanceIdBatch;
import io.instancerole.domain.binding.UnbindRequest;
import io.instancerole.functions.http.JsonBody;
import io.instancerole.functions.http.Route;
import io.instancerole.functions.http.Router;
import java.util.Map;
import java.util.Set;

/** Function {@code unbindRole}: {@code POST /v1/role-bindings/unbind}. */
public final class UnbindRoleFunction extends FunctionHandler {
    static final Router<Endpoint> ROUTES = new Router<>(
            Route.post("/v1/role-bindings/unbind", Endpoint.jsonBody(Set.of("regionId", "instanceIds", "roleName"), call -> {
                JsonBody body = call.body();
                UnbindRequest request = UnbindRequest.of(EndpointCall.optionalRegion(body.string("regionId")),
                        InstanceIdBatch.parse(body.stringList("instanceIds")), call.optionalRoleName("roleName"));
                return call.run(request.auditTarget(), ctx -> call.services().bindingService().unbind(ctx, request));
            })));

    public UnbindRoleFunction() {
        this(System.getenv());
    }

    public UnbindRoleFunction(Map<String, String> environment) {
        super("unbindRole", environment, ROUTES);
    }
}
