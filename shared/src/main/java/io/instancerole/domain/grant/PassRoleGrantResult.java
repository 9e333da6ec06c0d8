package io.instancerole.domain.grant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.service.ServiceResult;
import io.instancerole.domain.service.Status;
import java.util.List;
import java.util.Map;

/**
 * {@code {"status", "dryRun", "userName", "policyName", "grantedRoles", "document"}}: the grant as
 * it now stands; {@code document} is null once the policy was deleted (or never existed). With a
 * {@code "failure": {"action", "code", "message"}} and 207 when a step after a change failed.
 */
@JsonPropertyOrder({"status", "dryRun", "userName", "policyName", "grantedRoles", "document", "failure"})
public final class PassRoleGrantResult implements ServiceResult {
    private final Status status;
    private final boolean dryRun;
    private final String userName;
    private final String policyName;
    private final List<String> grantedRoles;
    private final JsonNode document;
    private final Map<String, String> failure;

    PassRoleGrantResult(Status status, boolean dryRun, String userName, String policyName, List<String> grantedRoles, JsonNode document,
            Map<String, String> failure) {
        this.status = status;
        this.dryRun = dryRun;
        this.userName = userName;
        this.policyName = policyName;
        this.grantedRoles = List.copyOf(grantedRoles);
        this.document = document == null ? null : document.deepCopy();
        this.failure = failure == null ? null : Map.copyOf(failure);
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
    public String userName() {
        return userName;
    }

    @JsonProperty
    public String policyName() {
        return policyName;
    }

    @JsonProperty
    public List<String> grantedRoles() {
        return grantedRoles;
    }

    @JsonProperty
    public JsonNode document() {
        return document == null ? null : document.deepCopy();
    }

    @JsonProperty
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Map<String, String> failure() {
        return failure;
    }

    @Override
    public int httpStatus() {
        return failure != null ? 207 : status == Status.CREATED ? 201 : 200;
    }
}
