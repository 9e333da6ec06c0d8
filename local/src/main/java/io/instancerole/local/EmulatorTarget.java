package io.instancerole.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.instancerole.emulator.Emulator;
import io.instancerole.emulator.EmulatorOptions;
import io.instancerole.emulator.client.Account;
import io.instancerole.emulator.client.EmulatorControl;
import io.instancerole.emulator.client.EmulatorControlException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The emulator as the functions' cloud: started in this JVM, or one already running (invoke's
 * {@code --emulator URL}). The functions reach it through {@code CLOUD_ENDPOINT}; their execution
 * role is made in it from template.yml with the account's root key.
 */
final class EmulatorTarget implements CloudTarget {
    private final Emulator owned;
    private final EmulatorControl control;
    private final String endpoint;
    private final Supplier<EmulatorRam> rootRamSource;
    private final ObjectMapper json;
    private EmulatorRam rootRam; // guarded by this; made on first use

    private EmulatorTarget(Emulator owned, EmulatorControl control, String endpoint, Supplier<EmulatorRam> rootRamSource,
                           ObjectMapper json) {
        this.owned = owned;
        this.json = json;
        this.control = control;
        this.endpoint = endpoint;
        this.rootRamSource = rootRamSource;
    }

    /**
     * An emulator in this JVM; {@code metadataPort} -1 for none. A taken port: one line naming it
     * and the option that chose it ({@code apiPortOption}: {@code --emulator-port} or {@code --port}).
     */
    static EmulatorTarget start(InetAddress bind, int apiPort, String apiPortOption, int metadataPort,
                                Optional<Path> stateFile, ObjectMapper json) {
        Emulator emulator;
        try {
            EmulatorOptions options = EmulatorOptions.defaults().withBindAddress(bind.getHostAddress())
                    .withApiPort(apiPort).withMetadataPort(metadataPort);
            emulator = Emulator.start(stateFile.map(options::withStateFile).orElse(options));
        } catch (BindException e) {
            if (apiPort > 0 && !Ports.isFree(bind, apiPort)) {
                throw Ports.inUse(bind, apiPort, apiPortOption);
            }
            if (metadataPort > 0 && !Ports.isFree(bind, metadataPort)) {
                throw Ports.inUse(bind, metadataPort, "--metadata-port");
            }
            throw new StartupException("the emulator cannot listen on " + bind.getHostAddress() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StartupException("the emulator cannot start on " + bind.getHostAddress() + ": " + e.getMessage(), e);
        }
        try {
            EmulatorRam rootRam = new EmulatorRam(emulator.endpoint(), emulator.rootAccessKeyId(), emulator.rootAccessKeySecret(), json);
            return new EmulatorTarget(emulator, emulator.control(), emulator.endpoint(), () -> rootRam, json);
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    /**
     * An emulator that is already running, e.g. {@code http://127.0.0.1:8081}. Nothing is asked of it
     * until the execution role is set up, so {@code invoke} can start the function meanwhile.
     */
    static EmulatorTarget connect(String url, ObjectMapper json) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--emulator must be the emulator's URL, e.g. http://127.0.0.1:8081, not '" + url + "'");
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new UsageException("--emulator must be the emulator's URL, e.g. http://127.0.0.1:8081, not '" + url + "'");
        }
        EmulatorControl control = new EmulatorControl(url);
        String endpoint = uri.getHost() + ":" + uri.getPort();
        return new EmulatorTarget(null, control, endpoint, () -> {
            try {
                Account account = control.account();
                return new EmulatorRam(endpoint, account.rootAccessKeyId(), account.rootAccessKeySecret(), json);
            } catch (EmulatorControlException e) {
                throw new StartupException("no emulator answers at " + url + " (" + e.getMessage() + "); start one with: "
                        + "java -jar local/target/instance-role-local.jar emulator", e);
            }
        }, json);
    }

    /** The emulator this JVM started, if it started one. */
    Optional<Emulator> emulator() {
        return Optional.ofNullable(owned);
    }

    EmulatorControl control() {
        return control;
    }

    @Override
    public Map<String, String> functionEnvironment() {
        return Map.of("CLOUD_ENDPOINT", endpoint);
    }

    @Override
    public ExecutionCredentials executionCredentials(ServiceDefinition service, Consumer<String> notes) {
        ExecutionRole role = new ExecutionRole(service.name(), ServicePolicies.of(service), json);
        role.ensure(rootRam(), notes);
        return new ServiceRoleSession(control, role.roleName(), Clock.systemUTC());
    }

    private synchronized EmulatorRam rootRam() {
        if (rootRam == null) {
            rootRam = rootRamSource.get();
        }
        return rootRam;
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }
}
