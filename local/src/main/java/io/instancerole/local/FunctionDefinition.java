package io.instancerole.local;

import io.instancerole.runtime.FunctionSettings;
import java.util.Map;
import java.util.Optional;

/** One {@code Aliyun::Serverless::Function} of template.yml, as the local runtime runs it. */
final class FunctionDefinition {
    /** Function Compute's defaults when the template leaves them out. */
    static final int DEFAULT_TIMEOUT_SECONDS = 3;
    static final int DEFAULT_MEMORY_MB = 128;

    private final String name;
    private final String serviceName;
    private final String handler;
    private final String initializer;
    private final int timeoutSeconds;
    private final Integer initializationTimeoutSeconds;
    private final int memoryMb;
    private final Map<String, String> environment;

    FunctionDefinition(String name, String serviceName, String handler, String initializer, int timeoutSeconds,
                       Integer initializationTimeoutSeconds, int memoryMb, Map<String, String> environment) {
        this.name = name;
        this.serviceName = serviceName;
        this.handler = handler;
        this.initializer = initializer;
        this.timeoutSeconds = timeoutSeconds;
        this.initializationTimeoutSeconds = initializationTimeoutSeconds;
        this.memoryMb = memoryMb;
        this.environment = Map.copyOf(environment);
    }

    String name() {
        return name;
    }

    String serviceName() {
        return serviceName;
    }

    /** {@code pkg.Class::method}, as Function Compute reads it. */
    String handler() {
        return handler;
    }

    Optional<String> initializer() {
        return Optional.ofNullable(initializer);
    }

    int timeoutSeconds() {
        return timeoutSeconds;
    }

    /**
     * The template's {@code InitializationTimeout}; when it has none, the function's own Timeout
     * (more lenient than the cloud's 3 s default, so a busy laptop does not fail a first request).
     */
    int initializationTimeoutSeconds() {
        return initializationTimeoutSeconds == null ? timeoutSeconds : initializationTimeoutSeconds;
    }

    int memoryMb() {
        return memoryMb;
    }

    /** What the function's context tells it about itself. */
    FunctionSettings settings() {
        return new FunctionSettings(name, serviceName, handler, initializer, timeoutSeconds * 1000, memoryMb);
    }

    /** The template's {@code EnvironmentVariables}: the function's whole configuration. */
    Map<String, String> environment() {
        return environment;
    }
}
