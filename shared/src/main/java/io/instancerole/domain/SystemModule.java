package io.instancerole.domain;

import dagger.Module;
import dagger.Provides;
import io.instancerole.domain.config.DeploymentEnvironment;
import io.instancerole.domain.service.Sleeper;
import java.time.Clock;
import java.util.Map;

/** The real world for {@link DomainModule}: the process environment, the system clock and real sleeping. Tests bind their own. */
@Module
public final class SystemModule {
    private SystemModule() {}

    @Provides
    @DeploymentEnvironment
    static Map<String, String> environment() {
        return System.getenv();
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
