package io.instancerole.cloud.aliyun;

import dagger.BindsInstance;
import dagger.Component;
import io.instancerole.domain.port.CloudSessions;
import javax.inject.Singleton;

/** The module wired as a functions component would wire it. */
@Singleton
@Component(modules = AliyunCloudModule.class)
interface TestCloudComponent {
    CloudSessions cloudSessions();

    @Component.Factory
    interface Factory {
        TestCloudComponent create(@BindsInstance CloudConfig config, @BindsInstance CredentialsSource credentials);
    }
}
