package io.instancerole.domain.error;

/**
 * The stable error codes of the REST contract. The HTTP status lives here and nowhere else, so a
 * code maps to the same status on every route.
 */
public enum ErrorCode {
    InvalidParameter(400),
    InvalidRequest(400),
    Unauthenticated(401),
    Forbidden(403),
    PolicyTooBroad(403),
    NotFound(404),
    RoleNotFound(404),
    PolicyNotFound(404),
    UserNotFound(404),
    InstanceNotFound(404),
    MethodNotAllowed(405),
    RoleConflict(409),
    RoleNotTrustedByEcs(409),
    /** The cloud refused a change as conflicting with its state (e.g. a RAM limit); not caused by the request's shape. */
    Conflict(409),
    PayloadTooLarge(413),
    UnsupportedMediaType(415),
    PolicyInvalid(422),
    Throttled(429),
    InternalError(500),
    CloudDenied(502),
    CloudUnavailable(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
