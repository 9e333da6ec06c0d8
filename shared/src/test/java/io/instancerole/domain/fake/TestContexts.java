package io.instancerole.domain.fake;

import io.instancerole.domain.model.Caller;
import io.instancerole.domain.port.CloudSessions;
import io.instancerole.domain.service.LogSink;
import io.instancerole.domain.service.RequestContext;
import java.time.Instant;
import java.util.Optional;

/** Request contexts for tests: a caller of a team, a fixed request id and start time. */
public final class TestContexts {
    public static final String REQUEST_ID = "test-request-1";
    public static final Instant STARTED_AT = Instant.parse("2025-01-02T03:04:05Z");

    private TestContexts() {}

    public static RequestContext of(CloudSessions cloud, String team, boolean dryRun) {
        return of(cloud, team, dryRun, new RecordingLogSink());
    }

    public static RequestContext of(CloudSessions cloud, String team, boolean dryRun, LogSink log) {
        Caller caller = Caller.of("alice@" + team, team);
        return new RequestContext(caller, REQUEST_ID, dryRun, cloud.open(caller), log, STARTED_AT, Optional.empty());
    }
}
