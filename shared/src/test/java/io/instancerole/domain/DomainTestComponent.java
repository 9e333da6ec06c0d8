package io.instancerole.domain;

import dagger.BindsInstance;
import dagger.Component;
import io.instancerole.domain.audit.AuditWriter;
import io.instancerole.domain.authorize.PolicyService;
import io.instancerole.domain.binding.BindingService;
import io.instancerole.domain.config.DeploymentEnvironment;
import io.instancerole.domain.describe.DescribeService;
import io.instancerole.domain.grant.PassRoleGrantService;
import io.instancerole.domain.port.CloudSessions;
import io.instancerole.domain.role.CreateRoleService;
import io.instancerole.domain.service.RequestContexts;
import io.instancerole.domain.service.Sleeper;
import java.time.Clock;
import java.util.Map;

/** A component over {@link DomainModule} alone, proving the module's graph is complete. */
@Component(modules = DomainModule.class)
interface DomainTestComponent {
    CreateRoleService createRoleService();

    PolicyService policyService();

    BindingService bindingService();

    PassRoleGrantService passRoleGrantService();

    DescribeService describeService();

    RequestContexts requestContexts();

    AuditWriter auditWriter();

    @Component.Factory
    interface Factory {
        DomainTestComponent create(@BindsInstance @DeploymentEnvironment Map<String, String> environment,
                @BindsInstance CloudSessions sessions, @BindsInstance Sleeper sleeper, @BindsInstance Clock clock);
    }
}
