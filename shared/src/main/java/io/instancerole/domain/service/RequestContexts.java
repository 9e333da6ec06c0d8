package io.instancerole.domain.service;

import io.instancerole.domain.model.Caller;
import io.instancerole.domain.port.CloudSessions;
import java.time.Clock;

/** Opens a {@link RequestContext}: the cloud session for the caller and the start time. */
public final class RequestContexts {
    private final CloudSessions sessions;
    private final Clock clock;

    public RequestContexts(CloudSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    public RequestContext open(Caller caller, String requestId, boolean dryRun, LogSink log) {
        return new RequestContext(caller, requestId, dryRun, sessions.open(caller), log, clock.instant());
    }
}
