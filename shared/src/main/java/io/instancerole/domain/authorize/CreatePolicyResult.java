package io.instancerole.domain.authorize;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.instancerole.domain.policy.Finding;
import io.instancerole.domain.service.ServiceResult;
import io.instancerole.domain.service.Status;
import java.util.List;
import java.util.Map;

/** {@code {"status", "dryRun", "policy", "attachments", "findings"}}; 201 when the policy was created. */
@JsonPropertyOrder({"status", "dryRun", "policy", "attachments", "findings"})
public final class CreatePolicyResult implements ServiceResult {
    private final Status status;
    private final boolean dryRun;
    private final PolicyView policy;
    private final List<RoleAttachment> attachments;
    private final List<Finding> findings;

    CreatePolicyResult(Status status, boolean dryRun, PolicyView policy, List<RoleAttachment> attachments, List<Finding> findings) {
        this.status = status;
        this.dryRun = dryRun;
        this.policy = policy;
        this.attachments = List.copyOf(attachments);
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
    public PolicyView policy() {
        return policy;
    }

    @JsonProperty
    public List<RoleAttachment> attachments() {
        return attachments;
    }

    /** The lint findings (warnings and suggestions; security warnings too when an admin went ahead). */
    public List<Finding> findings() {
        return findings;
    }

    @JsonProperty("findings")
    private List<Map<String, String>> findingsJson() {
        return FindingsJson.of(findings);
    }

    @Override
    public int httpStatus() {
        return status == Status.CREATED ? 201 : 200;
    }
}
