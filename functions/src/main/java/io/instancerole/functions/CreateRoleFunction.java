package io.instancerole.functions;

import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.role.CreateRoleRequest;
import io.instancerole.functions.http.JsonBody;
import io.instancerole.functions.http.Route;
import io.instancerole.functions.http.Router;
import java.util.Map;
import java.util.Set;

/** Function {@code createRole}: {@code POST /v1/roles}. */
public final class CreateRoleFunction extends FunctionHandler {
    static final Router<Endpoint> ROUTES = new Router<>(
            Route.post("/v1/roles", Endpoint.jsonBody(Set.of("roleName", "description", "maxSessionDuration"), call -> {
                JsonBody body = call.body();
                CreateRoleRequest request = CreateRoleRequest.of(RoleName.of(body.string("roleName")), body.string("description"),
                        body.integer("maxSessionDuration"));
                return call.run(request.auditTarget(), ctx -> call.services().createRoleService().createRole(ctx, request));
            })));

    public CreateRoleFunction() {
        this(System.getenv());
    }

    public CreateRoleFunction(Map<String, String> environment) {
        super("createRole", environment, ROUTES);
    }
}
