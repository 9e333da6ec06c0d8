package io.instancerole.cloud.aliyun;

import io.instancerole.domain.config.DeploymentConfig;
import io.instancerole.domain.model.Caller;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.port.CloudSession;
import io.instancerole.domain.port.CloudSessions;
import io.instancerole.domain.service.Sleeper;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Opens sessions on the real cloud (or the endpoint of {@link CloudConfig#endpointOverride()})
 * through the V1 SDK. Credentials come from the {@link CredentialsSource} at every request; with
 * an operator role, each caller works through their own STS session of it.
 */
public final class AliyunCloudSessions implements CloudSessions {
    private final CredentialsSource credentials;
    private final SdkClients clients;
    private final SdkInvoker invoker;
    private final Optional<OperatorRoleSessions> operatorRole;

    /** {@code sleeper} waits between retries; {@code clock} judges when an operator session is near expiry. */
    public AliyunCloudSessions(CloudConfig config, CredentialsSource credentials, Sleeper sleeper, Clock clock) {
        this.credentials = credentials;
        this.clients = new SdkClients(config.defaultRegion());
        this.invoker = new SdkInvoker(config.endpointOverride(), config.backoff(), sleeper);
        this.operatorRole = config.operatorRoleArn().map(arn -> new OperatorRoleSessions(arn, invoker, clock));
    }

    @Override
    public CloudSession open(Caller caller) {
        // the ports share the session's client and its record of request ids
        SessionCalls calls = new SessionCalls(invoker, requestIds -> clientFor(caller, requestIds));
        return new CloudSession(new AliyunRamPort(calls), new AliyunEcsPort(calls), new AliyunStsPort(calls), calls::requestIds);
    }

    private SdkClient clientFor(Caller caller, Consumer<String> requestIds) {
        SdkClient base = clients.forCredentials(credentials.current().orElseThrow(AliyunCloudSessions::noCredentials));
        if (operatorRole.isEmpty()) {
            return base;
        }
        return clients.forCredentials(operatorRole.get().credentialsFor(caller.id(), base, requestIds));
    }

    /** A deployment problem, reported like a missing permission (502) rather than blamed on the caller. */
    private static CloudException noCredentials() {
        return new CloudException(CloudException.Kind.DENIED, "Credentials", CloudException.MISSING_CREDENTIALS, 0, null,
                "neither Function Compute's execution credentials (from the service's role) nor " + EnvironmentCredentials.ACCESS_KEY_ID
                        + " and " + EnvironmentCredentials.ACCESS_KEY_SECRET + " are there; with " + DeploymentConfig.OPERATOR_ROLE_ARN
                        + " set, they are what assumes the operator role");
    }
}
