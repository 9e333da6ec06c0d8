package io.instancerole.domain.authorize;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.instancerole.domain.model.PolicyType;

/** A custom policy as createPolicy shows it; the description is empty when it has none. */
@JsonPropertyOrder({"policyName", "policyType", "defaultVersion", "description"})
public final class PolicyView {
    private final String policyName;
    private final PolicyType policyType;
    private final String defaultVersion;
    private final String description;

    PolicyView(String policyName, PolicyType policyType, String defaultVersion, String description) {
        this.policyName = policyName;
        this.policyType = policyType;
        this.defaultVersion = defaultVersion;
        this.description = description == null ? "" : description;
    }

    @JsonProperty
    public String policyName() {
        return policyName;
    }

    @JsonProperty
    public PolicyType policyType() {
        return policyType;
    }

    @JsonProperty
    public String defaultVersion() {
        return defaultVersion;
    }

    @JsonProperty
    public String description() {
        return description;
    }
}
