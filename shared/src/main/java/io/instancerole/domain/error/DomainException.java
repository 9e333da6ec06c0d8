package io.instancerole.domain.error;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one exception of the domain: a stable {@link ErrorCode}, a message a person can act on, and
 * optional details. Handlers map it to the contract's error shape in one place.
 */
public class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient List<?> details;

    public DomainException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    /** {@code details} holds {@link FieldError}s, lint findings or cloud error facts ({@code Map}s). */
    public DomainException(ErrorCode code, String message, List<?> details) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.details = List.copyOf(details);
    }

    public static DomainException invalidParameter(String field, String reason) {
        return new DomainException(ErrorCode.InvalidParameter, field + ": " + reason, List.of(new FieldError(field, reason)));
    }

    public static DomainException cloud(ErrorCode code, String message, Map<String, String> cloudFacts) {
        return new DomainException(code, message, List.of(cloudFacts));
    }

    public ErrorCode code() {
        return code;
    }

    public List<?> details() {
        return details;
    }
}
