package io.instancerole.functions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.fc.runtime.Credentials;
import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.cloud.aliyun.CloudConfig;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.it.ServiceRole;
import io.instancerole.emulator.Emulator;
import io.instancerole.emulator.EmulatorOptions;
import io.instancerole.emulator.client.EmulatorControl;
import io.instancerole.emulator.client.NewInstance;
import io.instancerole.emulator.client.SessionCredentials;
import io.instancerole.emulator.testing.SdkClients;
import io.instancerole.emulator.testing.SdkRequests;
import io.instancerole.emulator.testing.TrustPolicies;
import io.instancerole.functions.http.Router;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The functions as deployed, offline: one emulator per test class, the seven handlers configured
 * from template.yml's EnvironmentVariables plus CLOUD_ENDPOINT and primed by their initializer,
 * and before each test a clean account with the service role Function Compute would run them as
 * (shared's {@link ServiceRole}: trusting fc.aliyuncs.com, holding exactly template.yml's service
 * policies). Invocations carry that role's STS credentials as Context.getExecutionCredentials(),
 * so every cloud call goes through the real SDK adapters and the emulator's signature and
 * permission checks.
 */
final class CloudWorld implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    static final String REGION = "cn-hangzhou";

    private final Map<String, String> extraEnvironment;
    private final Map<Class<? extends FunctionHandler>, FunctionHandler> handlers = new LinkedHashMap<>();
    private Emulator emulator;
    private EmulatorControl control;
    private DefaultAcsClient root;
    private Credentials serviceCredentials;
    private RecordingLogger logger;

    CloudWorld() {
        this(Map.of());
    }

    /** With environment variables set on top of the template's, e.g. a different ADMIN_TEAMS. */
    CloudWorld(Map<String, String> extraEnvironment) {
        this.extraEnvironment = extraEnvironment;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        emulator = Emulator.start(EmulatorOptions.defaults().withMetadataPort(EmulatorOptions.NO_METADATA_LISTENER));
        control = emulator.control();
        root = SdkClients.client(emulator.rootAccessKeyId(), emulator.rootAccessKeySecret(), REGION);
        RecordingLogger initLogger = new RecordingLogger();
        for (Class<? extends FunctionHandler> type : Functions.CLASSES) {
            FunctionHandler handler = Functions.create(type, environmentOf(type));
            handler.initialize(TestContext.of(null, initLogger));
            handlers.put(type, handler);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        emulator.close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        control.reset();
        serviceCredentials = credentialsOf(ServiceRole.createIn(emulator).session());
        control.clearCalls();
        logger = new RecordingLogger();
    }

    /** The function's environment in template.yml, pointed at the emulator, with this world's extras. */
    Map<String, String> environmentOf(Class<? extends FunctionHandler> type) {
        Map<String, String> environment = new HashMap<>(DeploymentFiles.environment(Functions.create(type, Map.of()).functionName()));
        environment.put(CloudConfig.ENDPOINT_VARIABLE, emulator.endpoint());
        environment.putAll(extraEnvironment);
        return environment;
    }

    /** Invokes the function as Function Compute would, with the service role's credentials. */
    Answer call(Class<? extends FunctionHandler> function, GatewayEvent event) {
        return call(handler(function), event, serviceCredentials);
    }

    Answer call(FunctionHandler handler, GatewayEvent event, Credentials credentials) {
        Answer answer = invoke(handler, event.bytes(), TestContext.of(credentials, logger));
        assertListedInOpenApi(handler, event, answer);
        return answer;
    }

    /** As {@link #call(Class, GatewayEvent)}, in a function whose Timeout is {@code timeLimit}. */
    Answer callWithin(Class<? extends FunctionHandler> function, GatewayEvent event, Duration timeLimit) {
        Answer answer = invoke(handler(function), event.bytes(), TestContext.of(serviceCredentials, logger).withTimeLimit(timeLimit));
        assertListedInOpenApi(handler(function), event, answer);
        return answer;
    }

    /** Invokes the function with raw bytes as the event. */
    Answer callRaw(Class<? extends FunctionHandler> function, byte[] event) {
        return invoke(handler(function), event, TestContext.of(serviceCredentials, logger));
    }

    private Answer invoke(FunctionHandler handler, byte[] event, TestContext context) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), output, context);
            return Answer.parse(output.toByteArray(), context.getRequestId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whatever a route answers, openapi.yaml lists that status for it. */
    private static void assertListedInOpenApi(FunctionHandler handler, GatewayEvent event, Answer answer) {
        Router.Matched<Endpoint> matched;
        try {
            matched = handler.router().match(event.method(), event.path());
        } catch (DomainException notARoute) {
            return;
        }
        JsonNode responses = DeploymentFiles.operation(event.method(), matched.route().template()).path("responses");
        assertTrue(responses.has(String.valueOf(answer.status())),
                () -> matched.route().name() + " answered " + answer.status() + ", which openapi.yaml does not list: " + answer.rawBody());
    }

    FunctionHandler handler(Class<? extends FunctionHandler> function) {
        return handlers.get(function);
    }

    /** The current service credentials' secret and token, to check no log line holds them. */
    String serviceSecretForLeakCheck() {
        return serviceCredentials.getAccessKeySecret();
    }

    EmulatorControl control() {
        return control;
    }

    RecordingLogger logger() {
        return logger;
    }

    String accountId() {
        return emulator.accountId();
    }

    /** The emulator's whole account: roles, policies, users, attachments, instances. */
    JsonNode state() {
        return control.state();
    }

    /** STS credentials of a role as Function Compute would hand them over. */
    Credentials serviceCredentialsOf(String roleName) {
        return credentialsOf(control.serviceCredentials(roleName));
    }

    String instance(NewInstance instance) {
        return control.createInstance(instance);
    }

    /** A VPC instance in the test region whose owner tag is {@code team}. */
    String teamInstance(String team) {
        return instance(NewInstance.vpc(REGION).tag("team", team));
    }

    /** Sends a request to the emulator as the account's root. */
    <T extends AcsResponse> T send(AcsRequest<T> request) {
        try {
            return root.getAcsResponse(SdkClients.at(emulator.endpoint(), request));
        } catch (ClientException e) {
            throw new IllegalStateException("setting up the emulator failed: " + e.getErrCode() + " " + e.getErrMsg(), e);
        }
    }

    void createEcsRole(String roleName) {
        send(SdkRequests.createRole(roleName, TrustPolicies.ecs()));
    }

    void bindWithRoot(String roleName, String... instanceIds) {
        send(SdkRequests.attachInstanceRamRole(roleName, instanceIds));
    }

    private static Credentials credentialsOf(SessionCredentials session) {
        return TestContext.credentials(session.accessKeyId(), session.accessKeySecret(), session.securityToken());
    }
}
