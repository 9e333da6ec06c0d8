package io.instancerole.cloud.aliyun;

import dagger.BindsInstance;
import dagger.Component;
import io.instancerole.domain.DomainModule;
import io.instancerole.domain.config.DeploymentEnvironment;
import io.instancerole.domain.port.CloudSessions;
import io.instancerole.domain.service.Sleeper;
import java.time.Clock;
import java.util.Map;
import javax.inject.Singleton;

/** The adapters' module beside the domain's, bound as a functions component binds them. */
@Singleton
@Component(modules = {AliyunCloudModule.class, DomainModule.class})
interface TestCloudComponent {
    CloudSessions cloudSessions();

    @Component.Factory
    interface Factory {
        TestCloudComponent create(@BindsInstance @DeploymentEnvironment Map<String, String> environment, @BindsInstance CloudConfig config,
                @BindsInstance CredentialsSource credentials, @BindsInstance Sleeper sleeper, @BindsInstance Clock clock);
    }
}
