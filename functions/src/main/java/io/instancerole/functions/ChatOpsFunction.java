package io.instancerole.functions;

import io.instancerole.chat.ChatPlatform;
import io.instancerole.functions.http.Route;
import io.instancerole.functions.http.Router;
import java.util.Map;

/**
 * Function {@code chatops}: {@code POST /v1/chatops/dingtalk} and {@code POST /v1/chatops/slack},
 * the bot that takes commands from a team's chat. The platform's signature authenticates each
 * request; the bot reaches the same domain services as the REST routes.
 */
public final class ChatOpsFunction extends FunctionHandler {
    static final Router<Endpoint> ROUTES = new Router<>(
            Route.post("/v1/chatops/dingtalk", Endpoint.chat(ChatPlatform.DINGTALK)),
            Route.post("/v1/chatops/slack", Endpoint.chat(ChatPlatform.SLACK)));

    public ChatOpsFunction() {
        this(System.getenv());
    }

    public ChatOpsFunction(Map<String, String> environment) {
        super("chatops", environment, ROUTES);
    }
}
