package io.instancerole.domain.authorize;

import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RoleName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@code POST /v1/roles/{roleName}/policy-attachments}: {@code {"policyName", "policyType"}}. */
public final class AttachPolicyRequest {
    private final RoleName roleName;
    private final PolicyName policyName;
    private final PolicyType policyType;

    private AttachPolicyRequest(RoleName roleName, PolicyName policyName, PolicyType policyType) {
        this.roleName = Objects.requireNonNull(roleName, "roleName");
        this.policyName = Objects.requireNonNull(policyName, "policyName");
        this.policyType = Objects.requireNonNull(policyType, "policyType");
    }

    public static AttachPolicyRequest of(RoleName roleName, PolicyName policyName, PolicyType policyType) {
        return new AttachPolicyRequest(roleName, policyName, policyType);
    }

    public RoleName roleName() {
        return roleName;
    }

    public PolicyName policyName() {
        return policyName;
    }

    public PolicyType policyType() {
        return policyType;
    }

    public Map<String, Object> auditTarget() {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("roleName", roleName.value());
        target.put("policyName", policyName.value());
        target.put("policyType", policyType.name());
        return target;
    }
}
