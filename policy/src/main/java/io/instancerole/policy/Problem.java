package io.instancerole.policy;

import java.util.Objects;

/**
 * Why a document is not valid RAM policy: a stable code (the linter's ERROR codes), the path of the
 * element it is about ({@code Statement[0].Action[2]}; the path where a missing element belongs;
 * empty for the whole document) and a message that says how to write it instead.
 */
public final class Problem {
    private final String code;
    private final String path;
    private final String message;

    public Problem(String code, String path, String message) {
        this.code = Objects.requireNonNull(code, "code");
        this.path = Objects.requireNonNull(path, "path");
        this.message = Objects.requireNonNull(message, "message");
    }

    public String code() { return code; }
    public String path() { return path; }
    public String message() { return message; }

    /** True when this problem is about the element at {@code elementPath} or something inside it. */
    boolean within(String elementPath) {
        return path.equals(elementPath) || path.startsWith(elementPath + ".") || path.startsWith(elementPath + "[");
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "" : path + ": ") + message;
    }
}
