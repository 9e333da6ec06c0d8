package io.instancerole.domain.role;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.instancerole.domain.service.ServiceResult;
import io.instancerole.domain.service.Status;

/** {@code {"status": created|unchanged|updated, "dryRun", "role"}}; 201 when created. */
@JsonPropertyOrder({"status", "dryRun", "role"})
public final class CreateRoleResult implements ServiceResult {
    private final Status status;
    private final boolean dryRun;
    private final RoleView role;

    CreateRoleResult(Status status, boolean dryRun, RoleView role) {
        this.status = status;
        this.dryRun = dryRun;
        this.role = role;
    }

    @JsonProperty
    public Status status() {
        return status;
    }

    @Override
    @JsonProperty
    public boolean dryRun() {
        return dryRun;
    }

    @JsonProperty
    public RoleView role() {
        return role;
    }

    @Override
    public int httpStatus() {
        return status == Status.CREATED ? 201 : 200;
    }
}
