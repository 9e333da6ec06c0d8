package io.instancerole.domain.binding;

import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@code POST /v1/role-bindings}: {@code {"regionId"?, "roleName", "instanceIds", "policy"?}}. */
public final class BindRequest {
    public static final int MAX_POLICY = 1024;

    private final RegionId regionId;
    private final RoleName roleName;
    private final InstanceIdBatch instanceIds;
    private final String policy;

    private BindRequest(RegionId regionId, RoleName roleName, InstanceIdBatch instanceIds, String policy) {
        this.regionId = regionId;
        this.roleName = Objects.requireNonNull(roleName, "roleName");
        this.instanceIds = Objects.requireNonNull(instanceIds, "instanceIds");
        this.policy = policy;
    }

    /**
     * {@code regionId} null means the deployment's default; {@code policy} (null when not given)
     * is the 1-1024-character policy ECS applies on top of the role for these instances.
     */
    public static BindRequest of(RegionId regionId, RoleName roleName, InstanceIdBatch instanceIds, String policy) {
        if (policy != null && (policy.isEmpty() || policy.length() > MAX_POLICY)) {
            throw DomainException.invalidParameter("policy", "1-" + MAX_POLICY + " characters (got " + policy.length() + ")");
        }
        return new BindRequest(regionId, roleName, instanceIds, policy);
    }

    public RegionId regionId() {
        return regionId;
    }

    public RoleName roleName() {
        return roleName;
    }

    public InstanceIdBatch instanceIds() {
        return instanceIds;
    }

    public String policy() {
        return policy;
    }

    public Map<String, Object> auditTarget() {
        Map<String, Object> target = new LinkedHashMap<>();
        if (regionId != null) {
            target.put("regionId", regionId.value());
        }
        target.put("roleName", roleName.value());
        target.put("instanceIds", instanceIds.values());
        return target;
    }
}
