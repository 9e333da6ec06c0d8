package io.instancerole.domain.policy;

import java.util.List;

/** Action or NotAction, Resource or NotResource of one statement: its well-formed values, each with its path. */
final class ElementValues {
    final String path;
    final boolean negated;
    final List<Located> wellFormed;

    ElementValues(String path, boolean negated, List<Located> wellFormed) {
        this.path = path;
        this.negated = negated;
        this.wellFormed = List.copyOf(wellFormed);
    }

    static ElementValues absent(String path) {
        return new ElementValues(path, false, List.of());
    }
}
