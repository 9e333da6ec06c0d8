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
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The emulator as the functions' cloud: started in this JVM, or one already running (invoke's
 * {@code --emulator URL}). The functions reach it through {@code CLOUD_ENDPOINT}; their execution
 * role is made in it from template.yml with the account's root key.
 */
final class EmulatorTarget implements CloudTarget {
    private final Emulator owned;
    private final EmulatorControl control;
    private final String endpoint;
    private final EmulatorRam rootRam;
    private final ObjectMapper json;

    private EmulatorTarget(Emulator owned, EmulatorControl control, String endpoint, String rootKeyId, String rootKeySecret,
                           ObjectMapper json) {
        this.owned = owned;
        this.control = control;
        this.endpoint = endpoint;
        this.json = json;
        this.rootRam = new EmulatorRam(endpoint, rootKeyId, rootKeySecret, json);
    }

    /**
     * An emulator in this JVM; {@code metadataPort} -1 for none. A taken port: one line naming it
     * and the option that chose it ({@code apiPortOption}: {@code --emulator-port} or {@code --port}).
     */
    static EmulatorTarget start(InetAddress bind, int apiPort, String apiPortOption, int metadataPort, ObjectMapper json) {
        Emulator emulator;
        try {
            emulator = Emulator.start(EmulatorOptions.defaults().withBindAddress(bind.getHostAddress())
                    .withApiPort(apiPort).withMetadataPort(metadataPort));
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
            return new EmulatorTarget(emulator, emulator.control(), emulator.endpoint(),
                    emulator.rootAccessKeyId(), emulator.rootAccessKeySecret(), json);
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    /** An emulator that is already running, e.g. {@code http://127.0.0.1:8081}. */
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
        try {
            EmulatorControl control = new EmulatorControl(url);
            Account account = control.account();
            return new EmulatorTarget(null, control, uri.getHost() + ":" + uri.getPort(),
                    account.rootAccessKeyId(), account.rootAccessKeySecret(), json);
        } catch (EmulatorControlException e) {
            throw new StartupException("no emulator answers at " + url + " (" + e.getMessage() + "); start one with: "
                    + "java -jar local/target/instance-role-local.jar emulator", e);
        }
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
        role.ensure(rootRam, notes);
        return new ServiceRoleSession(control, role.roleName(), Clock.systemUTC());
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }
}
