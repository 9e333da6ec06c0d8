package io.instancerole.domain.describe;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.instancerole.domain.service.ReadResult;

/** {@code GET /v1/instances/{instanceId}/role}: {@code {"instanceId", "regionId", "roleName": "…" | null}}. */
@JsonPropertyOrder({"instanceId", "regionId", "roleName"})
public final class InstanceRoleResult implements ReadResult {
    private final String instanceId;
    private final String regionId;
    private final String roleName;

    InstanceRoleResult(String instanceId, String regionId, String roleName) {
        this.instanceId = instanceId;
        this.regionId = regionId;
        this.roleName = roleName;
    }

    @JsonProperty
    public String instanceId() {
        return instanceId;
    }

    @JsonProperty
    public String regionId() {
        return regionId;
    }

    /** Null when no role is bound (written as JSON null). */
    @JsonProperty
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public String roleName() {
        return roleName;
    }
}
