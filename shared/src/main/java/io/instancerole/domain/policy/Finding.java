package io.instancerole.domain.policy;

import java.util.Objects;

/** One lint finding: level, stable code, a message that suggests the fix, and a path into the document. */
public final class Finding {
    private final FindingLevel level;
    private final String code;
    private final String message;
    private final String path;

    public Finding(FindingLevel level, String code, String message, String path) {
        this.level = Objects.requireNonNull(level, "level");
        this.code = Objects.requireNonNull(code, "code");
        this.message = Objects.requireNonNull(message, "message");
        this.path = Objects.requireNonNull(path, "path");
    }

    public FindingLevel level() { return level; }
    public String code() { return code; }
    public String message() { return message; }
    /** E.g. {@code Statement[0].Action[2]}; empty for the whole document. */
    public String path() { return path; }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Finding)) return false;
        Finding f = (Finding) o;
        return level == f.level && code.equals(f.code) && message.equals(f.message) && path.equals(f.path);
    }

    @Override
    public int hashCode() { return Objects.hash(level, code, message, path); }

    @Override
    public String toString() { return level + " " + code + " at " + path + ": " + message; }
}
