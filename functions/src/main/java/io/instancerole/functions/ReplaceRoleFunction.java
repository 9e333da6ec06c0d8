package io.instancerole.functions;

import io.instancerole.domain.binding.InstanceIdBatch;
import io.instancerole.domain.binding.ReplaceRequest;
import io.instancerole.domain.model.RoleName;
import io.instancerole.functions.http.JsonBody;
import io.instancerole.functions.http.Route;
import io.instancerole.functions.http.Router;
import java.util.Map;
import java.util.Set;

/** Function {@code replaceRole}: {@code POST /v1/role-bindings/replace}. */
public final class ReplaceRoleFunction extends FunctionHandler {
    static final Router<Endpoint> ROUTES = new Router<>(
            Route.post("/v1/role-bindings/replace", Endpoint.jsonBody(Set.of("regionId", "instanceIds", "roleName", "expectedCurrentRoleName"),
                    call -> {
                        JsonBody body = call.body();
                        ReplaceRequest request = ReplaceRequest.of(EndpointCall.optionalRegion(body.string("regionId")),
                                InstanceIdBatch.parse(body.stringList("instanceIds")), RoleName.of(body.string("roleName")),
                                call.optionalRoleName("expectedCurrentRoleName"));
                        return call.run(request.auditTarget(), ctx -> call.services().bindingService().replace(ctx, request));
                    })));

    public ReplaceRoleFunction() {
        this(System.getenv());
    }

    public ReplaceRoleFunction(Map<String, String> environment) {
        super("replaceRole", environment, ROUTES);
    }
}
