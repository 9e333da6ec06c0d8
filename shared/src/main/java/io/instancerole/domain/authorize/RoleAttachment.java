package io.instancerole.domain.authorize;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.service.Status;

/**
 * One role of {@code attachToRoles}: {@code attached}, {@code alreadyAttached}, or {@code failed}
 * with the cloud's code and message when the cloud refused the attach after the policy was made.
 */
@JsonPropertyOrder({"roleName", "status", "code", "message"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class RoleAttachment {
    private final String roleName;
    private final Status status;
    private final String code;
    private final String message;

    private RoleAttachment(String roleName, Status status, String code, String message) {
        this.roleName = roleName;
        this.status = status;
        this.code = code;
        this.message = message;
    }

    static RoleAttachment of(String roleName, Status status) {
        return new RoleAttachment(roleName, status, null, null);
    }

    static RoleAttachment failed(String roleName, CloudException e) {
        return new RoleAttachment(roleName, Status.FAILED, e.code(), "the cloud refused " + e.action() + " (" + e.code() + ": "
                + e.getMessage() + "); the policy itself is in place: repeat the request to attach it");
    }

    @JsonProperty
    public String roleName() {
        return roleName;
    }

    @JsonProperty
    public Status status() {
        return status;
    }

    @JsonProperty
    public String code() {
        return code;
    }

    @JsonProperty
    public String message() {
        return message;
    }
}
