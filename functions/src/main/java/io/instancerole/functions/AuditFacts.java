package io.instancerole.functions;

import io.instancerole.domain.audit.AuditEvent;
import io.instancerole.domain.audit.AuditOutcome;
import io.instancerole.domain.model.Caller;
import io.instancerole.domain.service.RequestContext;
import java.time.Instant;
import java.util.Map;

/**
 * What one invocation has learnt so far for its audit line: filled in as the request gets
 * through routing, authentication and parsing, so a request refused early is audited too.
 * Belongs to one invocation (one thread).
 */
final class AuditFacts {
    private final String requestId;
    private final Instant receivedAt;
    private String route = "unknown";
    private Caller caller;
    private boolean dryRun;
    private Map<String, ?> target = Map.of();
    private RequestContext context;
    private String channel;
    private String messageId;
    private Integer outcomeStatus;

    AuditFacts(String requestId, Instant receivedAt) {
        this.requestId = requestId;
        this.receivedAt = receivedAt;
    }

    void route(String route) {
        this.route = route;
    }

    void caller(Caller caller) {
        this.caller = caller;
    }

    void dryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    void target(Map<String, ?> target) {
        this.target = target;
    }

    void context(RequestContext context) {
        this.context = context;
    }

    /** A chat request: its platform; {@code messageId} may be null. */
    void chat(String channel, String messageId) {
        this.channel = channel;
        this.messageId = messageId;
    }

    /** What the request amounted to when its HTTP status says less (a chat reply is always 200). */
    void outcomeStatus(int status) {
        this.outcomeStatus = status;
    }

    /** The audit line of a request answered with {@code httpStatus}. */
    AuditEvent event(String function, int httpStatus) {
        AuditEvent.Builder builder;
        if (context != null) {
            builder = AuditEvent.from(context, function, route);
        } else {
            builder = AuditEvent.builder(requestId, function, route, receivedAt).dryRun(dryRun);
            if (caller != null) {
                builder.caller(caller.id(), caller.team());
            }
        }
        int status = httpStatus == 200 && outcomeStatus != null ? outcomeStatus : httpStatus;
        return builder.target(target).chat(channel, messageId).outcome(AuditOutcome.forStatus(status)).build();
    }
}
