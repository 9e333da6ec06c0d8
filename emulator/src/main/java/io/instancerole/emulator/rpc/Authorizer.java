package io.instancerole.emulator.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.emulator.core.Json;
import io.instancerole.policy.AuthorizationRequest;
import io.instancerole.policy.Decision;
import io.instancerole.policy.NamedPolicy;
import io.instancerole.policy.PolicyEvaluator;
import io.instancerole.emulator.state.Attachment;
import io.instancerole.emulator.state.CloudState;
import io.instancerole.emulator.state.ManagedPolicy;
import io.instancerole.emulator.state.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a principal may do an action on a resource: root may do everything; a user has
 * its attached policies; a role session has the role's policies, then its session policy as a
 * second evaluation that can only narrow. Called under the state lock.
 */
public final class Authorizer {
    public static final String SESSION_POLICY = "session policy";

    private final CloudState state;

    public Authorizer(CloudState state) {
        this.state = state;
    }

    public Decision decide(Principal principal, AuthorizationRequest request) {
        switch (principal.kind()) {
            case ROOT:
                return new Decision(Decision.Outcome.ALLOW, "the account's root identity may do everything");
            case USER:
                return PolicyEvaluator.evaluate(policiesOf(Attachment.USER, principal.user().name()), request);
            default:
                return decideForSession(principal.session(), request);
        }
    }

    private Decision decideForSession(Session session, AuthorizationRequest request) {
        if (state.role(session.roleName()).isEmpty()) {
            return new Decision(Decision.Outcome.IMPLICIT_DENY,
                    "the role " + session.roleName() + " of this session no longer exists");
        }
        Decision byRole = PolicyEvaluator.evaluate(policiesOf(Attachment.ROLE, session.roleName()), request);
        if (!byRole.allowed() || session.policy() == null) {
            return byRole;
        }
        JsonNode sessionPolicy = Json.parseOrNull(session.policy());
        return PolicyEvaluator.evaluate(List.of(new NamedPolicy(SESSION_POLICY, sessionPolicy)), request);
    }

    private List<NamedPolicy> policiesOf(String principalType, String principalName) {
        List<NamedPolicy> policies = new ArrayList<>();
        for (Attachment attachment : state.attachmentsOf(principalType, principalName)) {
            Optional<ManagedPolicy> policy = state.policy(attachment.policyType(), attachment.policyName());
            policy.ifPresent(p -> policies.add(
                    new NamedPolicy(p.name(), Json.parseOrNull(p.defaultVersion().document()))));
        }
        return policies;
    }
}
