package io.instancerole.cloud.aliyun;

import java.util.Optional;

/**
 * Function Compute's execution credentials (an STS session of the service role). The handler
 * passes them in at every invocation, from {@code Context.getExecutionCredentials()}, because
 * Function Compute rotates them; every request then signs with the latest.
 */
public final class ExecutionCredentials implements CredentialsSource {
    private volatile CloudCredentials latest;

    /** Called by the handler per invocation; blank values (a service without a role) are ignored. */
    public void update(String accessKeyId, String accessKeySecret, String securityToken) {
        if (!CloudCredentials.isBlank(accessKeyId) && !CloudCredentials.isBlank(accessKeySecret)) {
            latest = new CloudCredentials(accessKeyId, accessKeySecret, securityToken);
        }
    }

    @Override
    public Optional<CloudCredentials> current() {
        return Optional.ofNullable(latest);
    }
}
