package io.instancerole.functions;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.FunctionParam;
import com.aliyun.fc.runtime.StreamRequestHandler;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.instancerole.domain.audit.AuditWriter;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.model.Caller;
import io.instancerole.domain.service.Json;
import io.instancerole.domain.service.LogSink;
import io.instancerole.domain.service.ServiceResult;
import io.instancerole.functions.http.ApiGatewayCodec;
import io.instancerole.functions.http.ApiRequest;
import io.instancerole.functions.http.ApiResponse;
import io.instancerole.functions.http.ErrorResponses;
import io.instancerole.functions.http.JsonBody;
import io.instancerole.functions.http.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The mechanics every function shares; a concrete function only names itself and declares its
 * routes. Per request: read the API Gateway event, route by method and path, authenticate from
 * X-Caller-Id/X-Caller-Team (a chat route authenticates by its platform's signature instead, in
 * its endpoint), check and parse the body, run one domain service, answer with the
 * result's status and JSON. Errors take the contract's shape; anything unexpected is a 500 whose
 * stack trace goes to the function log only. Every answer carries X-Request-Id and every request
 * writes one audit line. Thread-safe: requests share only the immutable router and the component.
 */
public abstract class FunctionHandler implements StreamRequestHandler, FunctionInitializer {
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String CALLER_ID_HEADER = "X-Caller-Id";
    public static final String CALLER_TEAM_HEADER = "X-Caller-Team";

    /**
     * A key written twice, or anything after the JSON value, is refused (400) rather than silently
     * resolved to one of the values or ignored.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    static final ApiGatewayCodec CODEC = new ApiGatewayCodec(MAPPER);
    static final ErrorResponses ERRORS = new ErrorResponses(MAPPER);
    private static final AuditWriter AUDIT = new AuditWriter();
    private static final int MAX_AUDITED_PATH = 200;

    private final String functionName;
    private final Map<String, String> environment;
    private final Router<Endpoint> router;
    private final Object componentLock = new Object();
    private volatile FunctionsComponent component;

    /**
     * @param functionName the function's name in template.yml (it names the function in audit lines)
     * @param environment the function's environment variables
     */
    FunctionHandler(String functionName, Map<String, String> environment, Router<Endpoint> router) {
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        this.environment = Collections.unmodifiableMap(new HashMap<>(environment));
        this.router = Objects.requireNonNull(router, "router");
    }

    /** Function Compute's initializer: builds the component and primes it, so the first request is not the slow one. */
    @Override
    public final void initialize(Context context) throws IOException {
        LogSink log = FcLogSink.of(context);
        try {
            long started = System.nanoTime();
            Primer.prime(component(), router);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("type", "init");
            line.put("function", functionName);
            line.put("primedMillis", (System.nanoTime() - started) / 1_000_000);
            log.info(Json.write(line));
        } catch (RuntimeException e) {
            // a wrong deployment configuration: fail the instance's start, saying why
            log.error(errorLine(requestIdOf(context), "initialize", e));
            throw e;
        }
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long startedNanos = System.nanoTime();
        String requestId = requestIdOf(context);
        LogSink log = FcLogSink.of(context);
        AuditFacts audit = new AuditFacts(requestId, Instant.now());
        ApiResponse response;
        try {
            response = answer(CODEC.readEvent(input), context, requestId, log, audit, startedNanos);
        } catch (DomainException e) {
            response = ERRORS.of(e, requestId);
        } catch (IOException | RuntimeException e) {
            log.error(errorLine(requestId, "handleRequest", e));
            response = ERRORS.internal(requestId);
        }
        response = response.withHeader(REQUEST_ID_HEADER, requestId);
        AUDIT.write(audit.event(functionName, response.statusCode()), log);
        CODEC.writeResponse(response, output);
    }

