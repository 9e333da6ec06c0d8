package io.instancerole.runtime;

import com.aliyun.fc.runtime.FunctionParam;
import java.util.Objects;

/** What Function Compute tells a function about itself: its name, handlers, limits and service. */
public final class FunctionSettings implements FunctionParam {
    private final String name;
    private final String serviceName;
    private final String handler;
    private final String initializer;
    private final int timeLimitMillis;
    private final int memoryMb;

    /** {@code initializer} and {@code serviceName} may be null (none; Function Compute 3.0 has no services). */
    public FunctionSettings(String name, String serviceName, String handler, String initializer, int timeLimitMillis, int memoryMb) {
        this.name = Objects.requireNonNull(name, "name");
        this.serviceName = serviceName;
        this.handler = Objects.requireNonNull(handler, "handler");
        this.initializer = initializer;
        this.timeLimitMillis = timeLimitMillis;
        this.memoryMb = memoryMb;
    }

    @Override
    public String getFunctionName() {
        return name;
    }

    @Override
    public String getFunctionHandler() {
        return handler;
    }

    @Override
    public String getFunctionInitializer() {
        return initializer;
    }

    @Override
    public int getExecTimeLimitInMillis() {
        return timeLimitMillis;
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    public String serviceName() {
        return serviceName;
    }
}
