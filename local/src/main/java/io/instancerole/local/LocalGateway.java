package io.instancerole.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.emulator.http.HttpListener;
import io.instancerole.emulator.http.HttpRequest;
import io.instancerole.emulator.http.HttpResponse;
import io.instancerole.functions.http.ApiGatewayCodec;
import io.instancerole.functions.http.ApiRequest;
import io.instancerole.functions.http.ApiResponse;
import io.instancerole.functions.http.ErrorResponses;
import io.instancerole.functions.http.QueryString;
import io.instancerole.functions.http.Router;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The local API Gateway: authenticates the caller by bearer token, turns each HTTP request into
 * API Gateway's event for the function of its route, and turns the function's answer back into
 * HTTP. Routes come from template.yml; anything else is 404 in the contract's error shape.
 */
final class LocalGateway implements AutoCloseable {
    /** Far above the contract's 64 KiB (which the functions enforce with 413), so they see what they must refuse. */
    private static final int MAX_BODY_BYTES = 1 << 20;
    /** Requests answered at once; each holds its thread while its function runs. */
    private static final int REQUEST_THREADS = 64;
    private static final Set<String> IDENTITY_HEADERS = Set.of("authorization", "x-caller-id", "x-caller-team");
    private static final Set<String> UNFORWARDED_ANSWER_HEADERS = Set.of("content-length", "transfer-encoding", "connection");

    private final Router<GatewayRoute> router;
    private final Callers callers;
    private final ApiGatewayCodec codec;
    private final ErrorResponses errors;
    private final ObjectMapper json;
    private final PrintStream err;
    private HttpListener listener;

    LocalGateway(Router<GatewayRoute> router, Callers callers, ApiGatewayCodec codec,
                 ErrorResponses errors, ObjectMapper json, PrintStream err) {
        this.router = router;
        this.callers = callers;
        this.codec = codec;
        this.errors = errors;
        this.json = json;
        this.err = err;
    }

    /** Listens on {@code address:port}; a port in use fails with {@link java.net.BindException}. */
    void start(InetAddress address, int port) throws IOException {
        listener = HttpListener.start(address, port, "gateway", REQUEST_THREADS, MAX_BODY_BYTES, this::handle, err);
    }

    int port() {
        return listener.port();
    }

    private HttpResponse handle(HttpRequest http) {
        String requestId = UUID.randomUUID().toString();
        ApiResponse response;
        try {
            response = respond(http, requestId);
        } catch (RuntimeException | IOException e) {
            err.println("local gateway: request " + requestId + " failed: " + e);
            response = errors.internal(requestId);
        }
        return write(response, requestId);
    }

    private ApiResponse respond(HttpRequest http, String requestId) throws IOException {
        String method = http.method().toUpperCase(Locale.ROOT);
        String path = http.rawPath();
        if ("GET".equals(method) && "/healthz".equals(path)) {
            return ApiResponse.json(200, "{\"status\":\"ok\"}");
        }
        Router.Matched<GatewayRoute> matched;
        try {
            matched = router.match(method, path);
        } catch (DomainException e) {
            return errors.of(e, requestId);
        }
        GatewayRoute route = matched.route().target();
        String authorization = http.header("Authorization");
        Optional<CallerToken> caller = route.anonymous() ? Optional.empty() : callers.authenticate(authorization);
        if (caller.isEmpty() && !route.anonymous()) {
            return errors.of(new DomainException(ErrorCode.Unauthenticated, authorization == null
                    ? "send 'Authorization: Bearer <token>'; the local stack's tokens are listed in its banner"
                    : "the bearer token is not one the local gateway knows; its tokens are listed in its banner"), requestId);
        }
        if (http.bodyTooLarge()) {
            return errors.of(new DomainException(ErrorCode.PayloadTooLarge,
                    "the request body is over " + MAX_BODY_BYTES + " bytes"), requestId);
        }
        ApiRequest request = new ApiRequest(method, path, forwardedHeaders(http.headers(), caller.orElse(null)),
                QueryString.parse(http.rawQuery()), http.body());
        Invocation invocation = route.function().invoke(codec.writeEvent(request), requestId, route.timeoutMillis());
        switch (invocation.outcome()) {
            case ANSWERED:
                try {
                    return codec.readResponse(invocation.answer());
                } catch (IOException e) {
                    err.println("function " + route.function().definition().name() + " (request " + requestId
                            + ") answered something API Gateway cannot read: " + e.getMessage());
                    return errors.internal(requestId);
                }
            case TIMED_OUT:
                err.println(invocation.problem() + " (request " + requestId + ")");
                return timeout(invocation.problem(), requestId);
            default:
                return errors.internal(requestId);
        }
    }

    /**
     * API Gateway's own answer when the function outlives its timeout: 504 in the error shape. Its
     * code is the gateway's, not one of the functions' contract ({@code ErrorCode}), as in the cloud.
     */
    private ApiResponse timeout(String problem, String requestId) {
        ObjectNode body = json.createObjectNode();
        body.put("code", "FunctionTimeout");
        body.put("message", problem);
        body.put("requestId", requestId);
        return ApiResponse.json(504, body.toString());
    }

    /** The client's headers, minus the identity ones it may not set itself, plus the caller's identity (none on an anonymous route). */
    private static Map<String, String> forwardedHeaders(Map<String, List<String>> received, CallerToken caller) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> header : received.entrySet()) {
            if (!IDENTITY_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.put(canonical(header.getKey()), String.join(",", header.getValue()));
            }
        }
        if (caller != null) {
            headers.put("X-Caller-Id", caller.callerId());
            headers.put("X-Caller-Team", caller.callerTeam());
        }
        return headers;
    }

    /** {@code content-type} → {@code Content-Type}, as API Gateway spells the headers it forwards. */
    private static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }

    private static HttpResponse write(ApiResponse response, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().forEach((name, value) -> {
            if (!UNFORWARDED_ANSWER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, value);
            }
        });
        headers.put("X-Request-Id", requestId);
        return new HttpResponse(response.statusCode(), headers, response.body().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
    }
}
