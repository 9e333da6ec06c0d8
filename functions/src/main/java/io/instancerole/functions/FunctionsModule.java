package io.instancerole.functions;

import dagger.Module;
import dagger.Provides;
import dagger.Reusable;
import io.instancerole.chat.ChatOps;
import io.instancerole.chat.ChatOpsConfig;
import io.instancerole.chat.DomainServices;
import io.instancerole.cloud.aliyun.CloudConfig;
import io.instancerole.cloud.aliyun.CredentialsSource;
import io.instancerole.cloud.aliyun.EnvironmentCredentials;
import io.instancerole.cloud.aliyun.ExecutionCredentials;
import io.instancerole.domain.authorize.PolicyService;
import io.instancerole.domain.binding.BindingService;
import io.instancerole.domain.config.DeploymentEnvironment;
import io.instancerole.domain.describe.DescribeService;
import io.instancerole.domain.grant.PassRoleGrantService;
import io.instancerole.domain.role.CreateRoleService;
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

    /** One per instance: its caches of seen signatures, replies and plans serve every request. */
    @Provides
    @Singleton
    static ChatOps chatOps(@DeploymentEnvironment Map<String, String> environment, CreateRoleService createRole, PolicyService policy,
            BindingService binding, PassRoleGrantService grants, DescribeService describe, Clock clock) {
        return new ChatOps(ChatOpsConfig.fromEnvironment(environment), new DomainServices(createRole, policy, binding, grants, describe), clock);
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
