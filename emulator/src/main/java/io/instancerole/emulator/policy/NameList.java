package io.instancerole.emulator.policy;

import java.util.List;

/** The patterns of Action/NotAction or Resource/NotResource; names are compared case-insensitively. */
final class NameList {
    private final List<String> patterns;
    private final boolean negated;

    NameList(List<String> patterns, boolean negated) {
        this.patterns = List.copyOf(patterns);
        this.negated = negated;
    }

    /** What a trust statement's resource is: the role that holds it. */
    static NameList everything() {
        return new NameList(List.of("*"), false);
    }

    boolean matches(String name) {
        boolean listed = false;
        for (String pattern : patterns) {
            listed |= Wildcard.matches(pattern, name, true);
        }
        return listed != negated;
    }
}
