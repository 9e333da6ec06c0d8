package io.instancerole.emulator;

import java.util.Objects;

/** Where the emulator listens. Immutable; {@code with...} returns a copy. */
public final class EmulatorOptions {
    /** The metadata port value that means "no metadata listener". */
    public static final int NO_METADATA_LISTENER = -1;

    private final String bindAddress;
    private final int apiPort;
    private final int metadataPort;

    private EmulatorOptions(String bindAddress, int apiPort, int metadataPort) {
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        if (apiPort < 0 || apiPort > 65535) {
            throw new IllegalArgumentException("apiPort must be 0 (any free port) to 65535: " + apiPort);
        }
        if (metadataPort < NO_METADATA_LISTENER || metadataPort > 65535) {
            throw new IllegalArgumentException("metadataPort must be -1 (none), 0 (any free port) or up to 65535: " + metadataPort);
        }
        this.apiPort = apiPort;
        this.metadataPort = metadataPort;
    }

    /** Loopback, any free API port, any free metadata port. */
    public static EmulatorOptions defaults() {
        return new EmulatorOptions("127.0.0.1", 0, 0);
    }

    public EmulatorOptions withBindAddress(String address) {
        return new EmulatorOptions(address, apiPort, metadataPort);
    }

    /** 0 picks any free port. */
    public EmulatorOptions withApiPort(int port) {
        return new EmulatorOptions(bindAddress, port, metadataPort);
    }

    /** 0 picks any free port; {@link #NO_METADATA_LISTENER} starts none. */
    public EmulatorOptions withMetadataPort(int port) {
        return new EmulatorOptions(bindAddress, apiPort, port);
    }

    public String bindAddress() { return bindAddress; }
    public int apiPort() { return apiPort; }
    public int metadataPort() { return metadataPort; }
}
