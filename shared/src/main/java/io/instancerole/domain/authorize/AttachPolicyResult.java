package io.instancerole.domain.authorize;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.policy.Finding;
import io.instancerole.domain.service.ServiceResult;
import io.instancerole.domain.service.Status;
import java.util.List;
import java.util.Map;

/** {@code {"status": attached|alreadyAttached, "dryRun", "roleName", "policyName", "policyType", "findings"}}; 201 when attached. */
@JsonPropertyOrder({"status", "dryRun", "roleName", "policyName", "policyType", "findings"})
public final class AttachPolicyResult implements ServiceResult {
    private final Status status;
    private final boolean dryRun;
    private final String roleName;
    private final String policyName;
    private final PolicyType policyType;
    private final List<Finding> findings;

    AttachPolicyResult(Status status, boolean dryRun, String roleName, String policyName, PolicyType policyType, List<Finding> findings) {
        this.status = status;
        this.dryRun = dryRun;
        this.roleName = roleName;
        this.policyName = policyName;
        this.policyType = policyType;
        this.findings = List.copyOf(findings);
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

    /** The attached policy's lint findings. */
    public List<Finding> findings() {
        return findings;
    }

    @JsonProperty("findings")
    private List<Map<String, String>> findingsJson() {
        return FindingsJson.of(findings);
    }

    @Override
    public int httpStatus() {
        return status == Status.ATTACHED ? 201 : 200;
    }
}
