package io.instancerole.policy;

/** One element of a policy as read: either understood (a value) or the first problem found in it. */
final class Checked<T> {
    private final T value;
    private final String problem;

    private Checked(T value, String problem) {
        this.value = value;
        this.problem = problem;
    }

    static <T> Checked<T> of(T value) {
        return new Checked<>(value, null);
    }

    static <T> Checked<T> failed(String problem) {
        return new Checked<>(null, problem);
    }

    boolean ok() {
        return problem == null;
    }

    T value() {
        if (!ok()) {
            throw new IllegalStateException("element not understood: " + problem);
        }
        return value;
    }

    String firstProblem() {
        return problem;
    }
}
