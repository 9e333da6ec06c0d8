package io.instancerole.domain.describe;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.role.RoleView;
import io.instancerole.domain.service.ReadResult;
import java.util.List;

/** {@code GET /v1/roles/{roleName}}: {@code {"role": {...}, "policies": [{"policyName", "policyType"}]}}. */
@JsonPropertyOrder({"role", "policies"})
public final class RoleDescription implements ReadResult {
    private final RoleView role;
    private final List<PolicyRef> policies;

    RoleDescription(RoleView role, List<PolicyRef> policies) {
        this.role = role;
        this.policies = List.copyOf(policies);
    }

    @JsonProperty
    public RoleView role() {
        return role;
    }

    @JsonProperty
    public List<PolicyRef> policies() {
        return policies;
    }

    /** A policy attached to the role. */
    @JsonPropertyOrder({"policyName", "policyType"})
    public static final class PolicyRef {
        private final String policyName;
        private final PolicyType policyType;

        PolicyRef(String policyName, PolicyType policyType) {
            this.policyName = policyName;
            this.policyType = policyType;
        }

        @JsonProperty
        public String policyName() {
            return policyName;
        }

        @JsonProperty
        public PolicyType policyType() {
            return policyType;
        }
    }
}
