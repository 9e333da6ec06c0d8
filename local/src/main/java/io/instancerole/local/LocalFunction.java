package io.instancerole.local;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import io.instancerole.runtime.FunctionContext;
import io.instancerole.runtime.FunctionInstance;
import io.instancerole.runtime.PrintStreamLogger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function as Function Compute runs it: an instance of the handler class made on first use,
 * its Initializer run once before its first request, each request given a context with the
 * execution credentials, and its Timeout enforced. After a timeout the instance is thrown away,
 * as the cloud does, so the next request starts (and initializes) a fresh one.
 */
final class LocalFunction implements FunctionRuntime {
    private final FunctionDefinition definition;
    private final Map<String, String> environment;
    private final ExecutionCredentials credentials;
    private final PrintStream out;
    private final PrintStream err;
    private final ExecutorService workers;
    private Future<Instance> instance; // guarded by this

    LocalFunction(FunctionDefinition definition, Map<String, String> environment, ExecutionCredentials credentials,
                  PrintStream out, PrintStream err, ExecutorService workers) {
        this.definition = definition;
        this.environment = Map.copyOf(environment);
        this.credentials = credentials;
        this.out = out;
        this.err = err;
        this.workers = workers;
    }

    @Override
    public FunctionDefinition definition() {
        return definition;
    }

    /** Fails at start, not at the first request, when template.yml names a class that is not there or not a handler. */
    static void checkLoadable(FunctionDefinition definition) {
        try {
            FunctionInstance.checkLoadable(definition.handler(), definition.initializer().orElse(null));
        } catch (IllegalArgumentException e) {
            throw new StartupException("template.yml: function " + definition.name() + ": " + e.getMessage());
        }
    }

    /** Starts making the instance and running its Initializer now, on a worker, so {@link #invoke} finds it ready. */
    @Override
    public void startInstance() {
        instance();
    }

    @Override
    public Invocation invoke(byte[] event, String requestId, long timeoutMillis) {
        Future<Instance> starting = instance();
        Instance ready;
        try {
            ready = starting.get(definition.initializationTimeoutSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            discard(starting);
            return Invocation.timedOut("function " + definition.name() + " did not finish its Initializer within "
                    + definition.initializationTimeoutSeconds() + " s");
        } catch (ExecutionException e) {
            discard(starting);
            return failure(requestId, "its Initializer failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Invocation.failed("interrupted while function " + definition.name() + " was starting");
        }
        Context context;
        try {
            context = context(requestId, ready);
        } catch (RuntimeException e) {
            return failure(requestId, "its execution credentials could not be obtained", e);
        }
        Future<byte[]> call = workers.submit(() -> {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ready.function.handle(new ByteArrayInputStream(event), answer, context);
            return answer.toByteArray();
        });
        try {
            return Invocation.answered(call.get(timeoutMillis, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            call.cancel(true);
            discard(starting);
            return Invocation.timedOut("function " + definition.name() + " did not answer within " + timeoutMillis
                    + " ms (its Timeout in template.yml is " + definition.timeoutSeconds() + " s)");
        } catch (ExecutionException e) {
            return failure(requestId, "it threw an exception", e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return Invocation.failed("interrupted while waiting for function " + definition.name());
        }
    }

    /** Nothing of its own to stop: the instance lives on the stack's threads. */
    @Override
    public void close() {
    }

    private Invocation failure(String requestId, String what, Throwable cause) {
        String problem = "function " + definition.name() + " failed (request " + requestId + "): " + what;
        err.println(problem + ": " + cause);
        cause.printStackTrace(err);
        return Invocation.failed(problem);
    }

    private synchronized Future<Instance> instance() {
        if (instance == null) {
            instance = workers.submit(this::start);
        }
        return instance;
    }

    private synchronized void discard(Future<Instance> failed) {
        failed.cancel(true);
        if (instance == failed) {
            instance = null;
        }
    }

    private Instance start() throws Exception {
        FunctionInstance function;
        try {
            function = FunctionInstance.create(definition.handler(), definition.initializer().orElse(null), environment);
        } catch (IllegalArgumentException e) {
            throw new StartupException("template.yml: function " + definition.name() + ": " + e.getMessage());
        }
        Instance started = new Instance(function, new PrintStreamLogger(out));
        function.initializeOnce(new FunctionContext(UUID.randomUUID().toString(), credentials::current, definition.settings(), started.logger));
        return started;
    }

    /** A request's context: its credentials are obtained before the request runs, so a failure is reported as theirs. */
    private Context context(String requestId, Instance instance) {
        Credentials current = credentials.current();
        return new FunctionContext(requestId, () -> current, definition.settings(), instance.logger);
    }

    private static final class Instance {
        final FunctionInstance function;
        final PrintStreamLogger logger;

        Instance(FunctionInstance function, PrintStreamLogger logger) {
            this.function = function;
            this.logger = logger;
        }
    }
}
