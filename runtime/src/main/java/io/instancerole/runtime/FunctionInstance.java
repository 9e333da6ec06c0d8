package io.instancerole.runtime;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.StreamRequestHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * One instance of a function: its handler object and, when it has one, its initializer (the same
 * object when both name one class, as Function Compute's Java runtime does). The initializer runs
 * at most once successfully; a failed one runs again on the next call, as on a fresh instance.
 */
public final class FunctionInstance {
    private final StreamRequestHandler handler;
    private final FunctionInitializer initializer;
    private boolean initialized; // guarded by this

    private FunctionInstance(StreamRequestHandler handler, FunctionInitializer initializer) {
        this.handler = handler;
        this.initializer = initializer;
    }

    /** {@code initializer} null: none. IllegalArgumentException for a reference that names no usable class. */
    public static FunctionInstance create(String handler, String initializer, Map<String, String> environment) throws Exception {
        Class<?> handlerClass = HandlerReference.parse(handler, "handleRequest").load(StreamRequestHandler.class);
        Object handlerObject = HandlerReference.instantiate(handlerClass, environment);
        FunctionInitializer initializerObject = null;
        if (initializer != null) {
            Class<?> initializerClass = HandlerReference.parse(initializer, "initialize").load(FunctionInitializer.class);
            initializerObject = (FunctionInitializer) (initializerClass == handlerClass
                    ? handlerObject : HandlerReference.instantiate(initializerClass, environment));
        }
        return new FunctionInstance((StreamRequestHandler) handlerObject, initializerObject);
    }

    /** Fails now, not at the first request, when a reference names a class that is not there or not a handler. */
    public static void checkLoadable(String handler, String initializer) {
        HandlerReference.parse(handler, "handleRequest").load(StreamRequestHandler.class);
        if (initializer != null) {
            HandlerReference.parse(initializer, "initialize").load(FunctionInitializer.class);
        }
    }

    /** Runs the initializer unless it has already succeeded; true when this call ran it. */
    public synchronized boolean initializeOnce(Context context) throws IOException {
        if (initialized || initializer == null) {
            return false;
        }
        initializer.initialize(context);
        initialized = true;
        return true;
    }

    public void handle(InputStream event, OutputStream answer, Context context) throws IOException {
        handler.handleRequest(event, answer, context);
    }
}
