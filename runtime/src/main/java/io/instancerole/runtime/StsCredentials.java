package io.instancerole.runtime;

import com.aliyun.fc.runtime.Credentials;

/** One set of (usually STS) credentials; {@link #toString} never shows the secret or the token. */
public final class StsCredentials implements Credentials {
    private final String accessKeyId;
    private final String accessKeySecret;
    private final String securityToken;

    public StsCredentials(String accessKeyId, String accessKeySecret, String securityToken) {
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        this.securityToken = securityToken;
    }

    @Override
    public String getAccessKeyId() {
        return accessKeyId;
    }

    @Override
    public String getAccessKeySecret() {
        return accessKeySecret;
    }

    @Override
    public String getSecurityToken() {
        return securityToken;
    }

    @Override
    public String toString() {
        return "Credentials[" + accessKeyId + "]";
    }
}
