package io.instancerole.emulator.state;

import java.time.Instant;

/** A policy attached to a role or a user. */
public final class Attachment {
    public static final String ROLE = "Role";
    public static final String USER = "User";

    private final String policyType;
    private final String policyName;
    private final String principalType;
    private final String principalName;
    private final Instant attachDate;

    public Attachment(String policyType, String policyName, String principalType, String principalName,
                      Instant attachDate) {
        this.policyType = policyType;
        this.policyName = policyName;
        this.principalType = principalType;
        this.principalName = principalName;
        this.attachDate = attachDate;
    }

    public String policyType() { return policyType; }
    public String policyName() { return policyName; }
    public String principalType() { return principalType; }
    public String principalName() { return principalName; }
    public Instant attachDate() { return attachDate; }

    public boolean isFor(String type, String name) {
        return principalType.equals(type) && principalName.equalsIgnoreCase(name);
    }

    public boolean isOf(String type, String name) {
        return policyType.equals(type) && policyName.equals(name);
    }
}
