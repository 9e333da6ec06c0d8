package io.instancerole.emulator.policy;

import java.util.List;

/**
 * Evaluates identity policies as RAM does: an explicit Deny wins, then an Allow, else an implicit
 * deny. Fails closed: a statement it cannot evaluate (unknown condition operator or key) makes the
 * answer {@link Decision.Outcome#NOT_EVALUABLE}, and the explanation names the statement.
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {}

    public static Decision evaluate(List<NamedPolicy> policies, AuthorizationRequest request) {
        throw new UnsupportedOperationException("built by the policy evaluator work");
    }
}
