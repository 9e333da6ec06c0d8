package io.instancerole.local;

import io.instancerole.runtime.StsCredentials;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The real Alibaba Cloud: the functions use the SDK's default endpoints, and their execution
 * credentials are the caller's own, from the standard environment variables.
 */
final class AliyunTarget implements CloudTarget {
    static final String ACCESS_KEY_ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    static final String ACCESS_KEY_SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    static final String SECURITY_TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";

    private final StsCredentials credentials;

    private AliyunTarget(StsCredentials credentials) {
        this.credentials = credentials;
    }

    /** Stops at once, saying what to set, when the variables are missing. */
    static AliyunTarget fromEnvironment(Map<String, String> environment) {
        String id = environment.get(ACCESS_KEY_ID);
        String secret = environment.get(ACCESS_KEY_SECRET);
        if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
            throw new UsageException("--cloud aliyun needs credentials: set " + ACCESS_KEY_ID + " and " + ACCESS_KEY_SECRET
                    + " (and " + SECURITY_TOKEN + " for STS credentials) in the environment");
        }
        String token = environment.get(SECURITY_TOKEN);
        return new AliyunTarget(new StsCredentials(id, secret, token == null || token.isBlank() ? null : token));
    }

    @Override
    public Map<String, String> functionEnvironment() {
        return Map.of();
    }

    @Override
    public ExecutionCredentials executionCredentials(ServiceDefinition service, Consumer<String> notes) {
        return () -> credentials;
    }

    @Override
    public void close() {
        // nothing was started
    }
}
