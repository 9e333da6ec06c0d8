package io.instancerole.runtime.testfunctions;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.StreamRequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers with what the runtime handed it: the event as received, and its context. Answers an
 * API Gateway event's way (statusCode 201, a header) so HTTP-trigger requests can be checked too.
 */
public final class RecordingFunction implements StreamRequestHandler, FunctionInitializer {
    public static final AtomicInteger INITIALIZATIONS = new AtomicInteger();
    public static final AtomicInteger FAILING_INITIALIZATIONS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment;

    public RecordingFunction(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public void initialize(Context context) {
        if ("yes".equals(environment.get("FAIL_INITIALIZE")) && FAILING_INITIALIZATIONS.incrementAndGet() == 1) {
            throw new IllegalStateException("the first initialization fails");
        }
        INITIALIZATIONS.incrementAndGet();
        context.getLogger().info("initialized with key " + context.getExecutionCredentials().getAccessKeyId());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        if (event.contains("please fail")) {
            throw new IOException("the handler failed on purpose");
        }
        ObjectNode seen = JSON.createObjectNode();
        seen.put("event", event);
        seen.put("requestId", context.getRequestId());
        seen.put("accessKeyId", context.getExecutionCredentials().getAccessKeyId());
        seen.put("accessKeySecret", context.getExecutionCredentials().getAccessKeySecret());
        seen.put("securityToken", context.getExecutionCredentials().getSecurityToken());
        seen.put("functionName", context.getFunctionParam().getFunctionName());
        seen.put("memoryMb", context.getFunctionParam().getMemoryLimitInMB());
        seen.put("initializations", INITIALIZATIONS.get());
        seen.put("greeting", environment.get("GREETING"));
        context.getLogger().info("handled " + context.getRequestId());
        ObjectNode answer = JSON.createObjectNode();
        answer.put("isBase64Encoded", false);
        answer.put("statusCode", 201);
        answer.putObject("headers").put("X-Recorded", "yes").put("Content-Type", "application/json");
        answer.put("body", seen.toString());
        output.write(JSON.writeValueAsBytes(answer));
    }
}
