package io.instancerole.local;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.StreamRequestHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
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
final class LocalFunction {
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

    FunctionDefinition definition() {
        return definition;
    }

    /** Fails at start, not at the first request, when template.yml names a class that is not there or not a handler. */
    static void checkLoadable(FunctionDefinition definition) {
        handlerClass(definition, definition.handler(), "handleRequest", StreamRequestHandler.class);
        definition.initializer().ifPresent(i -> handlerClass(definition, i, "initialize", FunctionInitializer.class));
    }

    /** Starts making the instance and running its Initializer now, on a worker, so {@link #invoke} finds it ready. */
    void startInstance() {
        instance();
    }

    /** Runs one request; {@code timeoutMillis} is the function's Timeout, or API Gateway's when that is shorter. */
    Invocation invoke(byte[] event, String requestId, long timeoutMillis) {
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
            ready.handler.handleRequest(new ByteArrayInputStream(event), answer, context);
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
        Class<?> handlerClass = handlerClass(definition, definition.handler(), "handleRequest", StreamRequestHandler.class);
        Object handler = create(handlerClass);
        Instance started = new Instance((StreamRequestHandler) handler, new StdoutLogger(out));
        if (definition.initializer().isPresent()) {
            Class<?> initializerClass = handlerClass(definition, definition.initializer().get(), "initialize", FunctionInitializer.class);
            Object initializer = initializerClass == handlerClass ? handler : create(initializerClass);
            ((FunctionInitializer) initializer).initialize(
                    new LocalContext(UUID.randomUUID().toString(), credentials::current, definition, started.logger));
        }
        return started;
    }

    /** A request's context: its credentials are obtained before the request runs, so a failure is reported as theirs. */
    private Context context(String requestId, Instance instance) {
        Credentials current = credentials.current();
        return new LocalContext(requestId, () -> current, definition, instance.logger);
    }

    /** The handler receives its environment variables through a {@code Map} constructor when it has one. */
    private Object create(Class<?> type) throws Exception {
        try {
            return type.getConstructor(Map.class).newInstance(environment);
        } catch (NoSuchMethodException e) {
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    private static Class<?> handlerClass(FunctionDefinition definition, String reference, String method, Class<?> kind) {
        String where = "template.yml: function " + definition.name() + ": '" + reference + "'";
        int separator = reference.indexOf("::");
        if (separator < 0 || !reference.substring(separator + 2).equals(method)) {
            throw new StartupException(where + " must read <package>.<Class>::" + method);
        }
        String className = reference.substring(0, separator);
        Class<?> type;
        try {
            type = Class.forName(className, false, LocalFunction.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new StartupException(where + ": no class " + className + " in the functions package");
        }
        if (!kind.isAssignableFrom(type)) {
            throw new StartupException(where + ": " + className + " does not implement " + kind.getName());
        }
        return type;
    }

    private static final class Instance {
        final StreamRequestHandler handler;
        final StdoutLogger logger;

        Instance(StreamRequestHandler handler, StdoutLogger logger) {
            this.handler = handler;
            this.logger = logger;
        }
    }
}
