package io.instancerole.emulator.client;

import java.time.Instant;

/** STS credentials of a role session. */
public final class SessionCredentials {
    private final String accessKeyId;
    private final String accessKeySecret;
    private final String securityToken;
    private final Instant expiration;

    public SessionCredentials(String accessKeyId, String accessKeySecret, String securityToken, Instant expiration) {
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        this.securityToken = securityToken;
        this.expiration = expiration;
    }

    public String accessKeyId() { return accessKeyId; }
    public String accessKeySecret() { return accessKeySecret; }
    public String securityToken() { return securityToken; }
    public Instant expiration() { return expiration; }

    @Override
    public String toString() {
        return "SessionCredentials{accessKeyId=" + accessKeyId + ", expiration=" + expiration + "}";
    }
}
