package io.instancerole.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.fake.InMemoryCloud;
import io.instancerole.domain.fake.RecordingLogSink;
import io.instancerole.domain.model.Caller;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.port.CloudException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestContextsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void aContextCarriesTheRequestAndCollectsWhatItDid() {
        InMemoryCloud cloud = new InMemoryCloud();
        RequestContext ctx = new RequestContexts(cloud, CLOCK).open(Caller.of("alice", "team-a"), "req-7", true, new RecordingLogSink(),
                Optional.of(Duration.ofSeconds(59)));
        assertEquals("req-7", ctx.requestId());
        assertEquals(Optional.of(Duration.ofSeconds(59)), ctx.timeLeft());
        assertTrue(ctx.dryRun());
        assertEquals(CLOCK.instant(), ctx.startedAt());
        ctx.cloud().ram().getRole(RoleName.of("team-a-web"));
        ctx.recordChange("CreateRole", Map.of("roleName", "team-a-web"));
        assertEquals(1, ctx.cloudRequestIds().size());
        assertEquals(List.of(Map.of("action", "CreateRole", "roleName", "team-a-web")), ctx.changes());
    }

    @Test
    void failingToOpenTheCloudIsAContractError() {
        RequestContexts contexts = new RequestContexts(caller -> {
            throw new CloudException(CloudException.Kind.DENIED, "AssumeRole", "NoPermission", 403, "req-x", "not allowed");
        }, CLOCK);
        DomainException e = assertThrows(DomainException.class,
                () -> contexts.open(Caller.of("alice", "team-a"), "req-7", false, new RecordingLogSink(), Optional.empty()));
        assertEquals(ErrorCode.CloudDenied, e.code());
        assertTrue(e.getMessage().contains("sts:AssumeRole"), e.getMessage());
    }
}
