package io.instancerole.policy;

/** A string value of a document and the path it was found at, e.g. {@code Statement[0].Action[2]}. */
public final class Located {
    private final String value;
    private final String path;

    public Located(String value, String path) {
        this.value = value;
        this.path = path;
    }

    public String value() { return value; }
    public String path() { return path; }
}
