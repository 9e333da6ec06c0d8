package io.instancerole.functions;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import com.aliyun.fc.runtime.FunctionParam;
import com.aliyun.fc.runtime.OpenTracing;
import com.aliyun.fc.runtime.Service;
import java.util.UUID;

/** Function Compute's invocation context: a request id, the service role's credentials and a logger. */
final class TestContext implements Context {
    private final String requestId;
    private final Credentials credentials;
    private final RecordingLogger logger;

    private TestContext(String requestId, Credentials credentials, RecordingLogger logger) {
        this.requestId = requestId;
        this.credentials = credentials;
        this.logger = logger;
    }

    /** A fresh request id in Function Compute's style; {@code credentials} may be null (a service without a role). */
    static TestContext of(Credentials credentials, RecordingLogger logger) {
        return new TestContext("1-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24), credentials, logger);
    }

    static Credentials credentials(String accessKeyId, String accessKeySecret, String securityToken) {
        return new Credentials() {
            @Override
            public String getAccessKeyId() {
                return accessKeyId;
            }

            @Override
            public String getAccessKeySecret() {
                return accessKeySecret;
            }

            @Override
            public String getSecurityToken() {
                return securityToken;
            }
        };
    }

    @Override
    public String getRequestId() {
        return requestId;
    }

    @Override
    public Credentials getExecutionCredentials() {
        return credentials;
    }

    @Override
    public FunctionParam getFunctionParam() {
        return null;
    }

    @Override
    public Service getService() {
        return null;
    }

    @Override
    public FunctionComputeLogger getLogger() {
        return logger;
    }

    @Override
    public OpenTracing getTracing() {
        return null;
    }

    @Override
    public int getRetryCount() {
        return 0;
    }
}
