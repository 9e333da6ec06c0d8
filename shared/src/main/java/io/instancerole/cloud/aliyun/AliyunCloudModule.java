package io.instancerole.cloud.aliyun;

import dagger.Module;
import dagger.Provides;
import io.instancerole.domain.port.CloudSessions;
import javax.inject.Singleton;

/**
 * The cloud for the functions: {@link CloudSessions} on the V1 SDK. The component supplies the
 * {@link CloudConfig} (e.g. {@link CloudConfig#fromEnvironment}) and the {@link CredentialsSource}
 * (e.g. the handler's {@link ExecutionCredentials}, then {@link EnvironmentCredentials}).
 */
@Module
public final class AliyunCloudModule {
    private AliyunCloudModule() {}

    /** One per component: it holds the SDK clients and the operator sessions. */
    @Provides
    @Singleton
    static CloudSessions cloudSessions(CloudConfig config, CredentialsSource credentials) {
        return new AliyunCloudSessions(config, credentials);
    }
}