    private ApiResponse answer(ApiRequest request, Context context, String requestId, LogSink log, AuditFacts audit, long startedNanos)
            throws IOException {
        audit.route(request.method() + " " + abbreviate(request.path()));
        Router.Matched<Endpoint> matched = router.match(request.method(), request.path());
        audit.route(matched.route().name());
        Endpoint endpoint = matched.route().target();
        Caller caller = null;
        if (endpoint.takesCallerHeaders()) {
            caller = Caller.of(identityHeader(request, CALLER_ID_HEADER), identityHeader(request, CALLER_TEAM_HEADER));
            audit.caller(caller);
        }
        endpoint.rejectUnknownQueryParameters(request);
        JsonBody body = endpoint.takesBody() ? JsonBody.parse(request, MAPPER, endpoint.bodyFields()) : null;
        boolean dryRun = body != null && body.bool(Endpoint.DRY_RUN, false);
        audit.dryRun(dryRun);
        FunctionsComponent services = component();
        feedExecutionCredentials(services, context);
        ServiceResult result = endpoint.action().run(new EndpointCall(services, request, matched, body, caller, requestId, dryRun, log, audit,
                timeLeft(context, startedNanos)));
        return ApiResponse.json(result.httpStatus(), MAPPER.writeValueAsString(result));
    }

    /** Function Compute rotates the service role's credentials; every invocation hands over the current ones. */
    private static void feedExecutionCredentials(FunctionsComponent services, Context context) {
        Credentials credentials = context == null ? null : context.getExecutionCredentials();
        if (credentials != null) {
            services.executionCredentials().update(credentials.getAccessKeyId(), credentials.getAccessKeySecret(),
                    credentials.getSecurityToken());
        }
    }

    /**
     * How long Function Compute still lets this invocation run: the function's timeout
     * ({@code FunctionParam.getExecTimeLimitInMillis}; this runtime's Context has no "remaining time")
     * less what the handler has spent. Empty when the runtime does not say.
     */
    private static Optional<Duration> timeLeft(Context context, long startedNanos) {
        FunctionParam function = context == null ? null : context.getFunctionParam();
        if (function == null || function.getExecTimeLimitInMillis() <= 0) {
            return Optional.empty();
        }
        Duration spent = Duration.ofNanos(System.nanoTime() - startedNanos);
        Duration left = Duration.ofMillis(function.getExecTimeLimitInMillis()).minus(spent);
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    /** Built once per instance: by the initializer, or by the first request when there was none. */
    final FunctionsComponent component() {
        FunctionsComponent built = component;
        if (built == null) {
            synchronized (componentLock) {
                built = component;
                if (built == null) {
                    built = DaggerFunctionsComponent.factory().create(environment);
                    component = built;
                }
            }
        }
        return built;
    }

    final String functionName() {
        return functionName;
    }

    final Router<Endpoint> router() {
        return router;
    }

    private static String requestIdOf(Context context) {
        String id = context == null ? null : context.getRequestId();
        return id == null || id.isBlank() ? "local-" + UUID.randomUUID() : id;
    }

    private static String abbreviate(String path) {
        return path.length() <= MAX_AUDITED_PATH ? path : path.substring(0, MAX_AUDITED_PATH) + "...";
    }

    /**
     * The one value of an identity header. Sent more than once (in any letter case, or with several
     * values) it is 401, never a guess at which one was meant.
     */
    private static String identityHeader(ApiRequest request, String name) {
        List<String> values = request.headerValues(name);
        if (values.size() > 1) {
            throw new DomainException(ErrorCode.Unauthenticated, name + " was sent " + values.size()
                    + " times: the API gateway must pass exactly one, so the caller cannot be told apart");
        }
        // a proxy joins a repeated header's values with commas
        if (!values.isEmpty() && values.get(0).contains(",")) {
            throw new DomainException(ErrorCode.Unauthenticated, name + " has several comma-separated values: the API gateway"
                    + " must pass exactly one, so the caller cannot be told apart");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /** For the operator, in the function log: what failed, with the stack trace the caller never sees. */
    private String errorLine(String requestId, String phase, Exception e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "error");
        line.put("requestId", requestId);
        line.put("function", functionName);
        line.put("phase", phase);
        line.put("error", e.toString());
        line.put("stackTrace", trace.toString());
        return Json.write(line);
    }
}
