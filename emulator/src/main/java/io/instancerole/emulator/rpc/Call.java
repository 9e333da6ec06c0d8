package io.instancerole.emulator.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.emulator.core.ApiException;
import io.instancerole.emulator.core.Json;
import io.instancerole.emulator.core.Times;
import io.instancerole.policy.AuthorizationRequest;
import io.instancerole.policy.Decision;
import io.instancerole.emulator.state.CloudState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One authenticated call handed to an action: its parameters, its principal, and permission checks. */
public final class Call {
    private final CloudState state;
    private final Authorizer authorizer;
    private final Product product;
    private final RpcRequest request;
    private final Principal principal;
    private final Instant now;

    public Call(CloudState state, Authorizer authorizer, Product product, RpcRequest request, Principal principal) {
        this.state = state;
        this.authorizer = authorizer;
        this.product = product;
        this.request = request;
        this.principal = principal;
        this.now = state.now();
    }

    public CloudState state() { return state; }
    public Principal principal() { return principal; }
    public Instant now() { return now; }
    public String accountId() { return state.accountId(); }
    public String actionName() { return request.param("Action"); }

    public String param(String name) {
        return request.param(name);
    }

    public String required(String name) {
        String value = request.param(name);
        if (value == null) {
            throw ApiException.missingParameter(name);
        }
        return value;
    }

    /** The request's condition keys plus {@code resourceContext} (e.g. {@code ecs:tag/<key>}). */
    public Decision decide(String action, String resource, Map<String, List<String>> resourceContext) {
        Map<String, List<String>> context = new HashMap<>(resourceContext);
        context.put("acs:sourceip", List.of(request.sourceIp()));
        context.put("acs:currenttime", List.of(Times.iso(now)));
        context.put("acs:securetransport", List.of("false"));
        return authorizer.decide(principal, new AuthorizationRequest(action, resource, context));
    }

    /** Throws the product's denial ({@code NoPermission} / {@code Forbidden.RAM}) unless allowed. */
    public void authorize(String action, String resource) {
        authorize(action, resource, Map.of());
    }

    public void authorize(String action, String resource, Map<String, List<String>> resourceContext) {
        Decision decision = decide(action, resource, resourceContext);
        if (!decision.allowed()) {
            throw denial(product.deniedCode(), product.deniedMessage(), action, resource, decision);
        }
    }

    /** A 403 naming the action, the resource and the evaluator's reason. */
    public ApiException denial(String code, String sentence, String action, String resource, Decision decision) {
        ObjectNode detail = Json.object();
        detail.put("AuthAction", action);
        detail.put("AuthPrincipalType", principal.kind() == Principal.Kind.USER ? "SubUser" : "AssumedRoleUser");
        detail.put("AuthPrincipalDisplayName", principal.arn());
        detail.put("AuthPrincipalOwnerId", state.accountId());
        detail.put("NoPermissionType",
                decision.outcome() == Decision.Outcome.EXPLICIT_DENY ? "ExplicitDeny" : "ImplicitDeny");
        detail.put("PolicyType", "AccountLevelIdentityBasedPolicy");
        return new ApiException(403, code, sentence + " Action: " + action + ", Resource: " + resource
                + ", Principal: " + principal.arn() + ". Reason: " + decision.explanation(), detail);
    }
}
