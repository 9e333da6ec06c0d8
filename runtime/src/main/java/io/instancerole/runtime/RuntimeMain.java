package io.instancerole.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * The custom runtime's process, what {@code bootstrap} starts: the protocol's HTTP server on
 * {@code FC_CUSTOM_LISTEN_PORT} (Function Compute 3.0) or {@code FC_SERVER_PORT}, 9000 by default,
 * on every interface (Function Compute reaches it from outside the instance) unless
 * {@code RUNTIME_BIND_ADDRESS} says otherwise (the local stack keeps it on loopback). The function
 * it serves is {@code FC_FUNCTION_HANDLER}, the deployment's {@code handler}.
 */
public final class RuntimeMain {
    private RuntimeMain() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> environment = System.getenv();
        int port = port(environment);
        String bind = environment.getOrDefault("RUNTIME_BIND_ADDRESS", "0.0.0.0");
        CustomRuntime runtime = CustomRuntime.start(new InetSocketAddress(bind, port), environment, System.out);
        runtime.prepare();
        System.out.println("custom runtime: listening on " + bind + ":" + runtime.port());
    }

    static int port(Map<String, String> environment) {
        String port = environment.getOrDefault("FC_CUSTOM_LISTEN_PORT", environment.getOrDefault("FC_SERVER_PORT", "9000"));
        if (!port.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("the listening port must be a number, not '" + port + "'");
        }
        return Integer.parseInt(port);
    }
}
