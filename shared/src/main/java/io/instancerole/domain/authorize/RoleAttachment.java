package io.instancerole.domain.authorize;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.instancerole.domain.service.Status;

/** One role of {@code attachToRoles}: {@code attached} or {@code alreadyAttached}. */
@JsonPropertyOrder({"roleName", "status"})
public final class RoleAttachment {
    private final String roleName;
    private final Status status;

    RoleAttachment(String roleName, Status status) {
        this.roleName = roleName;
        this.status = status;
    }

    @JsonProperty
    public String roleName() {
        return roleName;
    }

    @JsonProperty
    public Status status() {
        return status;
    }
}
