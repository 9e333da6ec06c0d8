package io.instancerole.local;

import com.aliyun.fc.runtime.Credentials;
import io.instancerole.emulator.client.EmulatorHttp;
import java.io.IOException;
import java.io.PrintStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function behind Function Compute's custom-runtime protocol, as the cloud drives it: an
 * instance is started on first use ({@link RuntimeLauncher}: the image's {@code bootstrap}, or the
 * adapter in this JVM), sent {@code POST /initialize} once when the function has an Initializer,
 * then {@code POST /invoke} with the event for each request, the execution credentials and the
 * request id in {@code x-fc-*} headers. A timeout or a failed start throws the instance away, so
 * the next request starts a fresh one.
 */
final class CustomRuntimeFunction implements FunctionRuntime {
    private final FunctionDefinition definition;
    private final Map<String, String> environment;
    private final ExecutionCredentials credentials;
    private final RuntimeLauncher launcher;
    private final PrintStream err;
    private final ExecutorService workers;
    private Future<RuntimeLauncher.Instance> instance; // guarded by this
    private boolean closed; // guarded by this

    CustomRuntimeFunction(FunctionDefinition definition, Map<String, String> environment, ExecutionCredentials credentials,
                          RuntimeLauncher launcher, PrintStream err, ExecutorService workers) {
        this.definition = definition;
        this.environment = Map.copyOf(environment);
        this.credentials = credentials;
        this.launcher = launcher;
        this.err = err;
        this.workers = workers;
    }

    @Override
    public FunctionDefinition definition() {
        return definition;
    }

    @Override
    public void startInstance() {
        instance();
    }

    @Override
    public Invocation invoke(byte[] event, String requestId, long timeoutMillis) {
        Future<RuntimeLauncher.Instance> starting = instance();
        RuntimeLauncher.Instance ready;
        try {
            ready = starting.get(definition.initializationTimeoutSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            discard(starting);
            return Invocation.timedOut("function " + definition.name() + " did not start and initialize within "
                    + definition.initializationTimeoutSeconds() + " s");
        } catch (ExecutionException e) {
            discard(starting);
            return failure(requestId, "its instance did not start: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Invocation.failed("interrupted while function " + definition.name() + " was starting");
        }
        Map<String, String> headers;
        try {
            headers = headers("/invoke", requestId);
        } catch (RuntimeException e) {
            return failure(requestId, "its execution credentials could not be obtained: " + e);
        }
        headers.put("Content-Type", "application/octet-stream");
        try {
            EmulatorHttp.Response answer = EmulatorHttp.send("POST", URI.create(ready.url() + "/invoke"), headers, event,
                    Duration.ofMillis(timeoutMillis));
            if (answer.status() != 200) {
                return failure(requestId, "it failed (" + answer.status() + "): " + new String(answer.body(), StandardCharsets.UTF_8));
            }
            return Invocation.answered(answer.body());
        } catch (SocketTimeoutException e) {
            discard(starting);
            return Invocation.timedOut("function " + definition.name() + " did not answer within " + timeoutMillis
                    + " ms (its Timeout in template.yml is " + definition.timeoutSeconds() + " s)");
        } catch (IOException e) {
            discard(starting);
            return failure(requestId, "its runtime did not answer: " + e);
        }
    }

    private Invocation failure(String requestId, String what) {
        String problem = "function " + definition.name() + " failed (request " + requestId + "): " + what;
        err.println(problem);
        return Invocation.failed(problem);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (instance != null) {
            discard(instance);
        }
    }

    private synchronized Future<RuntimeLauncher.Instance> instance() {
        if (instance == null) {
            instance = workers.submit(this::start);
        }
        return instance;
    }

    private synchronized void discard(Future<RuntimeLauncher.Instance> failed) {
        if (failed.isDone() && !failed.isCancelled()) {
            try {
                failed.get().stop();
            } catch (ExecutionException | InterruptedException e) {
                // it never started: nothing to stop
            }
        } else {
            failed.cancel(true);
        }
        if (instance == failed) {
            instance = null;
        }
    }

    private RuntimeLauncher.Instance start() throws Exception {
        RuntimeLauncher.Instance started = launcher.launch(definition, functionEnvironment(),
                Duration.ofSeconds(definition.initializationTimeoutSeconds()));
        synchronized (this) {
            if (closed) {
                started.stop(); // the stack stopped while this instance was starting
                throw new IOException("the local stack is stopping");
            }
        }
        if (definition.initializer().isPresent()) {
            EmulatorHttp.Response initialized;
            try {
                initialized = EmulatorHttp.send("POST", URI.create(started.url() + "/initialize"),
                        headers("/initialize", UUID.randomUUID().toString()), new byte[0],
                        Duration.ofSeconds(definition.initializationTimeoutSeconds()));
            } catch (IOException | RuntimeException e) {
                started.stop();
                throw e;
            }
            if (initialized.status() != 200) {
                started.stop();
                throw new IOException("its Initializer failed (" + initialized.status() + "): "
                        + new String(initialized.body(), StandardCharsets.UTF_8));
            }
        }
        return started;
    }

    /** The function's variables plus what Function Compute sets in a custom runtime's environment. */
    private Map<String, String> functionEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("FC_FUNCTION_NAME", definition.name());
        env.put("FC_FUNCTION_HANDLER", definition.handler());
        env.put("FC_FUNCTION_MEMORY_SIZE", Integer.toString(definition.memoryMb()));
        return env;
    }

    /** Function Compute's common request headers. */
    private Map<String, String> headers(String controlPath, String requestId) {
        Credentials current = credentials.current();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-fc-control-path", controlPath);
        headers.put("x-fc-request-id", requestId);
        headers.put("x-fc-access-key-id", current.getAccessKeyId());
        headers.put("x-fc-access-key-secret", current.getAccessKeySecret());
        if (current.getSecurityToken() != null) {
            headers.put("x-fc-security-token", current.getSecurityToken());
        }
        headers.put("x-fc-function-name", definition.name());
        headers.put("x-fc-function-handler", definition.handler());
        definition.initializer().ifPresent(i -> headers.put("x-fc-function-initializer", i));
        headers.put("x-fc-function-memory", Integer.toString(definition.memoryMb()));
        headers.put("x-fc-function-timeout", Integer.toString(definition.timeoutSeconds()));
        headers.put("x-fc-initialization-timeout", Integer.toString(definition.initializationTimeoutSeconds()));
        headers.put("x-fc-service-name", definition.serviceName());
        return headers;
    }
}
