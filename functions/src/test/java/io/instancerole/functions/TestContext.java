package io.instancerole.functions;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import com.aliyun.fc.runtime.FunctionParam;
import com.aliyun.fc.runtime.OpenTracing;
import com.aliyun.fc.runtime.Service;
import java.time.Duration;
import java.util.UUID;

/**
 * Function Compute's invocation context: a request id, the service role's credentials, a logger
 * and, when given, the function's time limit.
 */
final class TestContext implements Context {
    private final String requestId;
    private final Credentials credentials;
    private final RecordingLogger logger;
    private final Duration timeLimit;

    private TestContext(String requestId, Credentials credentials, RecordingLogger logger, Duration timeLimit) {
        this.requestId = requestId;
        this.credentials = credentials;
        this.logger = logger;
        this.timeLimit = timeLimit;
    }

    /** A fresh request id in Function Compute's style; {@code credentials} may be null (a service without a role). */
    static TestContext of(Credentials credentials, RecordingLogger logger) {
        return new TestContext("1-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24), credentials, logger, null);
    }

    /** The same invocation of a function whose Timeout is {@code limit}. */
    TestContext withTimeLimit(Duration limit) {
        return new TestContext(requestId, credentials, logger, limit);
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

    /** Only the time limit is filled in, and only when one was given. */
    @Override
    public FunctionParam getFunctionParam() {
        if (timeLimit == null) {
            return null;
        }
        return new FunctionParam() {
            @Override
            public String getFunctionName() {
                return null;
            }

            @Override
            public String getFunctionHandler() {
                return null;
            }

            @Override
            public String getFunctionInitializer() {
                return null;
            }

            @Override
            public int getExecTimeLimitInMillis() {
                return (int) timeLimit.toMillis();
            }

            @Override
            public int getMemoryLimitInMB() {
                return 0;
            }
        };
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
