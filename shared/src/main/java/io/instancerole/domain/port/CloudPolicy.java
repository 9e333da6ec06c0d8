package io.instancerole.domain.port;

import io.instancerole.domain.model.PolicyType;

/** A RAM policy with its default version's document (null when RAM did not return it). */
public final class CloudPolicy {
    private final String policyName;
    private final PolicyType policyType;
    private final String description;
    private final String defaultVersion;
    private final String defaultDocument;

    public CloudPolicy(String policyName, PolicyType policyType, String description, String defaultVersion, String defaultDocument) {
        this.policyName = policyName;
        this.policyType = policyType;
        this.description = description;
        this.defaultVersion = defaultVersion;
        this.defaultDocument = defaultDocument;
    }

    public String policyName() { return policyName; }
    public PolicyType policyType() { return policyType; }
    public String description() { return description; }
    public String defaultVersion() { return defaultVersion; }
    public String defaultDocument() { return defaultDocument; }
}
