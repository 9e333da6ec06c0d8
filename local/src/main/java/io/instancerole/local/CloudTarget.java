package io.instancerole.local;

import java.util.Map;
import java.util.function.Consumer;

/** The cloud the functions talk to: the emulator (default) or the real Alibaba Cloud. */
interface CloudTarget extends AutoCloseable {
    /** Added to every function's environment variables (the emulator's endpoint; nothing for the real cloud). */
    Map<String, String> functionEnvironment();

    /** The execution credentials of one service's functions, as Function Compute would give them. */
    ExecutionCredentials executionCredentials(ServiceDefinition service, Consumer<String> notes);

    @Override
    void close();
}
