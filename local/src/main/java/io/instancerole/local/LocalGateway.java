package io.instancerole.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.emulator.http.HttpListener;
import io.instancerole.emulator.http.HttpRequest;
import io.instancerole.emulator.http.HttpResponse;
import io.instancerole.functions.http.ApiRequest;
import io.instancerole.functions.http.ApiResponse;
import io.instancerole.functions.http.ErrorResponses;
import io.instancerole.functions.http.EventCodec;
import io.instancerole.functions.http.HeaderNames;
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
import java.util.TreeSet;
import java.util.UUID;

/**
 * The local API gateway: authenticates the caller by bearer token, turns each HTTP request into
 * the event of the deployment file's platform (API Gateway's for template.yml, the HTTP
 * trigger's for s.yaml) for the function of its route, the caller's claims as the headers the
 * route's authentication passes on, and turns the function's answer back into HTTP. Routes come
 * from the deployment file; a GET of another path is a file of the reference
 * page when there is one ({@link StaticSite}); anything else is 404 in the contract's error shape.
 */
final class LocalGateway implements AutoCloseable {
    /** Far above the contract's 64 KiB (which the functions enforce with 413), so they see what they must refuse. */
    private static final int MAX_BODY_BYTES = 1 << 20;
    /** Requests answered at once; each holds its thread while its function runs. */
    private static final int REQUEST_THREADS = 64;
    private static final String AUTHORIZATION = "authorization";
    /** Where the page finds the callers of the banner, to offer them in its token picker. */
    static final String CALLERS_PATH = "/_local/callers";
    private static final Set<String> UNFORWARDED_ANSWER_HEADERS = Set.of("content-length", "transfer-encoding", "connection");

    private final Router<GatewayRoute> router;
    private final Callers callers;
    private final EventCodec codec;
    private final ErrorResponses errors;
    private final ObjectMapper json;
    private final PrintStream err;
    private final StaticSite site;
    private final Cors cors;
    private final boolean showCallers;
    private HttpListener listener;

    /** {@code showCallers}: the page may list the callers' tokens (only on a loopback address, where the banner shows them too). */
    LocalGateway(Router<GatewayRoute> router, Callers callers, EventCodec codec,
                 ErrorResponses errors, ObjectMapper json, PrintStream err, StaticSite site, Cors cors, boolean showCallers) {
        this.site = site;
        this.cors = cors;
        this.showCallers = showCallers;
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
        return write(cors.decorate(response, http.header("Origin")), requestId);
    }

    private ApiResponse respond(HttpRequest http, String requestId) throws IOException {
        String method = http.method().toUpperCase(Locale.ROOT);
        String path = http.rawPath();
        if ("GET".equals(method) && "/healthz".equals(path)) {
            return ApiResponse.json(200, "{\"status\":\"ok\"}");
        }
        if ("OPTIONS".equals(method)) {
            return cors.preflight(http.header("Origin"));
        }
        if ("GET".equals(method) && showCallers && CALLERS_PATH.equals(path)) {
            return ApiResponse.json(200, callersJson());
        }
        Router.Matched<GatewayRoute> matched;
        try {
            matched = router.match(method, path);
        } catch (DomainException e) {
            Optional<ApiResponse> file = "GET".equals(method) ? site.get(path) : Optional.empty();
            return file.orElseGet(() -> errors.of(e, requestId));
        }
        GatewayRoute route = matched.route().target();
        Map<String, String> identity = Map.of();
        if (route.claims().isPresent()) {
            String authorization = http.header("Authorization");
            Optional<CallerToken> caller = callers.authenticate(authorization);
            if (caller.isEmpty()) {
                return errors.of(new DomainException(ErrorCode.Unauthenticated, authorization == null
                        ? "send 'Authorization: Bearer <token>'; the local stack's tokens are listed in its banner"
                        : "the bearer token is not one the local gateway knows; its tokens are listed in its banner"), requestId);
            }
            identity = route.claims().get().headers(caller.get().claims());
        }
        if (http.bodyTooLarge()) {
            return errors.of(new DomainException(ErrorCode.PayloadTooLarge,
                    "the request body is over " + MAX_BODY_BYTES + " bytes"), requestId);
        }
        ApiRequest request = ApiRequest.withHeaderValues(method, path, forwardedHeaders(http.headers(), route, identity),
                QueryString.parse(http.rawQuery()), http.body());
        Invocation invocation = route.function().invoke(codec.writeEvent(request), requestId, route.timeoutMillis());
        switch (invocation.outcome()) {
            case ANSWERED:
                try {
                    return codec.readResponse(invocation.answer());
                } catch (IOException e) {
                    err.println("function " + route.function().definition().name() + " (request " + requestId
                            + ") answered something the gateway cannot read: " + e.getMessage());
                    return errors.internal(requestId);
                }
            case TIMED_OUT:
                err.println(invocation.problem() + " (request " + requestId + ")");
                return timeout(invocation.problem(), requestId);
            default:
                return errors.internal(requestId);
        }
    }

    /** The demo callers for the page's token picker: {@code [{"token", "callerId", "callerTeam"}]}. */
    private String callersJson() {
        ArrayNode list = json.createArrayNode();
        for (CallerToken caller : callers.all()) {
            list.addObject().put("token", caller.token()).put("callerId", caller.callerId()).put("callerTeam", caller.callerTeam());
        }
        return list.toString();
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

    /**
     * The client's headers with all their values, minus the ones only the gateway sets (the token,
     * the identity headers, and the route's claim headers: none of them from the client, on any
     * route, so an anonymous route passes no identity), plus the caller's claims as headers.
     */
    private static Map<String, List<String>> forwardedHeaders(Map<String, List<String>> received, GatewayRoute route,
                                                              Map<String, String> identity) {
        Set<String> reserved = new TreeSet<>(CallerClaims.STANDARD.headerNames());
        route.claims().ifPresent(claims -> reserved.addAll(claims.headerNames()));
        reserved.add(AUTHORIZATION);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> header : received.entrySet()) {
            if (!reserved.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.put(HeaderNames.canonical(header.getKey()), List.copyOf(header.getValue()));
            }
        }
        identity.forEach((name, value) -> headers.put(name, List.of(value)));
        return headers;
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
