package io.instancerole.functions;

import dagger.BindsInstance;
import dagger.Component;
import io.instancerole.cloud.aliyun.AliyunCloudModule;
import io.instancerole.cloud.aliyun.ExecutionCredentials;
import io.instancerole.chat.ChatOps;
import io.instancerole.domain.DomainModule;
import io.instancerole.domain.authorize.PolicyService;
import io.instancerole.domain.binding.BindingService;
import io.instancerole.domain.config.DeploymentConfig;
import io.instancerole.domain.config.DeploymentEnvironment;
import io.instancerole.domain.describe.DescribeService;
import io.instancerole.domain.describe.ListService;
import io.instancerole.domain.grant.PassRoleGrantService;
import io.instancerole.domain.port.CloudSessions;
import io.instancerole.domain.role.CreateRoleService;
import io.instancerole.domain.service.RequestContexts;
import java.util.Map;
import javax.inject.Singleton;

/**
 * The object graph of one handler instance: the domain services on the V1 SDK adapters. Built
 * once per instance (in the initializer) and shared by its concurrent requests; everything in it
 * is thread-safe.
 */
@Singleton
@Component(modules = {DomainModule.class, AliyunCloudModule.class, FunctionsModule.class})
public interface FunctionsComponent {
    DeploymentConfig deploymentConfig();

    /** Fed from {@code Context.getExecutionCredentials()} at every invocation (Function Compute rotates them). */
    ExecutionCredentials executionCredentials();

    CloudSessions cloudSessions();

    RequestContexts requestContexts();

    CreateRoleService createRoleService();

    PolicyService policyService();

    BindingService bindingService();

    PassRoleGrantService passRoleGrantService();

    DescribeService describeService();

    ListService listService();

    /** The chat bot; its configuration is read (and checked) on first use. */
    ChatOps chatOps();

    /** Builds the graph. */
    @Component.Factory
    interface Factory {
        /** {@code environment}: the function's environment variables (the deployment configuration and CLOUD_ENDPOINT). */
        FunctionsComponent create(@BindsInstance @DeploymentEnvironment Map<String, String> environment);
    }
}
