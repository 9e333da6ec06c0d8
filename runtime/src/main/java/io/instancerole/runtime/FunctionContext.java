package io.instancerole.runtime;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import com.aliyun.fc.runtime.FunctionParam;
import com.aliyun.fc.runtime.OpenTracing;
import com.aliyun.fc.runtime.Service;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Function Compute's per-invocation context, as the custom runtime and the local stack fill it in.
 * The credentials are asked for when the function reads them, so an initializer that does not need
 * them does not wait for the local stack's execution role set-up.
 */
public final class FunctionContext implements Context {
    private final String requestId;
    private final Supplier<Credentials> credentials;
    private final FunctionSettings function;
    private final FunctionComputeLogger logger;

    public FunctionContext(String requestId, Supplier<Credentials> credentials, FunctionSettings function, FunctionComputeLogger logger) {
        this.requestId = requestId;
        this.credentials = credentials;
        this.function = function;
        this.logger = logger;
    }

    @Override
    public String getRequestId() {
        return requestId;
    }

    @Override
    public Credentials getExecutionCredentials() {
        return credentials.get();
    }

    @Override
    public FunctionParam getFunctionParam() {
        return function;
    }

    @Override
    public Service getService() {
        return new Service() {
            @Override
            public String getName() {
                return function.serviceName();
            }

            @Override
            public String getLogProject() {
                return null;
            }

            @Override
            public String getLogStore() {
                return null;
            }

            @Override
            public String getQualifier() {
                return "LATEST";
            }

            @Override
            public String getVersionId() {
                return null;
            }
        };
    }

    @Override
    public FunctionComputeLogger getLogger() {
        return logger;
    }

    /** No tracing locally: an empty span context, as Function Compute gives when tracing is off. */
    @Override
    public OpenTracing getTracing() {
        return new OpenTracing() {
            @Override
            public String getSpanContext() {
                return null;
            }

            @Override
            public Map<String, String> getSpanBaggages() {
                return Map.of();
            }

            @Override
            public String getJaegerEndpoint() {
                return null;
            }
        };
    }

    @Override
    public int getRetryCount() {
        return 0;
    }
}
