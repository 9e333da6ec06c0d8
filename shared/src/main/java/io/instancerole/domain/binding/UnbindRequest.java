package io.instancerole.domain.binding;

import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@code POST /v1/role-bindings/unbind}: {@code {"regionId"?, "instanceIds", "roleName"?}}. */
public final class UnbindRequest {
    private final RegionId regionId;
    private final InstanceIdBatch instanceIds;
    private final RoleName roleName;

    private UnbindRequest(RegionId regionId, InstanceIdBatch instanceIds, RoleName roleName) {
        this.regionId = regionId;
        this.instanceIds = Objects.requireNonNull(instanceIds, "instanceIds");
        this.roleName = roleName;
    }

    /** {@code regionId} null means the default; {@code roleName} null means "whatever role is bound". */
    public static UnbindRequest of(RegionId regionId, InstanceIdBatch instanceIds, RoleName roleName) {
        return new UnbindRequest(regionId, instanceIds, roleName);
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

    public Map<String, Object> auditTarget() {
        Map<String, Object> target = new LinkedHashMap<>();
        if (regionId != null) {
            target.put("regionId", regionId.value());
        }
        if (roleName != null) {
            target.put("roleName", roleName.value());
        }
        target.put("instanceIds", instanceIds.values());
        return target;
    }
}
