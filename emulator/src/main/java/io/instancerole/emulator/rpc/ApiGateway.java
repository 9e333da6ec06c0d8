package io.instancerole.emulator.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.instancerole.emulator.core.ApiException;
import io.instancerole.emulator.core.HttpIo;
import io.instancerole.emulator.core.Ids;
import io.instancerole.emulator.core.Json;
import io.instancerole.emulator.core.RequestTooLargeException;
import io.instancerole.emulator.state.CloudState;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RPC endpoint ({@code POST|GET /}): authenticates, runs the action under the state lock, records the call,
 * then waits out the emulated latency outside the lock, so concurrent calls are delayed concurrently.
 */
public final class ApiGateway implements HttpHandler {
    private final CloudState state;
    private final Authenticator authenticator;
    private final Authorizer authorizer;
    private final Map<String, Product> productsByVersion = new HashMap<>();

    public ApiGateway(CloudState state, List<Product> products) {
        this.state = state;
        this.authenticator = new Authenticator(state);
        this.authorizer = new Authorizer(state);
        products.forEach(p -> productsByVersion.put(p.version(), p));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String requestId = Ids.requestId();
        String method = exchange.getRequestMethod();
        if (!"/".equals(exchange.getRequestURI().getPath())) {
            sendError(exchange, requestId, null, new ApiException(404, "InvalidApi.NotFound",
                    "Specified api is not found: RPC calls go to the path \"/\"."));
            return;
        }
        if (!"GET".equals(method) && !"POST".equals(method)) {
            sendError(exchange, requestId, null, new ApiException(400, "UnsupportedHTTPMethod",
                    "Specified HTTP method " + method + " is not supported: use POST or GET."));
            return;
        }
        Map<String, String> params;
        try {
            params = HttpIo.params(exchange);
        } catch (IllegalArgumentException e) {
            sendError(exchange, requestId, null, ApiException.invalidParameter("InvalidParameter",
                    "The request is not a well-formed URL-encoded parameter list: " + e.getMessage()));
            return;
        } catch (RequestTooLargeException e) {
            sendError(exchange, requestId, null, new ApiException(413, "RequestTooLarge", e.getMessage()));
            return;
        }
        RpcRequest request = new RpcRequest(method, params, exchange.getRemoteAddress().getAddress().getHostAddress());
        Optional<Product> product = Optional.ofNullable(request.param("Version")).map(productsByVersion::get);
        ObjectNode body = Json.object();
        body.put("RequestId", requestId);
        int status = 200;
        ApiException error = null;
        Duration latency;
        synchronized (state) {
            Principal principal = null;
            try {
                Action action = findAction(request, product);
                principal = authenticator.authenticate(request);
                Optional<ApiException> fault = state.faults().takeCallFault(request.param("Action"));
                if (fault.isPresent()) {
                    throw fault.get();
                }
                body.setAll(action.handle(new Call(state, authorizer, product.get(), request, principal)));
            } catch (ApiException e) {
                error = e;
            } catch (RuntimeException e) {
                error = new ApiException(500, "InternalError",
                        "The request processing has failed due to an error inside the emulator: " + e);
            }
            if (error != null) {
                status = error.status();
            }
            state.calls().record(product.map(Product::name).orElse(null), request.param("Action"),
                    principal == null ? null : principal.arn(), request.params(), status,
                    error == null ? null : error.code());
            latency = state.settings().nextCallLatency();
        }
        awaitLatency(latency);
        if (error != null) {
            sendError(exchange, requestId, product.orElse(null), error);
        } else {
            HttpIo.sendJson(exchange, status, body);
        }
    }

    /** Each call waits on its own worker thread, holding no lock. */
    private static void awaitLatency(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            // the emulator is closing: answer at once
            Thread.currentThread().interrupt();
        }
    }

    private static Action findAction(RpcRequest request, Optional<Product> product) {
        String actionName = request.param("Action");
        if (actionName == null) {
            throw ApiException.missingParameter("Action");
        }
        if (request.param("Version") == null) {
            throw ApiException.missingParameter("Version");
        }
        return product.flatMap(p -> p.action(actionName)).orElseThrow(() -> new ApiException(404,
                "InvalidApi.NotFound", "Specified api is not found, please check your url and method: Action "
                        + actionName + " of Version " + request.param("Version") + " is not emulated."));
    }

    private static void sendError(HttpExchange exchange, String requestId, Product product, ApiException error)
            throws IOException {
        ObjectNode body = Json.object();
        body.put("RequestId", requestId);
        body.put("HostId", product == null ? "emulator" : product.hostId());
        body.put("Code", error.code());
        body.put("Message", error.getMessage());
        body.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + error.code()
                + (product == null ? "" : "&product=" + product.name()));
        if (error.accessDeniedDetail() != null) {
            body.set("AccessDeniedDetail", error.accessDeniedDetail());
        }
        HttpIo.sendJson(exchange, error.status(), body);
    }
}
