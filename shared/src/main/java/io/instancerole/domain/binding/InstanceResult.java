package io.instancerole.domain.binding;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.service.Status;

/**
 * One instance's line in a batch answer: {@code {"instanceId", "status", "code"?, "message"?,
 * "previousRoleName"?, "rolledBack"?}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"instanceId", "status", "code", "message", "previousRoleName", "rolledBack"})
public final class InstanceResult {
    /** Per-instance failure codes of the contract (besides the cloud's own codes). */
    public static final String INSTANCE_NOT_FOUND = "InstanceNotFound";
    public static final String INSTANCE_NOT_VPC = "InstanceNotVpc";
    public static final String INSTANCE_HAS_OTHER_ROLE = "InstanceHasOtherRole";
    public static final String UNEXPECTED_CURRENT_ROLE = "UnexpectedCurrentRole";
    public static final String ROLLBACK_FAILED = "RollbackFailed";
    /** A skipped instance: the request's deadline came before its chunk was started. */
    public static final String DEADLINE_EXCEEDED = "DeadlineExceeded";
    /** ECS's own code, decided before any call so that a dry run predicts it too. */
    public static final String INCORRECT_INSTANCE_STATUS = "IncorrectInstanceStatus";

    private final InstanceId instanceId;
    private final Status status;
    private final String code;
    private final String message;
    private final String previousRoleName;
    private final Boolean rolledBack;

    private InstanceResult(InstanceId instanceId, Status status, String code, String message, String previousRoleName, Boolean rolledBack) {
        this.instanceId = instanceId;
        this.status = status;
        this.code = code;
        this.message = message;
        this.previousRoleName = previousRoleName;
        this.rolledBack = rolledBack;
    }

    static InstanceResult done(InstanceId id, Status status) {
        return new InstanceResult(id, status, null, null, null, null);
    }

    static InstanceResult replaced(InstanceId id, String previousRoleName) {
        return new InstanceResult(id, Status.REPLACED, null, null, previousRoleName, null);
    }

    static InstanceResult failed(InstanceId id, String code, String message) {
        return new InstanceResult(id, Status.FAILED, code, message, null, null);
    }

    /** Not attempted: {@code code} says why ({@link #DEADLINE_EXCEEDED}, or the cloud's code that stopped the batch). */
    static InstanceResult skipped(InstanceId id, String code, String message) {
        return new InstanceResult(id, Status.SKIPPED, code, message, null, null);
    }

    /** A replace whose attach failed after the old role was detached: rolled back, or not. */
    static InstanceResult failedAfterDetach(InstanceId id, String code, String message, String previousRoleName, boolean rolledBack) {
        return new InstanceResult(id, Status.FAILED, code, message, previousRoleName, rolledBack);
    }

    InstanceId id() {
        return instanceId;
    }

    @JsonProperty
    public String instanceId() {
        return instanceId.value();
    }

    @JsonProperty
    public Status status() {
        return status;
    }

    /** Why it failed or was skipped: a contract code ({@code InstanceNotFound}...) or the cloud's own; null otherwise. */
    @JsonProperty
    public String code() {
        return code;
    }

    @JsonProperty
    public String message() {
        return message;
    }

    @JsonProperty
    public String previousRoleName() {
        return previousRoleName;
    }

    /** Only for a replace that failed after detaching: whether the old role was attached again. */
    @JsonProperty
    public Boolean rolledBack() {
        return rolledBack;
    }
}
