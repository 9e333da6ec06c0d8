package io.instancerole.emulator.state;

import java.time.Instant;

/** An STS session of a role: temporary credentials the emulator accepts until they expire. */
public final class Session {
    private final String accessKeyId;
    private final String accessKeySecret;
    private final String securityToken;
    private final String roleName;
    private final String roleId;
    private final String sessionName;
    private final String policy;
    private final Instant issuedAt;
    private final Instant expiration;

    public Session(String accessKeyId, String accessKeySecret, String securityToken, String roleName, String roleId,
                   String sessionName, String policy, Instant issuedAt, Instant expiration) {
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        this.securityToken = securityToken;
        this.roleName = roleName;
        this.roleId = roleId;
        this.sessionName = sessionName;
        this.policy = policy;
        this.issuedAt = issuedAt;
        this.expiration = expiration;
    }

    public String accessKeyId() { return accessKeyId; }
    public String accessKeySecret() { return accessKeySecret; }
    public String securityToken() { return securityToken; }
    public String roleName() { return roleName; }
    public String roleId() { return roleId; }
    public String sessionName() { return sessionName; }
    /** The session policy that narrows the role's permissions, or null. */
    public String policy() { return policy; }
    public Instant issuedAt() { return issuedAt; }
    public Instant expiration() { return expiration; }

    public boolean expired(Instant now) { return !now.isBefore(expiration); }
}
