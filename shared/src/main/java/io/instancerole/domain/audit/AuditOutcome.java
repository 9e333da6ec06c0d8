package io.instancerole.domain.audit;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a request ended, for the audit line. */
public enum AuditOutcome {
    SUCCESS("success"),
    /** A batch where some instances failed, or a change whose later step failed after an earlier one (207). */
    PARTIAL("partial"),
    /** Refused by authentication or a guardrail (401, 403). */
    DENIED("denied"),
    /** Refused because of the request itself (other 4xx). */
    INVALID("invalid"),
    /** The cloud or the service failed (429, 5xx). */
    FAILED("failed");

    private final String wire;

    AuditOutcome(String wire) {
        this.wire = wire;
    }

    /** The outcome of a request answered with {@code httpStatus}, whatever produced it. */
    public static AuditOutcome forStatus(int httpStatus) {
        if (httpStatus == 207) {
            return PARTIAL;
        }
        if (httpStatus < 400) {
            return SUCCESS;
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return DENIED;
        }
        if (httpStatus < 500 && httpStatus != 429) {
            return INVALID;
        }
        return FAILED;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
