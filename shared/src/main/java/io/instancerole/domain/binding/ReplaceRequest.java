package io.instancerole.domain.binding;

import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@code POST /v1/role-bindings/replace}: {@code {"regionId"?, "instanceIds", "roleName", "expectedCurrentRoleName"?}}. */
public final class ReplaceRequest {
    private final RegionId regionId;
    private final InstanceIdBatch instanceIds;
    private final RoleName roleName;
    private final RoleName expectedCurrentRoleName;

    private ReplaceRequest(RegionId regionId, InstanceIdBatch instanceIds, RoleName roleName, RoleName expectedCurrentRoleName) {
        this.regionId = regionId;
        this.instanceIds = Objects.requireNonNull(instanceIds, "instanceIds");
        this.roleName = Objects.requireNonNull(roleName, "roleName");
        this.expectedCurrentRoleName = expectedCurrentRoleName;
    }

    /** {@code regionId} null means the default; {@code expectedCurrentRoleName} null means "any current role". */
    public static ReplaceRequest of(RegionId regionId, InstanceIdBatch instanceIds, RoleName roleName, RoleName expectedCurrentRoleName) {
        return new ReplaceRequest(regionId, instanceIds, roleName, expectedCurrentRoleName);
    }

    public RegionId regionId() {
        return regionId;
    }

    public InstanceIdBatch instanceIds() {
        return instanceIds;
    }

    public RoleName roleName() {
        return roleName;
    }

    public RoleName expectedCurrentRoleName() {
        return expectedCurrentRoleName;
    }

    public Map<String, Object> auditTarget() {
        Map<String, Object> target = new LinkedHashMap<>();
        if (regionId != null) {
            target.put("regionId", regionId.value());
        }
        target.put("roleName", roleName.value());
        if (expectedCurrentRoleName != null) {
            target.put("expectedCurrentRoleName", expectedCurrentRoleName.value());
        }
        target.put("instanceIds", instanceIds.values());
        return target;
    }
}
