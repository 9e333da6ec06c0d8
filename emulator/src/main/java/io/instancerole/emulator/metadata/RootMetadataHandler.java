package io.instancerole.emulator.metadata;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.instancerole.emulator.core.HttpIo;
import io.instancerole.emulator.state.CloudState;
import java.io.IOException;
import java.util.Optional;

/**
 * The second listener: {@code /latest/...} as on a real instance, for the instance selected with
 * {@code POST /_emulator/metadata-instance}, else the instance most recently bound to a role.
 */
public final class RootMetadataHandler implements HttpHandler {
    private final CloudState state;
    private final MetadataService metadata;

    public RootMetadataHandler(CloudState state, MetadataService metadata) {
        this.state = state;
        this.metadata = metadata;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            Optional<String> instanceId;
            synchronized (state) {
                instanceId = state.metadataInstance();
            }
            if (instanceId.isEmpty() || !path.startsWith("/latest/")) {
                HttpIo.sendText(exchange, 404, "404 - Not Found");
                return;
            }
            metadata.serve(exchange, instanceId.get(), path);
        } finally {
            exchange.close();
        }
    }
}
