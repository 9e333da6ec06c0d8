package io.instancerole.emulator;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Where the emulator listens, and where it keeps its state if anywhere. Immutable; {@code with...} returns a copy. */
public final class EmulatorOptions {
    /** The metadata port value that means "no metadata listener". */
    public static final int NO_METADATA_LISTENER = -1;

    private final String bindAddress;
    private final int apiPort;
    private final int metadataPort;
    private final Path stateFile;

    private EmulatorOptions(String bindAddress, int apiPort, int metadataPort, Path stateFile) {
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        if (apiPort < 0 || apiPort > 65535) {
            throw new IllegalArgumentException("apiPort must be 0 (any free port) to 65535: " + apiPort);
        }
        if (metadataPort < NO_METADATA_LISTENER || metadataPort > 65535) {
            throw new IllegalArgumentException("metadataPort must be -1 (none), 0 (any free port) or up to 65535: " + metadataPort);
        }
        this.apiPort = apiPort;
        this.metadataPort = metadataPort;
        this.stateFile = stateFile;
    }

    /** Loopback, any free API port, any free metadata port. */
    public static EmulatorOptions defaults() {
        return new EmulatorOptions("127.0.0.1", 0, 0, null);
    }

    public EmulatorOptions withBindAddress(String address) {
        return new EmulatorOptions(address, apiPort, metadataPort, stateFile);
    }

    /** 0 picks any free port. */
    public EmulatorOptions withApiPort(int port) {
        return new EmulatorOptions(bindAddress, port, metadataPort, stateFile);
    }

    /** 0 picks any free port; {@link #NO_METADATA_LISTENER} starts none. */
    public EmulatorOptions withMetadataPort(int port) {
        return new EmulatorOptions(bindAddress, apiPort, port, stateFile);
    }

    /** Loads the account from {@code file} at start (a new one when it does not exist) and writes it back on every change. */
    public EmulatorOptions withStateFile(Path file) {
        return new EmulatorOptions(bindAddress, apiPort, metadataPort, Objects.requireNonNull(file, "file"));
    }

    public String bindAddress() { return bindAddress; }
    public int apiPort() { return apiPort; }
    public int metadataPort() { return metadataPort; }
    /** Empty: memory only. */
    public Optional<Path> stateFile() { return Optional.ofNullable(stateFile); }
}
