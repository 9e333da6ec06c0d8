package io.instancerole.cloud.aliyun;

import java.util.List;
import java.util.Optional;

/** Where the deployment's own cloud credentials come from, asked at every request (they rotate). */
public interface CredentialsSource {
    /** The credentials to use now; empty when this source has none. */
    Optional<CloudCredentials> current();

    /** The first source that has credentials, e.g. Function Compute's execution credentials, then the environment. */
    static CredentialsSource firstAvailable(CredentialsSource... sources) {
        List<CredentialsSource> chain = List.of(sources);
        return () -> {
            for (CredentialsSource source : chain) {
                Optional<CloudCredentials> credentials = source.current();
                if (credentials.isPresent()) {
                    return credentials;
                }
            }
            return Optional.empty();
        };
    }
}
