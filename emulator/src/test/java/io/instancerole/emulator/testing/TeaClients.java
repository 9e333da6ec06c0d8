package io.instancerole.emulator.testing;

import com.aliyun.teaopenapi.models.Config;

/** The unmodified Tea-based SDKs (signature V3 unless the client chooses otherwise) pointed at an emulator. */
public final class TeaClients {
    private TeaClients() {}

    /** A config with a long-term AccessKey; {@code endpoint} is {@code host:port}. */
    public static Config config(String endpoint, String accessKeyId, String accessKeySecret) {
        return new Config().setEndpoint(endpoint).setProtocol("HTTP").setRegionId(EmulatorExtension.REGION)
                .setAccessKeyId(accessKeyId).setAccessKeySecret(accessKeySecret)
                .setConnectTimeout(5_000).setReadTimeout(10_000);
    }

    /** A config with STS credentials (sent as {@code x-acs-security-token}). */
    public static Config config(String endpoint, String accessKeyId, String accessKeySecret, String securityToken) {
        return config(endpoint, accessKeyId, accessKeySecret).setSecurityToken(securityToken);
    }

    public static com.aliyun.ram20150501.Client ram(Config config) throws Exception {
        return new com.aliyun.ram20150501.Client(config);
    }

    public static com.aliyun.ecs20140526.Client ecs(Config config) throws Exception {
        return new com.aliyun.ecs20140526.Client(config);
    }

    public static com.aliyun.sts20150401.Client sts(Config config) throws Exception {
        return new com.aliyun.sts20150401.Client(config);
    }
}
