package io.instancerole.domain.authorize;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.policy.Finding;
import io.instancerole.domain.service.Status;
import java.util.List;

/**
 * {@code {"status": attached|alreadyAttached, "dryRun", "roleName", "policyName", "policyType", "findings"}}
 * (the attached policy's lint findings); 201 when attached.
 */
@JsonPropertyOrder({"status", "dryRun", "roleName", "policyName", "policyType", "findings"})
public final class AttachPolicyResult extends PolicyResult {
    private final String roleName;
    private final String policyName;
    private final PolicyType policyType;

    AttachPolicyResult(Status status, boolean dryRun, String roleName, String policyName, PolicyType policyType, List<Finding> findings) {
        super(status, dryRun, findings, status == Status.ATTACHED);
        this.roleName = roleName;
        this.policyName = policyName;
        this.policyType = policyType;
    }

    @JsonProperty
    public String roleName() {
        return roleName;
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
