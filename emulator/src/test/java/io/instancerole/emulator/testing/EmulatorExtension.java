package io.instancerole.emulator.testing;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import io.instancerole.emulator.Emulator;
import io.instancerole.emulator.EmulatorOptions;
import io.instancerole.emulator.client.EmulatorControl;
import io.instancerole.emulator.client.UserKeys;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One emulator per test class, reset before each test:
 * {@code @RegisterExtension static final EmulatorExtension EMULATOR = new EmulatorExtension();}
 */
public final class EmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    public static final String REGION = "cn-hangzhou";

    private Emulator emulator;
    private EmulatorControl control;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        emulator = Emulator.start(EmulatorOptions.defaults());
        control = emulator.control();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        emulator.close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        control.reset();
    }

    public Emulator emulator() { return emulator; }
    public EmulatorControl control() { return control; }
    public String endpoint() { return emulator.endpoint(); }
    public String accountId() { return emulator.accountId(); }

    /** A client with the account's root key, in {@link #REGION}. */
    public DefaultAcsClient root() {
        return SdkClients.client(emulator.rootAccessKeyId(), emulator.rootAccessKeySecret(), REGION);
    }

    /** A client of the user (created, with a new key, if needed). */
    public DefaultAcsClient user(String userName) {
        UserKeys keys = control.createUser(userName);
        return SdkClients.client(keys.accessKeyId(), keys.accessKeySecret(), REGION);
    }

    /** Sends {@code request}, which must fail, and returns the SDK's exception. */
    public ClientException failure(IAcsClient client, AcsRequest<?> request) {
        try {
            client.getAcsResponse(SdkClients.at(endpoint(), request));
        } catch (ClientException e) {
            return e;
        }
        throw new AssertionError(request.getSysActionName() + " succeeded; an error was expected");
    }

    /** Sends {@code request} to this emulator through {@code client}. */
    public <T extends AcsResponse> T send(IAcsClient client, AcsRequest<T> request) throws ClientException {
        return client.getAcsResponse(SdkClients.at(endpoint(), request));
    }
}
