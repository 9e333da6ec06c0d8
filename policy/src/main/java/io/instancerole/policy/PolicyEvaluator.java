package io.instancerole.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates identity policies as RAM does: an explicit Deny wins, then an Allow, else an implicit
 * deny. Fails closed: a statement it cannot evaluate (unknown condition operator or key) makes the
 * answer {@link Decision.Outcome#NOT_EVALUABLE}, and the explanation names the statement.
 *
 * <p>A statement is matched with three-valued logic (see {@link Match}): its action, resource,
 * condition and any other element must all apply; one that definitely does not apply settles it
 * even when another part cannot be evaluated. The answer is then, in this order:
 * <ol>
 *   <li>a Deny statement applies: EXPLICIT_DENY (certain, whatever else is unknown);</li>
 *   <li>a Deny statement, a statement without a readable Effect, or a whole policy might apply but
 *       cannot be evaluated: NOT_EVALUABLE, because it might have denied;</li>
 *   <li>an Allow statement applies: ALLOW. An Allow that cannot be evaluated never allows, but it
 *       cannot take away an Allow given by another statement either;</li>
 *   <li>an Allow statement might apply but cannot be evaluated: NOT_EVALUABLE (a deny that says why,
 *       rather than a silent implicit deny);</li>
 *   <li>otherwise IMPLICIT_DENY.</li>
 * </ol>
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {}

    public static Decision evaluate(List<NamedPolicy> policies, AuthorizationRequest request) {
        Map<String, List<String>> context = lowerCaseKeys(request.context());
        String explicitDeny = null;
        String unevaluableDeny = null;
        String allow = null;
        String unevaluableAllow = null;
        for (NamedPolicy policy : policies) {
            PolicyDocument document = PolicyDocument.read(policy.document(), PolicyKind.PERMISSION);
            if (!document.documentProblems().isEmpty()) {
                unevaluableDeny = firstOf(unevaluableDeny,
                        "policy " + policy.name() + " could not be evaluated: " + document.documentProblems().get(0));
                continue;
            }
            for (PolicyStatement statement : document.statements()) {
                Match match = statement.actionMatches(request.action())
                        .and(statement.resourceMatches(request.resource()))
                        .and(statement.otherElementsUnderstood())
                        .and(statement.conditionHolds(context));
                if (match.isNo()) {
                    continue;
                }
                String where = statement.path() + " of policy " + policy.name();
                if (!statement.effect().ok()) {
                    unevaluableDeny = firstOf(unevaluableDeny,
                            where + " could not be evaluated: " + statement.effect().firstProblem());
                } else if (statement.effect().value() == PolicyStatement.Effect.DENY) {
                    if (match.isYes()) {
                        explicitDeny = firstOf(explicitDeny, "explicitly denied by " + where);
                    } else {
                        unevaluableDeny = firstOf(unevaluableDeny, unevaluable(where, match));
                    }
                } else if (match.isYes()) {
                    allow = firstOf(allow, "allowed by " + where);
                } else {
                    unevaluableAllow = firstOf(unevaluableAllow, unevaluable(where, match));
                }
            }
        }
        if (explicitDeny != null) {
            return new Decision(Decision.Outcome.EXPLICIT_DENY, explicitDeny);
        }
        if (unevaluableDeny != null) {
            return new Decision(Decision.Outcome.NOT_EVALUABLE, unevaluableDeny);
        }
        if (allow != null) {
            return new Decision(Decision.Outcome.ALLOW, allow);
        }
        if (unevaluableAllow != null) {
            return new Decision(Decision.Outcome.NOT_EVALUABLE, unevaluableAllow);
        }
        return new Decision(Decision.Outcome.IMPLICIT_DENY, implicitDenial(policies));
    }

    private static String unevaluable(String where, Match match) {
        return where + " could not be evaluated: " + match.unknownReason();
    }

    private static String implicitDenial(List<NamedPolicy> policies) {
        if (policies.isEmpty()) {
            return "implicitly denied: the principal has no policy";
        }
        List<String> names = new ArrayList<>();
        for (NamedPolicy policy : policies) {
            names.add(policy.name());
        }
        return "implicitly denied: no statement of policy " + String.join(", ", names) + " allows it";
    }

    private static String firstOf(String found, String candidate) {
        return found != null ? found : candidate;
    }

    private static Map<String, List<String>> lowerCaseKeys(Map<String, List<String>> context) {
        Map<String, List<String>> lowerCase = new HashMap<>();
        for (Map.Entry<String, List<String>> entry : context.entrySet()) {
            lowerCase.computeIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                    .addAll(entry.getValue());
        }
        return lowerCase;
    }
}
