package io.instancerole.runtime;

import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionInitializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.instancerole.functions.http.ApiGatewayCodec;
import io.instancerole.functions.http.ApiRequest;
import io.instancerole.functions.http.ApiResponse;
import io.instancerole.functions.http.QueryString;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Function Compute's custom-runtime protocol in front of the functions' own handler classes: an
 * HTTP server that Function Compute (or the local stack) sends {@code POST /initialize} once per
 * instance, {@code POST /invoke} per event and, for an HTTP trigger, the caller's request itself
 * ({@code x-fc-control-path: /http-invoke}). Every request carries the execution credentials and
 * the request id in {@code x-fc-*} headers. The answer's status and {@code x-fc-status} are 200
 * when the handler ran and 404 when it threw (the protocol's "failed"), with
 * {@code {"errorMessage", "errorType"}} as the body and the stack trace in the log. See
 * runtime/README.md for the protocol as this class relies on it.
 */
public final class CustomRuntime implements AutoCloseable {
    static final String CONTROL_PATH = "x-fc-control-path";
    static final String REQUEST_ID = "x-fc-request-id";
    static final String STATUS = "x-fc-status";
    static final String ACCESS_KEY_ID = "x-fc-access-key-id";
    static final String ACCESS_KEY_SECRET = "x-fc-access-key-secret";
    static final String SECURITY_TOKEN = "x-fc-security-token";
    static final String FUNCTION_HANDLER = "x-fc-function-handler";
    static final String FUNCTION_NAME = "x-fc-function-name";
    static final String FUNCTION_MEMORY = "x-fc-function-memory";
    static final String FUNCTION_TIMEOUT = "x-fc-function-timeout";
    static final String SERVICE_NAME = "x-fc-service-name";
    private static final int FAILED = 404;
    /** Hop-by-hop headers, and Function Compute's own, never reach a function as the caller's. */
    private static final Set<String> UNFORWARDED_REQUEST_HEADERS = Set.of("connection", "keep-alive", "transfer-encoding", "content-length");
    private static final Set<String> UNFORWARDED_ANSWER_HEADERS = Set.of("content-length", "transfer-encoding", "connection");

    private final HttpServer server;
    private final Map<String, String> environment;
    private final PrintStream log;
    private final ExecutorService threads;
    private final ObjectMapper json = new ObjectMapper();
    private final ApiGatewayCodec codec = new ApiGatewayCodec(json);
    private final ConcurrentMap<String, CompletableFuture<FunctionInstance>> instances = new ConcurrentHashMap<>();

    private CustomRuntime(HttpServer server, Map<String, String> environment, PrintStream log) {
        this.server = server;
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fc-runtime");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Listens on {@code address}. {@code environment}: the function's variables (its handler gets
     * them) and Function Compute's ({@code FC_FUNCTION_HANDLER}, {@code FC_FUNCTION_NAME},
     * {@code FC_FUNCTION_MEMORY_SIZE}), used where a request's headers do not say. The function's
     * log, and the protocol's start and end lines, go to {@code log}.
     */
    public static CustomRuntime start(InetSocketAddress address, Map<String, String> environment, PrintStream log) throws IOException {
        // read once per JVM, at its first HttpServer: without it every answer waits for the caller's delayed ACK (~40 ms)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        CustomRuntime runtime = new CustomRuntime(HttpServer.create(address, 64), environment, log);
        runtime.server.createContext("/", runtime::handle);
        runtime.server.setExecutor(runtime.threads);
        runtime.server.start();
        return runtime;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Starts making the handler object of {@code FC_FUNCTION_HANDLER} now, so a cold instance has
     * it (its classes loaded, its constructor run) by the time {@code /initialize} arrives.
     */
    public void prepare() {
        String handler = environment.get("FC_FUNCTION_HANDLER");
        if (handler != null) {
            instance(handler);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try {
            Headers headers = exchange.getRequestHeaders();
            String control = headers.getFirst(CONTROL_PATH);
            if (control == null) {
                // without the header, the path says it (the protocol's fixed paths), else it is an HTTP-trigger request
                String path = exchange.getRequestURI().getPath();
                control = "/invoke".equals(path) || "/initialize".equals(path) ? path : "/http-invoke";
            }
            String requestId = headers.getFirst(REQUEST_ID) == null ? UUID.randomUUID().toString() : headers.getFirst(REQUEST_ID);
            switch (control) {
                case "/initialize":
                    initialize(exchange, requestId);
                    break;
                case "/invoke":
                    invoke(exchange, requestId);
                    break;
                case "/http-invoke":
                    httpInvoke(exchange, requestId);
                    break;
                default:
                    answer(exchange, 400, 400, "text/plain", ("this runtime serves /initialize, /invoke and /http-invoke, not "
                            + control).getBytes(StandardCharsets.UTF_8), Map.of());
            }
        } catch (IOException e) {
            log.println("FC runtime: could not answer: " + e.getMessage());
        } finally {
            exchange.close();
        }
    }

    private void initialize(HttpExchange exchange, String requestId) throws IOException {
        exchange.getRequestBody().readAllBytes();
        framed(exchange, requestId, "Initialize", () -> {
            instanceFor(exchange).initializeOnce(context(exchange, requestId));
            return new Answer(200, 200, "text/plain", new byte[0], Map.of());
        });
    }

    private void invoke(HttpExchange exchange, String requestId) throws IOException {
        byte[] event = exchange.getRequestBody().readAllBytes();
        framed(exchange, requestId, "Invoke", () -> {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            instanceFor(exchange).handle(new ByteArrayInputStream(event), answer, context(exchange, requestId));
            return new Answer(200, 200, "application/octet-stream", answer.toByteArray(), Map.of());
        });
    }

    /** The caller's HTTP request becomes the API Gateway event the handlers read, and their answer HTTP again. */
    private void httpInvoke(HttpExchange exchange, String requestId) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        framed(exchange, requestId, "Invoke", () -> {
            ApiRequest request = new ApiRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    callerHeaders(exchange.getRequestHeaders()), QueryString.parse(exchange.getRequestURI().getRawQuery()), body);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            instanceFor(exchange).handle(new ByteArrayInputStream(codec.writeEvent(request)), answer, context(exchange, requestId));
            ApiResponse response = codec.readResponse(answer.toByteArray());
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            response.headers().forEach((name, value) -> {
                if (!UNFORWARDED_ANSWER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    responseHeaders.put(name, value);
                }
            });
            return new Answer(response.statusCode(), 200, null, response.body().getBytes(StandardCharsets.UTF_8), responseHeaders);
        });
    }

    /**
     * One call between the protocol's start and end log lines, answered after the end line (so
     * the invocation's log is complete when Function Compute has the answer); a failure is
     * answered as the protocol's "failed".
     */
    private void framed(HttpExchange exchange, String requestId, String phase, Call call) throws IOException {
        log.println("FC " + phase + " Start RequestId: " + requestId);
        Answer answer;
        try {
            answer = call.run();
        } catch (Exception e) {
            answer = failed(requestId, e);
        }
        log.println("FC " + phase + " End RequestId: " + requestId);
        answer(exchange, answer.status, answer.fcStatus, answer.contentType, answer.body, answer.headers);
    }

    /** What {@link #framed} runs. */
    private interface Call {
        Answer run() throws Exception;
    }

    /** An answer to send: the HTTP status, {@code x-fc-status}, the content type (null: the headers say it), body and headers. */
    private static final class Answer {
        final int status;
        final int fcStatus;
        final String contentType;
        final byte[] body;
        final Map<String, String> headers;

        Answer(int status, int fcStatus, String contentType, byte[] body, Map<String, String> headers) {
            this.status = status;
            this.fcStatus = fcStatus;
            this.contentType = contentType;
            this.body = body;
            this.headers = headers;
        }
    }

    /** The handler threw (or could not be made): the protocol's "failed", the stack trace in the log only. */
    private Answer failed(String requestId, Exception e) throws IOException {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        log.println("FC runtime: request " + requestId + " failed: " + trace);
        Map<String, String> error = new LinkedHashMap<>();
        error.put("errorMessage", String.valueOf(cause.getMessage()));
        error.put("errorType", cause.getClass().getName());
        return new Answer(FAILED, FAILED, "application/json", json.writeValueAsBytes(error), Map.of());
    }

    private FunctionInstance instanceFor(HttpExchange exchange) throws Exception {
        String handler = handlerOf(exchange);
        if (handler == null) {
            throw new IllegalStateException("no handler: neither the " + FUNCTION_HANDLER + " header nor FC_FUNCTION_HANDLER names one");
        }
        try {
            return instance(handler).get();
        } catch (ExecutionException e) {
            instances.remove(handler); // a fresh instance next time, as Function Compute would start one
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    private CompletableFuture<FunctionInstance> instance(String handler) {
        return instances.computeIfAbsent(handler, h -> CompletableFuture.supplyAsync(() -> {
            try {
                return FunctionInstance.create(h, initializerOf(h), environment);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("cannot make " + h + ": " + e, e);
            }
        }, threads));
    }

    /** The handler's own class's {@code initialize}, when it has one: what the deployment names as its initializer. */
    private static String initializerOf(String handler) {
        String className = handler.substring(0, Math.max(0, handler.indexOf("::")));
        try {
            Class<?> type = Class.forName(className, false, CustomRuntime.class.getClassLoader());
            return FunctionInitializer.class.isAssignableFrom(type) ? className + "::initialize" : null;
        } catch (ClassNotFoundException e) {
            return null; // FunctionInstance.create says what is wrong with the handler
        }
    }

    private String handlerOf(HttpExchange exchange) {
        String handler = exchange.getRequestHeaders().getFirst(FUNCTION_HANDLER);
        return handler != null ? handler : environment.get("FC_FUNCTION_HANDLER");
    }

    private FunctionContext context(HttpExchange exchange, String requestId) {
        Headers headers = exchange.getRequestHeaders();
        String keyId = headers.getFirst(ACCESS_KEY_ID);
        Credentials credentials = keyId == null ? null
                : new StsCredentials(keyId, headers.getFirst(ACCESS_KEY_SECRET), headers.getFirst(SECURITY_TOKEN));
        String handler = handlerOf(exchange);
        FunctionSettings settings = new FunctionSettings(
                first(headers.getFirst(FUNCTION_NAME), environment.get("FC_FUNCTION_NAME"), "unknown"),
                headers.getFirst(SERVICE_NAME), handler, initializerOf(handler),
                number(headers.getFirst(FUNCTION_TIMEOUT), null, 0) * 1000,
                number(headers.getFirst(FUNCTION_MEMORY), environment.get("FC_FUNCTION_MEMORY_SIZE"), 0));
        return new FunctionContext(requestId, () -> credentials, settings, new PrintStreamLogger(log));
    }

    /** The caller's headers as the function should see them: without Function Compute's {@code x-fc-*} (credentials among them). */
    private static Map<String, String> callerHeaders(Headers received) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> header : received.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!name.startsWith("x-fc-") && !UNFORWARDED_REQUEST_HEADERS.contains(name)) {
                headers.put(header.getKey(), String.join(",", header.getValue()));
            }
        }
        return headers;
    }

    private static void answer(HttpExchange exchange, int status, int fcStatus, String contentType, byte[] body,
                               Map<String, String> headers) throws IOException {
        Headers out = exchange.getResponseHeaders();
        headers.forEach(out::set);
        if (contentType != null) {
            out.set("Content-Type", contentType);
        }
        out.set(STATUS, Integer.toString(fcStatus));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(body);
            }
        }
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static int number(String header, String fallback, int otherwise) {
        String text = first(header, fallback);
        return text != null && text.matches("\\d{1,9}") ? Integer.parseInt(text) : otherwise;
    }
}
