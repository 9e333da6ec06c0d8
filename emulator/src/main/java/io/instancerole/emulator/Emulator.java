package io.instancerole.emulator;

import com.sun.net.httpserver.HttpServer;
import io.instancerole.emulator.client.EmulatorControl;
import io.instancerole.emulator.control.ControlHandler;
import io.instancerole.emulator.core.EmulatorClock;
import io.instancerole.emulator.core.Ids;
import io.instancerole.emulator.ecs.EcsProduct;
import io.instancerole.emulator.metadata.MetadataService;
import io.instancerole.emulator.metadata.RootMetadataHandler;
import io.instancerole.emulator.ram.RamProduct;
import io.instancerole.emulator.ram.SystemPolicies;
import io.instancerole.emulator.rpc.ApiGateway;
import io.instancerole.emulator.state.AccessKey;
import io.instancerole.emulator.state.CloudState;
import io.instancerole.emulator.sts.StsProduct;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An offline Alibaba Cloud account: RAM, ECS and STS over the RPC protocol of the V1 SDK, the
 * instance metadata service, and a control API under {@code /_emulator}. Thread-safe.
 */
public final class Emulator implements AutoCloseable {
    private static final int WORKER_THREADS = 16;

    private final CloudState state;
    private final HttpServer api;
    private final HttpServer metadata;
    private final ExecutorService workers;
    private final String host;

    private Emulator(CloudState state, HttpServer api, HttpServer metadata, ExecutorService workers, String host) {
        this.state = state;
        this.api = api;
        this.metadata = metadata;
        this.workers = workers;
        this.host = host;
    }

    /**
     * The JDK HttpServer otherwise answers small requests about 40 ms late (Nagle's algorithm meeting
     * the client's delayed ACK). Read once, when the JDK first builds an HttpServer; an explicit
     * setting wins.
     */
    private static void disableNagle() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Binds the listeners and starts serving; a port in use fails with {@link java.net.BindException}. */
    public static Emulator start(EmulatorOptions options) throws IOException {
        disableNagle();
        CloudState state = new CloudState(Ids.digits(16),
                new AccessKey(Ids.accessKeyId(), Ids.accessKeySecret(), null), new EmulatorClock(),
                SystemPolicies.all());
        MetadataService metadataService = new MetadataService(state);
        InetAddress address = InetAddress.getByName(options.bindAddress());
        ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads());
        HttpServer api;
        HttpServer metadata = null;
        try {
            api = HttpServer.create(new InetSocketAddress(address, options.apiPort()), 0);
        } catch (IOException e) {
            workers.shutdownNow();
            throw e;
        }
        api.createContext("/", new ApiGateway(state,
                List.of(RamProduct.create(), EcsProduct.create(), StsProduct.create())));
        api.createContext(ControlHandler.PREFIX + "/", new ControlHandler(state, metadataService));
        api.setExecutor(workers);
        // started before the metadata listener binds: stopping a server that never ran leaves its port bound
        api.start();
        try {
            if (options.metadataPort() != EmulatorOptions.NO_METADATA_LISTENER) {
                metadata = HttpServer.create(new InetSocketAddress(address, options.metadataPort()), 0);
                metadata.createContext("/", new RootMetadataHandler(state, metadataService));
                metadata.setExecutor(workers);
                metadata.start();
            }
        } catch (IOException | RuntimeException e) {
            api.stop(0);
            workers.shutdownNow();
            throw e;
        }
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        return new Emulator(state, api, metadata, workers, host);
    }

    public int apiPort() {
        return api.getAddress().getPort();
    }

    /** The metadata listener's port, or -1 when there is none. */
    public int metadataPort() {
        return metadata == null ? EmulatorOptions.NO_METADATA_LISTENER : metadata.getAddress().getPort();
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
        api.stop(0);
        if (metadata != null) {
            metadata.stop(0);
        }
        workers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "emulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
