package io.instancerole.functions;

import io.instancerole.chat.ChatAnswer;
import io.instancerole.chat.ChatPlatform;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.error.FieldError;
import io.instancerole.domain.service.ServiceResult;
import io.instancerole.functions.http.ApiRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** What one route runs: the body fields and query parameters it takes, and the call into the domain. */
final class Endpoint {
    /** Every POST takes it. */
    static final String DRY_RUN = "dryRun";

    /** Builds the domain request from the call (the value types validate it) and runs one domain service. */
    interface Action {
        ServiceResult run(EndpointCall call);
    }

    private final Set<String> bodyFields;
    private final Set<String> queryParameters;
    private final boolean callerHeaders;
    private final Action action;

    private Endpoint(Set<String> bodyFields, Set<String> queryParameters, boolean callerHeaders, Action action) {
        this.bodyFields = bodyFields;
        this.queryParameters = Set.copyOf(queryParameters);
        this.callerHeaders = callerHeaders;
        this.action = Objects.requireNonNull(action, "action");
    }

    /** A change: a JSON body of these fields, plus {@code dryRun}; no query parameters. */
    static Endpoint jsonBody(Set<String> fields, Action action) {
        Set<String> withDryRun = new LinkedHashSet<>(fields);
        withDryRun.add(DRY_RUN);
        return new Endpoint(Set.copyOf(withDryRun), Set.of(), true, action);
    }

    /** A read: no body, these query parameters. */
    static Endpoint noBody(Set<String> queryParameters, Action action) {
        return new Endpoint(null, queryParameters, true, action);
    }

    /**
     * A chat platform's callback: the platform's signature authenticates it, not X-Caller-*; the
     * bot reads the raw body itself, after checking that signature, and answers in the platform's format.
     */
    static Endpoint chat(ChatPlatform platform) {
        return new Endpoint(null, Set.of(), false, call -> {
            call.audit().chat(platform.wire(), null);
            ChatAnswer answer = call.services().chatOps().handle(platform, call.request()::header, call.request().body(),
                    call.operationRunner());
            call.audit().chat(platform.wire(), answer.messageId());
            call.audit().outcomeStatus(answer.outcomeStatus());
            return answer;
        });
    }

    /** True when API Gateway's X-Caller-Id and X-Caller-Team authenticate the caller (every route but the chat ones). */
    boolean takesCallerHeaders() {
        return callerHeaders;
    }

    boolean takesBody() {
        return bodyFields != null;
    }

    /** The body's known fields, {@code dryRun} included; empty for a read. */
    Set<String> bodyFields() {
        return bodyFields == null ? Set.of() : bodyFields;
    }

    Set<String> queryParameters() {
        return queryParameters;
    }

    Action action() {
        return action;
    }

    /** A query parameter the route does not read is refused like an unknown body field: a typo must not silently change the answer. */
    void rejectUnknownQueryParameters(ApiRequest request) {
        List<FieldError> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(request.queryParameters().keySet())) {
            if (!queryParameters.contains(name)) {
                unknown.add(new FieldError(name, "unknown query parameter; " + takes()));
            }
        }
        if (!unknown.isEmpty()) {
            List<String> names = new ArrayList<>();
            unknown.forEach(field -> names.add("'" + field.field() + "'"));
            throw new DomainException(ErrorCode.InvalidRequest, "unknown query parameter" + (names.size() > 1 ? "s " : " ")
                    + String.join(", ", names) + "; " + takes(), unknown);
        }
    }

    private String takes() {
        return queryParameters.isEmpty() ? "this route takes no query parameters"
                : "this route takes " + String.join(", ", new TreeSet<>(queryParameters));
    }
}
