package io.instancerole.emulator.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.emulator.core.ApiException;
import io.instancerole.emulator.core.HttpIo;
import io.instancerole.emulator.core.Ids;
import io.instancerole.emulator.core.Json;
import io.instancerole.emulator.core.RequestTooLargeException;
import io.instancerole.emulator.http.HttpHandler;
import io.instancerole.emulator.http.HttpRequest;
import io.instancerole.emulator.http.HttpResponse;
import io.instancerole.emulator.state.CloudState;
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
    public HttpResponse handle(HttpRequest http) {
        String requestId = Ids.requestId();
        String method = http.method();
        if (!"/".equals(http.path())) {
            return error(requestId, null, new ApiException(404, "InvalidApi.NotFound",
                    "Specified api is not found: RPC calls go to the path \"/\"."));
        }
        if (!"GET".equals(method) && !"POST".equals(method)) {
            return error(requestId, null, new ApiException(400, "UnsupportedHTTPMethod",
                    "Specified HTTP method " + method + " is not supported: use POST or GET."));
        }
        RpcRequest request;
        try {
            request = RpcRequest.from(http);
        } catch (IllegalArgumentException e) {
            return error(requestId, null, ApiException.invalidParameter("InvalidParameter",
                    "The request is not a well-formed URL-encoded parameter list: " + e.getMessage()));
        } catch (RequestTooLargeException e) {
            return error(requestId, null, new ApiException(413, "RequestTooLarge", e.getMessage()));
        }
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
                    principal == null ? null : principal.arn(), Authenticator.signatureVersion(request), request.params(), status,
                    error == null ? null : error.code());
            latency = state.settings().nextCallLatency();
        }
        awaitLatency(latency);
        return error != null ? error(requestId, product.orElse(null), error) : HttpIo.json(status, body);
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

    private static HttpResponse error(String requestId, Product product, ApiException error) {
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
        return HttpIo.json(error.status(), body);
    }
}
