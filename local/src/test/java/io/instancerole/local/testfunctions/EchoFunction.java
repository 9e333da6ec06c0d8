package io.instancerole.local.testfunctions;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.StreamRequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.functions.http.ApiRequest;
import io.instancerole.functions.http.ApiResponse;
import io.instancerole.functions.http.EventCodec;
import io.instancerole.functions.http.EventCodecs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers with what it received: the request as the event carried it (and which format), its context and its environment. */
public final class EchoFunction implements StreamRequestHandler, FunctionInitializer {
    public static final AtomicInteger INITIALIZATIONS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment;
    private final EventCodecs events = new EventCodecs(JSON);
    private volatile int initializedAs;
    private volatile String initializerAccessKeyId;

    public EchoFunction(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public void initialize(Context context) {
        initializedAs = INITIALIZATIONS.incrementAndGet();
        initializerAccessKeyId = context.getExecutionCredentials().getAccessKeyId();
        context.getLogger().info("{\"type\":\"init\",\"function\":\"" + context.getFunctionParam().getFunctionName() + "\"}");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = events.parse(input);
        EventCodec codec = events.codecOf(event);
        ApiRequest request = codec.read(event);
        ObjectNode body = JSON.createObjectNode();
        body.put("requestId", context.getRequestId());
        body.put("method", request.method());
        body.put("path", request.path());
        ObjectNode headers = body.putObject("headers");
        request.headers().keySet().forEach(name -> headers.put(name, request.header(name).orElse("")));
        body.put("format", codec.getClass().getSimpleName());
        body.set("query", JSON.valueToTree(request.queryParameters()));
        body.put("body", new String(request.body(), StandardCharsets.UTF_8));
        body.set("environment", JSON.valueToTree(environment));
        body.put("initializedAs", initializedAs);
        body.put("accessKeyId", context.getExecutionCredentials().getAccessKeyId());
        body.put("initializerAccessKeyId", initializerAccessKeyId);
        body.put("functionName", context.getFunctionParam().getFunctionName());
        body.put("timeLimitMs", context.getFunctionParam().getExecTimeLimitInMillis());
        body.put("memoryMb", context.getFunctionParam().getMemoryLimitInMB());
        body.put("service", context.getService().getName());
        context.getLogger().info("{\"type\":\"audit\",\"requestId\":\"" + context.getRequestId() + "\"}");
        codec.writeResponse(ApiResponse.json(200, body.toString()).withHeader("X-Echo", "yes"), output);
    }
}
