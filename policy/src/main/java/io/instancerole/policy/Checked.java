package io.instancerole.policy;

import java.util.List;

/** One element of a policy as read: either understood (a value) or the problems found in it. */
final class Checked<T> {
    private final T value;
    private final List<String> problems;

    private Checked(T value, List<String> problems) {
        this.value = value;
        this.problems = List.copyOf(problems);
    }

    static <T> Checked<T> of(T value) {
        return new Checked<>(value, List.of());
    }

    static <T> Checked<T> failed(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a failed element needs a problem");
        }
        return new Checked<>(null, problems);
    }

    static <T> Checked<T> failed(String problem) {
        return failed(List.of(problem));
    }

    boolean ok() {
        return problems.isEmpty();
    }

    T value() {
        if (!ok()) {
            throw new IllegalStateException("element not understood: " + problems.get(0));
        }
        return value;
    }

    List<String> problems() {
        return problems;
    }

    String firstProblem() {
        return problems.get(0);
    }
}
