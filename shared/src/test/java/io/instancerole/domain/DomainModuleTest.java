package io.instancerole.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.instancerole.domain.config.InvalidConfigurationException;
import io.instancerole.domain.fake.InMemoryCloud;
import io.instancerole.domain.fake.RecordingLogSink;
import io.instancerole.domain.fake.RecordingSleeper;
import io.instancerole.domain.model.Caller;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.role.CreateRoleRequest;
import io.instancerole.domain.service.RequestContext;
import io.instancerole.domain.service.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DomainModuleTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void theModuleWiresWorkingServices() {
        InMemoryCloud cloud = new InMemoryCloud();
        DomainTestComponent component = DaggerDomainTestComponent.factory().create(Map.of("ADMIN_TEAMS", "sre"), cloud, new RecordingSleeper(), CLOCK);
        RequestContext ctx = component.requestContexts().open(Caller.of("bob", "sre"), "req-1", false, new RecordingLogSink(), Optional.empty());
        assertEquals(CLOCK.instant(), ctx.startedAt());

        // 'sre' is an admin team here, so any role name goes
        assertEquals(Status.CREATED, component.createRoleService().createRole(ctx, CreateRoleRequest.of(RoleName.of("shared-web"), null, null)).status());
        assertTrue(cloud.role("shared-web").isPresent());
    }

    @Test
    void aWrongConfigurationFailsWhenTheGraphIsBuilt() {
        DomainTestComponent component = DaggerDomainTestComponent.factory().create(Map.of("ADMIN_TEAMS", "Not A Team"),
                new InMemoryCloud(), new RecordingSleeper(), CLOCK);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, component::bindingService);
        assertTrue(e.getMessage().contains("ADMIN_TEAMS"), e.getMessage());
    }
}
