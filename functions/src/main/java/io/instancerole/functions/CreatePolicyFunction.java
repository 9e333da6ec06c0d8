package io.instancerole.functions;

import io.instancerole.domain.authorize.AttachPolicyRequest;
import io.instancerole.domain.authorize.CreatePolicyRequest;
import io.instancerole.domain.authorize.LintRequest;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RoleName;
import io.instancerole.functions.http.JsonBody;
import io.instancerole.functions.http.Route;
import io.instancerole.functions.http.Router;
import java.util.Map;
import java.util.Set;

/**
 * Function {@code createPolicy}: {@code POST /v1/policies}, {@code POST /v1/roles/{roleName}/policy-attachments}
 * and {@code POST /v1/policy-lint}.
 */
public final class CreatePolicyFunction extends FunctionHandler {
    static final Router<Endpoint> ROUTES = new Router<>(
            Route.post("/v1/policies", Endpoint.jsonBody(Set.of("policyName", "description", "document", "attachToRoles"), call -> {
                JsonBody body = call.body();
                CreatePolicyRequest request = CreatePolicyRequest.of(PolicyName.of(body.string("policyName")), body.string("description"),
                        body.node("document"), call.roleNames("attachToRoles"));
                return call.run(request.auditTarget(), ctx -> call.services().policyService().createPolicy(ctx, request));
            })),
            Route.post("/v1/roles/{roleName}/policy-attachments", Endpoint.jsonBody(Set.of("policyName", "policyType"), call -> {
                JsonBody body = call.body();
                AttachPolicyRequest request = AttachPolicyRequest.of(RoleName.of(call.pathParameter("roleName")),
                        PolicyName.of(body.string("policyName")), PolicyType.of("policyType", body.string("policyType")));
                return call.run(request.auditTarget(), ctx -> call.services().policyService().attachPolicy(ctx, request));
            })),
            Route.post("/v1/policy-lint", Endpoint.jsonBody(Set.of("document", "policyName"), call -> {
                JsonBody body = call.body();
                String policyName = body.string("policyName");
                LintRequest request = LintRequest.of(body.node("document"), policyName == null ? null : PolicyName.of(policyName));
                return call.runOffline(policyName == null ? Map.of() : Map.of("policyName", policyName),
                        caller -> call.services().policyService().lint(caller, request));
            })));

    public CreatePolicyFunction() {
        this(System.getenv());
    }

    public CreatePolicyFunction(Map<String, String> environment) {
        super("createPolicy", environment, ROUTES);
    }
}
