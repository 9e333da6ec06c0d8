package io.instancerole.local;

/** How one invocation ended: the function's answer, or why there is none. */
final class Invocation {
    enum Outcome { ANSWERED, TIMED_OUT, FAILED }

    private final Outcome outcome;
    private final byte[] answer;
    private final String problem;

    private Invocation(Outcome outcome, byte[] answer, String problem) {
        this.outcome = outcome;
        this.answer = answer;
        this.problem = problem;
    }

    static Invocation answered(byte[] answer) {
        return new Invocation(Outcome.ANSWERED, answer, null);
    }

    static Invocation timedOut(String problem) {
        return new Invocation(Outcome.TIMED_OUT, null, problem);
    }

    static Invocation failed(String problem) {
        return new Invocation(Outcome.FAILED, null, problem);
    }

    Outcome outcome() {
        return outcome;
    }

    /** What the function wrote to its output stream (only when {@link Outcome#ANSWERED}). */
    byte[] answer() {
        return answer.clone();
    }

    /** One line for the operator (when there is no answer). */
    String problem() {
        return problem;
    }
}
