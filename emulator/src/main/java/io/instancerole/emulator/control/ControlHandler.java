package io.instancerole.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.emulator.core.ApiException;
import io.instancerole.emulator.core.HttpIo;
import io.instancerole.emulator.core.Json;
import io.instancerole.emulator.core.RequestTooLargeException;
import io.instancerole.emulator.http.HttpHandler;
import io.instancerole.emulator.http.HttpRequest;
import io.instancerole.emulator.http.HttpResponse;
import io.instancerole.emulator.metadata.MetadataService;
import io.instancerole.emulator.state.CloudState;

/** Routes {@code /_emulator/...}: the control API for tests and the local stack, and the per-instance metadata. */
public final class ControlHandler implements HttpHandler {
    public static final String PREFIX = "/_emulator";

    private final CloudState state;
    private final MetadataService metadata;
    private final ControlActions actions;

    public ControlHandler(CloudState state, MetadataService metadata) {
        this.state = state;
        this.metadata = metadata;
        this.actions = new ControlActions(state, metadata);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        String path = request.path().substring(PREFIX.length());
        if (path.startsWith("/metadata/")) {
            return serveMetadata(request, path.substring("/metadata/".length()));
        }
        Reply reply;
        try {
            reply = route(request, path);
        } catch (ControlException e) {
            reply = error(e.status(), e.code(), e.getMessage());
        } catch (ApiException e) {
            reply = error(e.status(), e.code(), e.getMessage());
        } catch (RequestTooLargeException e) {
            reply = error(413, "BodyTooLarge", e.getMessage());
        } catch (RuntimeException e) {
            reply = error(500, "InternalError", "The control call failed inside the emulator: " + e);
        }
        return reply.body == null ? HttpResponse.empty(reply.status) : HttpIo.json(reply.status, reply.body);
    }

    private Reply route(HttpRequest request, String path) {
        String method = request.method();
        if (path.startsWith("/credentials-uri/") && "GET".equals(method)) {
            return Reply.ok(actions.credentialsUri(path.substring("/credentials-uri/".length())));
        }
        switch (method + " " + path) {
            case "GET /account":
                return Reply.ok(actions.account());
            case "POST /instances":
                return new Reply(201, actions.createInstance(HttpIo.body(request)));
            case "POST /users":
                return new Reply(201, actions.createUser(HttpIo.body(request)));
            case "POST /service-credentials":
                return Reply.ok(actions.serviceCredentials(HttpIo.body(request)));
            case "POST /faults":
                return new Reply(201, actions.addFault(HttpIo.body(request)));
            case "DELETE /faults":
                synchronized (state) {
                    state.faults().clear();
                }
                return new Reply(204, null);
            case "GET /settings":
                return Reply.ok(actions.settings(null));
            case "POST /settings":
                return Reply.ok(actions.settings(HttpIo.body(request)));
            case "GET /state":
                synchronized (state) {
                    return Reply.ok(StateView.of(state));
                }
            case "GET /calls":
                synchronized (state) {
                    ObjectNode calls = Json.object();
                    calls.set("calls", state.calls().snapshot());
                    return Reply.ok(calls);
                }
            case "DELETE /calls":
                synchronized (state) {
                    state.calls().clear();
                }
                return new Reply(204, null);
            case "POST /reset":
                synchronized (state) {
                    state.reset();
                }
                return new Reply(204, null);
            case "GET /metadata-instance":
                return Reply.ok(actions.metadataInstance(null));
            case "POST /metadata-instance":
                return Reply.ok(actions.metadataInstance(HttpIo.body(request)));
            default:
                return error(404, "UnknownControlCall", "No control call " + method + " " + PREFIX + path
                        + "; see the emulator's documentation for the control API.");
        }
    }

    private HttpResponse serveMetadata(HttpRequest request, String rest) {
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return HttpResponse.text(404, "404 - Not Found");
        }
        return metadata.serve(request, rest.substring(0, slash), rest.substring(slash));
    }

    private static Reply error(int status, String code, String message) {
        ObjectNode body = Json.object();
        body.put("code", code);
        body.put("message", message);
        return new Reply(status, body);
    }

    private static final class Reply {
        final int status;
        final JsonNode body;

        Reply(int status, JsonNode body) {
            this.status = status;
            this.body = body;
        }

        static Reply ok(JsonNode body) {
            return new Reply(200, body);
        }
    }
}
