package io.instancerole.domain.error;

import java.util.Objects;

/** One entry of an error's {@code details}: which field, and why. */
public final class FieldError {
    private final String field;
    private final String reason;

    public FieldError(String field, String reason) {
        this.field = Objects.requireNonNull(field, "field");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldError && field.equals(((FieldError) o).field) && reason.equals(((FieldError) o).reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, reason);
    }

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
