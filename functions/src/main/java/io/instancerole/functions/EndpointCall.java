package io.instancerole.functions;

import io.instancerole.chat.Operation;
import io.instancerole.chat.OperationRunner;
import io.instancerole.domain.describe.PageRequest;
import io.instancerole.domain.model.Caller;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.service.LogSink;
import io.instancerole.domain.service.RequestContext;
import io.instancerole.domain.service.ServiceResult;
import io.instancerole.functions.http.ApiRequest;
import io.instancerole.functions.http.JsonBody;
import io.instancerole.functions.http.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** One authenticated request to an endpoint, as its action sees it: the parsed input, the services, and a way to run one of them. */
final class EndpointCall {
    private final FunctionsComponent services;
    private final ApiRequest request;
    private final Router.Matched<Endpoint> matched;
    private final JsonBody body;
    private final Caller caller;
    private final String requestId;
    private final boolean dryRun;
    private final LogSink log;
    private final AuditFacts audit;
    private final Optional<Duration> timeLeft;

    /** {@code timeLeft}: how long Function Compute still lets the invocation run, empty where unknown. */
    EndpointCall(FunctionsComponent services, ApiRequest request, Router.Matched<Endpoint> matched, JsonBody body, Caller caller,
            String requestId, boolean dryRun, LogSink log, AuditFacts audit, Optional<Duration> timeLeft) {
        this.services = services;
        this.request = request;
        this.matched = matched;
        this.body = body;
        this.caller = caller;
        this.requestId = requestId;
        this.dryRun = dryRun;
        this.log = log;
        this.audit = audit;
        this.timeLeft = timeLeft;
    }

    FunctionsComponent services() {
        return services;
    }

    /** The checked JSON body; only routes that take one ask for it. */
    JsonBody body() {
        if (body == null) {
            throw new IllegalStateException("route " + matched.route().name() + " takes no body");
        }
        return body;
    }

    /** A path parameter, percent-decoded. */
    String pathParameter(String name) {
        return matched.pathParameter(name);
    }

    Optional<String> queryParameter(String name) {
        return request.queryParameter(name);
    }

    /** The body's list of role names, each validated and named by position ({@code roleNames[2]}); null when absent. */
    List<RoleName> roleNames(String field) {
        List<String> values = body().stringList(field);
        if (values == null) {
            return null;
        }
        List<RoleName> names = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            names.add(RoleName.of(field + "[" + i + "]", values.get(i)));
        }
        return names;
    }

    /** An optional role name of the body; null when absent. */
    RoleName optionalRoleName(String field) {
        String value = body().string(field);
        return value == null ? null : RoleName.of(field, value);
    }

    /** A list's page, from {@code ?limit=} and {@code ?marker=}. */
    PageRequest page() {
        return PageRequest.of(queryParameter("limit").orElse(null), queryParameter("marker").orElse(null));
    }

    /** The audit target of a region that may be absent. */
    static Map<String, Object> regionTarget(RegionId regionId) {
        return regionId == null ? Map.of() : Map.of("regionId", regionId.value());
    }

    /** An optional region id; null (the deployment's default) when absent. */
    static RegionId optionalRegion(String value) {
        return value == null ? null : RegionId.of(value);
    }

    /** Runs a service that makes no cloud call (so opens no cloud session); the target goes into the audit line. */
    <R extends ServiceResult> R runOffline(Map<String, ?> auditTarget, Function<Caller, R> service) {
        audit.target(auditTarget);
        return service.apply(caller);
    }

    /**
     * Opens the request's context (the caller's cloud session) and runs one domain service in it;
     * the target, changes and cloud request ids go into the audit line whatever the outcome.
     */
    <R extends ServiceResult> R run(Map<String, ?> auditTarget, Function<RequestContext, R> service) {
        return run(caller, dryRun, auditTarget, service);
    }

    private <R extends ServiceResult> R run(Caller as, boolean dry, Map<String, ?> auditTarget, Function<RequestContext, R> service) {
        audit.target(auditTarget);
        RequestContext context = services.requestContexts().open(as, requestId, dry, log, timeLeft);
        audit.context(context);
        return service.apply(context);
    }

    /** The raw request, for a route that authenticates and reads it itself. */
    ApiRequest request() {
        return request;
    }

    /**
     * How the chat bot reaches an operation: as the caller the directory found, audited under the
     * operation's REST route (as that route's own request would be), with the chat platform noted.
     */
    OperationRunner operationRunner() {
        return new OperationRunner() {
            @Override
            public <R extends ServiceResult> R run(Operation operation, Caller as, boolean dry, Map<String, ?> auditTarget,
                    Function<RequestContext, R> service) {
                audit.route(operation.route());
                audit.caller(as);
                audit.dryRun(dry);
                return EndpointCall.this.run(as, dry, auditTarget, service);
            }
        };
    }

    AuditFacts audit() {
        return audit;
    }
}
