package io.instancerole.emulator;

import io.instancerole.emulator.client.EmulatorControl;
import io.instancerole.emulator.control.ControlHandler;
import io.instancerole.emulator.core.EmulatorClock;
import io.instancerole.emulator.core.Ids;
import io.instancerole.emulator.core.HttpIo;
import io.instancerole.emulator.ecs.EcsProduct;
import io.instancerole.emulator.http.HttpHandler;
import io.instancerole.emulator.http.HttpListener;
import io.instancerole.emulator.http.HttpResponse;
import io.instancerole.emulator.metadata.MetadataService;
import io.instancerole.emulator.metadata.RootMetadataHandler;
import io.instancerole.emulator.ram.RamProduct;
import io.instancerole.emulator.ram.SystemPolicies;
import io.instancerole.emulator.rpc.ApiGateway;
import io.instancerole.emulator.state.AccessKey;
import io.instancerole.emulator.state.CloudState;
import io.instancerole.emulator.state.StateFile;
import io.instancerole.emulator.sts.StsProduct;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.function.Supplier;

/**
 * An offline Alibaba Cloud account: RAM, ECS and STS over the RPC protocol of the V1 SDK, the
 * instance metadata service, and a control API under {@code /_emulator}. Thread-safe.
 */
public final class Emulator implements AutoCloseable {
    private static final int WORKER_THREADS = 16;

    private final CloudState state;
    private final HttpListener api;
    private final HttpListener metadata;
    private final String host;

    private Emulator(CloudState state, HttpListener api, HttpListener metadata, String host) {
        this.state = state;
        this.api = api;
        this.metadata = metadata;
        this.host = host;
    }

    /** Binds the listeners and starts serving; a port in use fails with {@link java.net.BindException}. */
    public static Emulator start(EmulatorOptions options) throws IOException {
        EmulatorClock clock = new EmulatorClock();
        Supplier<CloudState> fresh = () -> new CloudState(Ids.digits(16),
                new AccessKey(Ids.accessKeyId(), Ids.accessKeySecret(), null), clock, SystemPolicies.all());
        CloudState state;
        StateFile stateFile = null;
        if (options.stateFile().isPresent()) {
            StateFile.Loaded loaded = StateFile.open(options.stateFile().get(), clock, SystemPolicies.all(), fresh);
            state = loaded.state();
            stateFile = loaded.file();
        } else {
            state = fresh.get();
        }
        MetadataService metadataService = new MetadataService(state);
        InetAddress address = InetAddress.getByName(options.bindAddress());
        ApiGateway gateway = new ApiGateway(state, List.of(RamProduct.create(), EcsProduct.create(), StsProduct.create()));
        ControlHandler control = new ControlHandler(state, metadataService);
        HttpHandler routes = request -> request.path().startsWith(ControlHandler.PREFIX + "/")
                ? control.handle(request) : gateway.handle(request);
        HttpListener api = HttpListener.start(address, options.apiPort(), "emulator", WORKER_THREADS, HttpIo.MAX_BODY_BYTES,
                saving(state, stateFile, routes), System.err);
        HttpListener metadata = null;
        try {
            if (options.metadataPort() != EmulatorOptions.NO_METADATA_LISTENER) {
                metadata = HttpListener.start(address, options.metadataPort(), "emulator-metadata", WORKER_THREADS,
                        HttpIo.MAX_BODY_BYTES, saving(state, stateFile, new RootMetadataHandler(state, metadataService)),
                        System.err);
            }
        } catch (IOException | RuntimeException e) {
            api.close();
            throw e;
        }
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        return new Emulator(state, api, metadata, host);
    }

    /**
     * {@code handler}, then the account written to the state file if it changed, before the answer
     * leaves: what a client saw succeed survives a restart. Metadata reads count (they issue sessions).
     */
    private static HttpHandler saving(CloudState state, StateFile stateFile, HttpHandler handler) {
        if (stateFile == null) {
            return handler;
        }
        return request -> {
            HttpResponse response = handler.handle(request);
            synchronized (state) {
                try {
                    stateFile.saveIfChanged(state);
                } catch (IOException e) {
                    System.err.println("emulator: cannot write the state file " + stateFile.path() + ": " + e.getMessage());
                }
            }
            return response;
        };
    }

    public int apiPort() {
        return api.port();
    }

    /** The metadata listener's port, or -1 when there is none. */
    public int metadataPort() {
        return metadata == null ? EmulatorOptions.NO_METADATA_LISTENER : metadata.port();
    }

    /** {@code host:port}, the form {@code RpcAcsRequest.setSysEndpoint} takes. */
    public String endpoint() {
        return host + ":" + apiPort();
    }

    /** {@code http://host:port} of the API (and control API). */
    public String baseUrl() {
        return "http://" + endpoint();
    }

    /** {@code http://host:port} of the metadata listener, or null when there is none. */
    public String metadataUrl() {
        return metadata == null ? null : "http://" + host + ":" + metadataPort();
    }

    public String accountId() {
        return state.accountId();
    }

    public String rootAccessKeyId() {
        return state.rootKey().id();
    }

    public String rootAccessKeySecret() {
        return state.rootKey().secret();
    }

    /** A client of this emulator's control API. */
    public EmulatorControl control() {
        return new EmulatorControl(baseUrl());
    }

    @Override
    public void close() {
        api.close();
        if (metadata != null) {
            metadata.close();
        }
    }
}
