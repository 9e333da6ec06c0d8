package io.instancerole.domain.authorize;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.instancerole.domain.policy.Finding;
import io.instancerole.domain.service.Status;
import java.util.List;

/**
 * {@code {"status", "dryRun", "policy", "attachments", "findings"}} (warnings and suggestions;
 * security warnings too when an admin went ahead); 201 when the policy was created, 207 when an
 * attachment failed after the policy was made.
 */
@JsonPropertyOrder({"status", "dryRun", "policy", "attachments", "findings"})
public final class CreatePolicyResult extends PolicyResult {
    private final PolicyView policy;
    private final List<RoleAttachment> attachments;

    CreatePolicyResult(Status status, boolean dryRun, PolicyView policy, List<RoleAttachment> attachments, List<Finding> findings) {
        super(status, dryRun, findings, status == Status.CREATED);
        this.policy = policy;
        this.attachments = List.copyOf(attachments);
    }

    @JsonProperty
    public PolicyView policy() {
        return policy;
    }

    @JsonProperty
    public List<RoleAttachment> attachments() {
        return attachments;
    }

    @Override
    boolean partial() {
        return attachments.stream().anyMatch(a -> a.status() == Status.FAILED);
    }
}
