package io.instancerole.domain.service;

import io.instancerole.domain.model.Caller;
import io.instancerole.domain.port.CloudSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request as the services see it: who asked, the request id, whether it is a dry run, the
 * cloud opened for this caller, where operator log lines go, and the changes made so far (for
 * the audit line), and how long the function may still run. Not shared between requests; its
 * methods may be called from the request's own worker threads.
 */
public final class RequestContext {
    private final Caller caller;
    private final String requestId;
    private final boolean dryRun;
    private final CloudSession cloud;
    private final LogSink log;
    private final Instant startedAt;
    private final Optional<Duration> timeLeft;
    private final List<Map<String, Object>> changes = new ArrayList<>();

    /** {@code timeLeft}: how long the function may still run (its own timeout), empty where no limit is known. */
    public RequestContext(Caller caller, String requestId, boolean dryRun, CloudSession cloud, LogSink log, Instant startedAt,
            Optional<Duration> timeLeft) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.dryRun = dryRun;
        this.cloud = Objects.requireNonNull(cloud, "cloud");
        this.log = Objects.requireNonNull(log, "log");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.timeLeft = Objects.requireNonNull(timeLeft, "timeLeft");
    }

    public Caller caller() {
        return caller;
    }

    public String requestId() {
        return requestId;
    }

    /** True when only Get/List/Describe calls may be made. */
    public boolean dryRun() {
        return dryRun;
    }

    public CloudSession cloud() {
        return cloud;
    }

    public LogSink log() {
        return log;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** How long the function could still run when the request was opened; empty where no limit is known. */
    public Optional<Duration> timeLeft() {
        return timeLeft;
    }

    /** Notes a change the cloud confirmed: {@code action} is the cloud action, {@code target} what it touched. */
    public synchronized void recordChange(String action, Map<String, ?> target) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("action", action);
        change.putAll(target);
        changes.add(change);
    }

    /** The changes made so far, in order; empty for a dry run. */
    public synchronized List<Map<String, Object>> changes() {
        return List.copyOf(changes);
    }

    /** The cloud's request ids of every call this request made, in order. */
    public List<String> cloudRequestIds() {
        return cloud.cloudRequestIds();
    }
}
