package io.instancerole.cloud.aliyun;

import java.util.Objects;

/**
 * An access key, with the security token when it is an STS session. Equal credentials share one
 * SDK client. {@link #toString()} names the key id only: the secret and the token never leave.
 */
public final class CloudCredentials {
    private final String accessKeyId;
    private final String accessKeySecret;
    private final String securityToken;

    /** {@code securityToken} is null for a long-term key of a RAM user or the account. */
    public CloudCredentials(String accessKeyId, String accessKeySecret, String securityToken) {
        if (isBlank(accessKeyId) || isBlank(accessKeySecret)) {
            throw new IllegalArgumentException("an access key needs both an id and a secret");
        }
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        this.securityToken = isBlank(securityToken) ? null : securityToken;
    }

    static boolean isBlank(String value) {
        return value == null || value.trim().isEmpty();
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    String accessKeySecret() {
        return accessKeySecret;
    }

    /** Null for a long-term key. */
    String securityToken() {
        return securityToken;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CloudCredentials)) {
            return false;
        }
        CloudCredentials other = (CloudCredentials) o;
        return accessKeyId.equals(other.accessKeyId) && accessKeySecret.equals(other.accessKeySecret)
                && Objects.equals(securityToken, other.securityToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKeyId, accessKeySecret, securityToken);
    }

    @Override
    public String toString() {
        return "CloudCredentials[" + accessKeyId + (securityToken == null ? "" : ", session") + "]";
    }
}
