package io.instancerole.cloud.aliyun;

import dagger.Module;
import dagger.Provides;
import io.instancerole.domain.port.CloudSessions;
import io.instancerole.domain.service.Sleeper;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * The cloud for the domain: {@link CloudSessions} on the V1 SDK. The component binds the
 * {@link CloudConfig} ({@link CloudConfig#fromEnvironment}), the {@link CredentialsSource} (the
 * handler feeds its {@link ExecutionCredentials}; then {@link EnvironmentCredentials}), and the
 * {@link Sleeper} and {@link Clock} the domain uses too.
 */
@Module
public final class AliyunCloudModule {
    private AliyunCloudModule() {}

    /** One per component: it holds the SDK clients and the operator sessions. */
    @Provides
    @Singleton
    static CloudSessions cloudSessions(CloudConfig config, CredentialsSource credentials, Sleeper sleeper, Clock clock) {
        return new AliyunCloudSessions(config, credentials, sleeper, clock);
    }
}
