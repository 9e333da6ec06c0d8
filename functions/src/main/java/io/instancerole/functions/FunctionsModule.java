package io.instancerole.functions;

import dagger.Module;
import dagger.Provides;
import dagger.Reusable;
import io.instancerole.cloud.aliyun.CloudConfig;
import io.instancerole.cloud.aliyun.CredentialsSource;
import io.instancerole.cloud.aliyun.EnvironmentCredentials;
import io.instancerole.cloud.aliyun.ExecutionCredentials;
import io.instancerole.domain.config.DeploymentEnvironment;
import io.instancerole.domain.service.Sleeper;
import java.time.Clock;
import java.util.Map;
import javax.inject.Singleton;

/**
 * What the domain and the adapters need from a function: the cloud configuration and credentials
 * read from the function's environment map (not {@code System.getenv()}: the local stack runs
 * every function in one JVM with its own map), the real clock and real sleeping.
 */
@Module
final class FunctionsModule {
    private FunctionsModule() {}

    @Provides
    @Singleton
    static ExecutionCredentials executionCredentials() {
        return new ExecutionCredentials();
    }

    /** The service role's execution credentials first; the standard variables when there are none (outside Function Compute). */
    @Provides
    @Reusable
    static CredentialsSource credentialsSource(ExecutionCredentials execution, @DeploymentEnvironment Map<String, String> environment) {
        return CredentialsSource.firstAvailable(execution, EnvironmentCredentials.from(environment));
    }

    @Provides
    @Reusable
    static CloudConfig cloudConfig(@DeploymentEnvironment Map<String, String> environment) {
        return CloudConfig.fromEnvironment(environment);
    }

    @Provides
    static Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    static Sleeper sleeper() {
        return Sleeper.system();
    }
}
