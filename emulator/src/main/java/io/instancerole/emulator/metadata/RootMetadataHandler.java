package io.instancerole.emulator.metadata;

import io.instancerole.emulator.http.HttpHandler;
import io.instancerole.emulator.http.HttpRequest;
import io.instancerole.emulator.http.HttpResponse;
import io.instancerole.emulator.state.CloudState;
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
    public HttpResponse handle(HttpRequest request) {
        String path = request.path();
        Optional<String> instanceId;
        synchronized (state) {
            instanceId = state.metadataInstance();
        }
        if (instanceId.isEmpty() || !path.startsWith("/latest/")) {
            return HttpResponse.text(404, "404 - Not Found");
        }
        return metadata.serve(request, instanceId.get(), path);
    }
}
