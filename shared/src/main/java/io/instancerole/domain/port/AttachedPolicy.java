package io.instancerole.domain.port;

import io.instancerole.domain.model.PolicyType;

/** A policy attached to a role or user. */
public final class AttachedPolicy {
    private final String policyName;
    private final PolicyType policyType;

    public AttachedPolicy(String policyName, PolicyType policyType) {
        this.policyName = policyName;
        this.policyType = policyType;
    }

    public String policyName() { return policyName; }
    public PolicyType policyType() { return policyType; }
}
