package io.instancerole.functions;

import io.instancerole.domain.grant.GrantPassRoleRequest;
import io.instancerole.domain.grant.RevokePassRoleRequest;
import io.instancerole.domain.model.UserName;
import io.instancerole.functions.http.JsonBody;
import io.instancerole.functions.http.Route;
import io.instancerole.functions.http.Router;
import java.util.Map;
import java.util.Set;

/** Function {@code grantPassRole}: {@code POST /v1/pass-role-grants} and {@code POST /v1/pass-role-grants/revoke}. */
public final class GrantPassRoleFunction extends FunctionHandler {
    static final Router<Endpoint> ROUTES = new Router<>(
            Route.post("/v1/pass-role-grants", Endpoint.jsonBody(Set.of("userName", "roleNames", "includeEcsActions"), call -> {
                JsonBody body = call.body();
                GrantPassRoleRequest request = GrantPassRoleRequest.of(UserName.of(body.string("userName")), call.roleNames("roleNames"),
                        body.bool("includeEcsActions", GrantPassRoleRequest.DEFAULT_INCLUDE_ECS_ACTIONS));
                return call.run(request.auditTarget(), ctx -> call.services().passRoleGrantService().grant(ctx, request));
            })),
            Route.post("/v1/pass-role-grants/revoke", Endpoint.jsonBody(Set.of("userName", "roleNames"), call -> {
                RevokePassRoleRequest request = RevokePassRoleRequest.of(UserName.of(call.body().string("userName")),
                        call.roleNames("roleNames"));
                return call.run(request.auditTarget(), ctx -> call.services().passRoleGrantService().revoke(ctx, request));
            })));

    public GrantPassRoleFunction() {
        this(System.getenv());
    }

    public GrantPassRoleFunction(Map<String, String> environment) {
        super("grantPassRole", environment, ROUTES);
    }
}
