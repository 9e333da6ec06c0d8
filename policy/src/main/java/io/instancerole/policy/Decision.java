package io.instancerole.policy;

import java.util.Objects;

/** The outcome of evaluating policies for one request, with a sentence saying why. */
public final class Decision {
    /** Deny wins over Allow; no matching Allow is an implicit deny; anything not evaluable denies. */
    public enum Outcome { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY, NOT_EVALUABLE }

    private final Outcome outcome;
    private final String explanation;

    public Decision(Outcome outcome, String explanation) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.explanation = Objects.requireNonNull(explanation, "explanation");
    }

    public Outcome outcome() { return outcome; }

    public boolean allowed() { return outcome == Outcome.ALLOW; }

    /** E.g. "explicitly denied by Statement[1] of policy deny-ecs" or "Statement[0] of policy x could not be evaluated: condition operator 'Foo' is not supported". */
    public String explanation() { return explanation; }
}
