package io.instancerole.domain.port;

import java.util.Objects;

/**
 * A cloud API call that failed, classified by the cloud's own error code (not only its HTTP status:
 * RAM answers {@code Throttling.User} with a 4xx). Adapters throw it after their retries are spent;
 * the domain turns it into the contract's errors in one place.
 */
public final class CloudException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * The code of a {@link Kind#DENIED} failure that no call was made for: the deployment has no
     * credentials at all (not even a wrong key), so nothing can reach the cloud.
     */
    public static final String MISSING_CREDENTIALS = "MissingCredentials";

    /** What kind of failure the cloud's code means. */
    public enum Kind {
        /** Throttling.*: retried, then reported as 429. */
        THROTTLED,
        /** 5xx, transport errors, ServiceUnavailable: retried, then reported as 503. */
        UNAVAILABLE,
        /** NoPermission, Forbidden.RAM, InvalidUser.PassRoleForbidden: never retried, reported as 502. */
        DENIED,
        /** EntityNotExist.*, InvalidInstanceId.NotFound, InvalidRamRole.NotFound. */
        NOT_FOUND,
        /** EntityAlreadyExists.*, DeleteConflict.*, LimitExceeded.*. */
        CONFLICT,
        /** Any other 4xx: the request was refused as invalid. */
        INVALID
    }

    private final Kind kind;
    private final String code;
    private final int httpStatus;
    private final String requestId;
    private final String action;

    public CloudException(Kind kind, String action, String code, int httpStatus, String requestId, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.action = action;
        this.code = code;
        this.httpStatus = httpStatus;
        this.requestId = requestId;
    }

    public Kind kind() {
        return kind;
    }

    /** The cloud API action that failed, e.g. {@code AttachInstanceRamRole}. */
    public String action() {
        return action;
    }

    /** The cloud's error code, e.g. {@code EntityNotExist.Role}; {@code SDK.ServerUnreachable} for transport errors. */
    public String code() {
        return code;
    }

    /** The HTTP status the cloud answered with; 0 when no answer came. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The cloud's request id, or null when no answer came. */
    public String requestId() {
        return requestId;
    }
}
