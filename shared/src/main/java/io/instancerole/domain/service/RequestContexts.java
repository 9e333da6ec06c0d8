package io.instancerole.domain.service;

import io.instancerole.domain.model.Caller;
import io.instancerole.domain.port.CloudSessions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Opens a {@link RequestContext}: the cloud session for the caller and the start time. */
public final class RequestContexts {
    private final CloudSessions sessions;
    private final Clock clock;

    public RequestContexts(CloudSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Opening may call the cloud (an STS session of OPERATOR_ROLE_ARN); its failures are the contract's errors.
     * {@code timeLeft}: how long the function may still run, empty where no limit is known.
     */
    public RequestContext open(Caller caller, String requestId, boolean dryRun, LogSink log, Optional<Duration> timeLeft) {
        return new RequestContext(caller, requestId, dryRun, CloudErrors.translate(() -> sessions.open(caller)), log, clock.instant(),
                timeLeft);
    }
}
