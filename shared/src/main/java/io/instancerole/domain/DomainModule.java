package io.instancerole.domain;

import dagger.Module;
import dagger.Provides;
import dagger.Reusable;
import io.instancerole.domain.audit.AuditWriter;
import io.instancerole.domain.authorize.PolicyService;
import io.instancerole.domain.binding.BatchLimits;
import io.instancerole.domain.binding.BindingService;
import io.instancerole.domain.binding.RoleVisibilityRetry;
import io.instancerole.domain.config.DeploymentConfig;
import io.instancerole.domain.config.DeploymentEnvironment;
import io.instancerole.domain.describe.DescribeService;
import io.instancerole.domain.describe.ListService;
import io.instancerole.domain.grant.PassRoleGrantService;
import io.instancerole.domain.guard.Guardrails;
import io.instancerole.domain.policy.PolicyLinter;
import io.instancerole.domain.port.CloudSessions;
import io.instancerole.domain.role.CreateRoleService;
import io.instancerole.domain.service.RequestContexts;
import io.instancerole.domain.service.Sleeper;
import java.time.Clock;
import java.util.Map;

/**
 * Wires the domain: configuration, linter, guardrails and the services. Needs from the component:
 * {@code @DeploymentEnvironment Map<String, String>}, {@link CloudSessions} (the adapters' module),
 * {@link Sleeper} and {@link Clock} ({@link SystemModule} binds the real ones).
 */
@Module
public final class DomainModule {
    private DomainModule() {}

    @Provides
    @Reusable
    static DeploymentConfig deploymentConfig(@DeploymentEnvironment Map<String, String> environment) {
        return DeploymentConfig.fromEnvironment(environment);
    }

    @Provides
    @Reusable
    static Guardrails guardrails(DeploymentConfig config) {
        return new Guardrails(config);
    }

    @Provides
    @Reusable
    static PolicyLinter policyLinter(DeploymentConfig config) {
        return new PolicyLinter(config);
    }

    @Provides
    @Reusable
    static RoleVisibilityRetry roleVisibilityRetry(Sleeper sleeper) {
        return new RoleVisibilityRetry(sleeper);
    }

    @Provides
    @Reusable
    static CreateRoleService createRoleService(Guardrails guardrails) {
        return new CreateRoleService(guardrails);
    }

    @Provides
    @Reusable
    static PolicyService policyService(Guardrails guardrails, PolicyLinter linter) {
        return new PolicyService(guardrails, linter);
    }

    @Provides
    @Reusable
    static BindingService bindingService(Guardrails guardrails, RoleVisibilityRetry retry, DeploymentConfig config, Clock clock) {
        return new BindingService(guardrails, retry, BatchLimits.of(config, clock));
    }

    @Provides
    @Reusable
    static PassRoleGrantService passRoleGrantService(Guardrails guardrails) {
        return new PassRoleGrantService(guardrails);
    }

    @Provides
    @Reusable
    static DescribeService describeService(Guardrails guardrails) {
        return new DescribeService(guardrails);
    }

    @Provides
    @Reusable
    static ListService listService(Guardrails guardrails) {
        return new ListService(guardrails);
    }

    @Provides
    @Reusable
    static RequestContexts requestContexts(CloudSessions sessions, Clock clock) {
        return new RequestContexts(sessions, clock);
    }

    @Provides
    @Reusable
    static AuditWriter auditWriter() {
        return new AuditWriter();
    }
}
