package io.instancerole.cloud.aliyun;

import java.util.Map;
import java.util.Optional;

/** The standard variables ALIBABA_CLOUD_ACCESS_KEY_ID, _ACCESS_KEY_SECRET and (for STS keys) _SECURITY_TOKEN. */
public final class EnvironmentCredentials implements CredentialsSource {
    public static final String ACCESS_KEY_ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    public static final String ACCESS_KEY_SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    public static final String SECURITY_TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";

    private final Optional<CloudCredentials> credentials;

    private EnvironmentCredentials(Optional<CloudCredentials> credentials) {
        this.credentials = credentials;
    }

    /** Read once: a function's environment does not change while it runs. */
    public static EnvironmentCredentials from(Map<String, String> environment) {
        String id = environment.get(ACCESS_KEY_ID);
        String secret = environment.get(ACCESS_KEY_SECRET);
        if (CloudCredentials.isBlank(id) || CloudCredentials.isBlank(secret)) {
            return new EnvironmentCredentials(Optional.empty());
        }
        return new EnvironmentCredentials(Optional.of(new CloudCredentials(id, secret, environment.get(SECURITY_TOKEN))));
    }

    @Override
    public Optional<CloudCredentials> current() {
        return credentials;
    }
}
