package io.instancerole.local;

/**
 * How the local stack runs one function: in this JVM as Function Compute's built-in Java runtime
 * does ({@link LocalFunction}), or behind the custom-runtime protocol ({@link CustomRuntimeFunction}).
 */
interface FunctionRuntime extends AutoCloseable {
    FunctionDefinition definition();

    /** Starts making the instance (and running its Initializer) now, so {@link #invoke} finds it ready. */
    void startInstance();

    /** Runs one request; {@code timeoutMillis} is the function's Timeout, or API Gateway's when that is shorter. */
    Invocation invoke(byte[] event, String requestId, long timeoutMillis);

    /** Stops what runs the function (a custom runtime's process or server); the stack's threads are the stack's to stop. */
    @Override
    void close();
}
