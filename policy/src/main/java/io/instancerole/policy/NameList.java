package io.instancerole.policy;

import java.util.List;
import java.util.Optional;

/**
 * The well-formed patterns of Action/NotAction or Resource/NotResource, each with its path; names
 * are compared case-insensitively.
 */
public final class NameList {
    private final String path;
    private final List<Located> patterns;
    private final boolean negated;

    NameList(String path, List<Located> patterns, boolean negated) {
        this.path = path;
        this.patterns = List.copyOf(patterns);
        this.negated = negated;
    }

    /** What a trust statement's resource is: the role that holds it. */
    static NameList everything(String path) {
        return new NameList(path, List.of(new Located("*", path)), false);
    }

    /** E.g. {@code Statement[0].NotAction}. */
    public String path() { return path; }

    /** True for NotAction and NotResource: the statement is about every name not listed. */
    public boolean negated() { return negated; }

    public List<Located> patterns() { return patterns; }

    /** Whether the statement applies to {@code name}: listed, or for a Not- element, not listed. */
    public boolean matches(String name) {
        return lists(name) != negated;
    }

    /** The pattern that lists {@code name}, if one does. */
    public Optional<Located> listing(String name) {
        return patterns.stream().filter(p -> Wildcard.matches(p.value(), name, true)).findFirst();
    }

    private boolean lists(String name) {
        return listing(name).isPresent();
    }
}
