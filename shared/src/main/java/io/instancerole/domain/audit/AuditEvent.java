package io.instancerole.domain.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.instancerole.domain.service.RequestContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The audit line every request writes: {@code {"type":"audit", "time", "requestId", "callerId",
 * "callerTeam", "function", "route", "dryRun", "outcome", "target", "changes", "cloudRequestIds"}},
 * plus {@code "channel"} and {@code "messageId"} for a request that came from a chat platform.
 * The caller is null when the request was refused before it was authenticated.
 */
@JsonPropertyOrder({"type", "time", "requestId", "callerId", "callerTeam", "function", "route", "channel", "messageId", "dryRun",
        "outcome", "target", "changes", "cloudRequestIds"})
public final class AuditEvent {
    private final Instant time;
    private final String requestId;
    private final String callerId;
    private final String callerTeam;
    private final String function;
    private final String route;
    private final String channel;
    private final String messageId;
    private final boolean dryRun;
    private final AuditOutcome outcome;
    private final Map<String, Object> target;
    private final List<Map<String, Object>> changes;
    private final List<String> cloudRequestIds;

    private AuditEvent(Builder b) {
        this.time = Objects.requireNonNull(b.time, "time");
        this.requestId = Objects.requireNonNull(b.requestId, "requestId");
        this.callerId = b.callerId;
        this.callerTeam = b.callerTeam;
        this.function = Objects.requireNonNull(b.function, "function");
        this.route = Objects.requireNonNull(b.route, "route");
        this.channel = b.channel;
        this.messageId = b.messageId;
        this.dryRun = b.dryRun;
        this.outcome = Objects.requireNonNull(b.outcome, "outcome");
        this.target = new LinkedHashMap<>(b.target);
        this.changes = List.copyOf(b.changes);
        this.cloudRequestIds = List.copyOf(b.cloudRequestIds);
    }

    public static Builder builder(String requestId, String function, String route, Instant time) {
        return new Builder(requestId, function, route, time);
    }

    /** A builder filled from the request's context: caller, start time, dry run, changes made and cloud request ids. */
    public static Builder from(RequestContext ctx, String function, String route) {
        return builder(ctx.requestId(), function, route, ctx.startedAt())
                .caller(ctx.caller().id(), ctx.caller().team())
                .dryRun(ctx.dryRun())
                .changes(ctx.changes())
                .cloudRequestIds(ctx.cloudRequestIds());
    }

    @JsonProperty
    public String type() {
        return "audit";
    }

    @JsonProperty
    public String time() {
        return time.toString();
    }

    @JsonProperty
    public String requestId() {
        return requestId;
    }

    @JsonProperty
    public String callerId() {
        return callerId;
    }

    @JsonProperty
    public String callerTeam() {
        return callerTeam;
    }

    @JsonProperty
    public String function() {
        return function;
    }

    @JsonProperty
    public String route() {
        return route;
    }

    /** {@code dingtalk} or {@code slack} for a chat request; absent for the REST API. */
    @JsonProperty
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String channel() {
        return channel;
    }

    /** The chat platform's id of the message (DingTalk's msgId, Slack's trigger_id); absent when there is none. */
    @JsonProperty
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String messageId() {
        return messageId;
    }

    @JsonProperty
    public boolean dryRun() {
        return dryRun;
    }

    @JsonProperty
    public AuditOutcome outcome() {
        return outcome;
    }

    @JsonProperty
    public Map<String, Object> target() {
        return target;
    }

    @JsonProperty
    public List<Map<String, Object>> changes() {
        return changes;
    }

    @JsonProperty
    public List<String> cloudRequestIds() {
        return cloudRequestIds;
    }

    /** Builds an {@link AuditEvent}; target, changes and cloud request ids default to empty. */
    public static final class Builder {
        private final String requestId;
        private final String function;
        private final String route;
        private final Instant time;
        private String callerId;
        private String callerTeam;
        private String channel;
        private String messageId;
        private boolean dryRun;
        private AuditOutcome outcome;
        private Map<String, ?> target = Map.of();
        private List<Map<String, Object>> changes = List.of();
        private List<String> cloudRequestIds = List.of();

        private Builder(String requestId, String function, String route, Instant time) {
            this.requestId = requestId;
            this.function = function;
            this.route = route;
            this.time = time;
        }

        public Builder caller(String id, String team) {
            this.callerId = id;
            this.callerTeam = team;
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /** The chat platform a request came from, and its message id (may be null). */
        public Builder chat(String channel, String messageId) {
            this.channel = channel;
            this.messageId = messageId;
            return this;
        }

        public Builder outcome(AuditOutcome outcome) {
            this.outcome = outcome;
            return this;
        }

        /** What the request was about, e.g. a request's {@code auditTarget()}. */
        public Builder target(Map<String, ?> target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        public Builder changes(List<Map<String, Object>> changes) {
            this.changes = Objects.requireNonNull(changes, "changes");
            return this;
        }

        public Builder cloudRequestIds(List<String> cloudRequestIds) {
            this.cloudRequestIds = Objects.requireNonNull(cloudRequestIds, "cloudRequestIds");
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(this);
        }
    }
}
