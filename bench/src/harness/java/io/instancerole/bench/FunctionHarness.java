package io.instancerole.bench;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import com.aliyun.fc.runtime.StreamRequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.runtime.FunctionContext;
import io.instancerole.runtime.FunctionSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One of our function classes in this JVM, as Function Compute runs it: constructed with its
 * environment, initialized once, then called with API Gateway events. Credentials come from the
 * environment (the emulator's root key); log lines are rendered, then dropped.
 */
final class FunctionHarness {
    private final StreamRequestHandler handler;
    private final FunctionSettings settings;
    private final FunctionComputeLogger logger = new DroppingLogger();

    FunctionHarness(String className, Map<String, String> templateEnvironment, String cloudEndpoint, JsonNode account)
            throws ReflectiveOperationException, IOException {
        this(className, withCloud(templateEnvironment, cloudEndpoint, account));
    }

    /** {@code environment}: the function's variables with CLOUD_ENDPOINT and the access key. */
    FunctionHarness(String className, Map<String, String> environment) throws ReflectiveOperationException, IOException {
        Object function = Class.forName(className).getConstructor(Map.class).newInstance(environment);
        this.handler = (StreamRequestHandler) function;
        // No time limit (0): the handler sets no deadline of its own, as before.
        this.settings = new FunctionSettings(className.substring(className.lastIndexOf('.') + 1), null,
                className + "::handleRequest", className + "::initialize", 0, 0);
        ((com.aliyun.fc.runtime.FunctionInitializer) function).initialize(context());
    }

    /** A fresh request id for each invocation; no execution credentials (the environment's key is used instead). */
    private Context context() {
        return new FunctionContext("bench-" + UUID.randomUUID(), () -> null, settings, logger);
    }

    static Map<String, String> withCloud(Map<String, String> templateEnvironment, String cloudEndpoint, JsonNode account) {
        Map<String, String> env = new HashMap<>(templateEnvironment);
        env.remove("JAVA_TOOL_OPTIONS");
        env.put("CLOUD_ENDPOINT", cloudEndpoint);
        env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", account.path("rootAccessKeyId").asText());
        env.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", account.path("rootAccessKeySecret").asText());
        return env;
    }

    /** The function's answer (statusCode, headers, body) to one event. */
    JsonNode call(byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, context());
        return Control.JSON.readTree(out.toByteArray());
    }

    /** API Gateway's event for a POST with a JSON body, as team-a's caller. */
    static byte[] postEvent(String path, JsonNode body) throws IOException {
        ObjectNode event = Control.JSON.createObjectNode();
        event.put("path", path).put("httpMethod", "POST");
        event.putObject("headers").put("X-Caller-Id", "alice").put("X-Caller-Team", "team-a").put("Content-Type", "application/json");
        event.putObject("queryParameters");
        event.putObject("pathParameters");
        event.put("body", body.toString());
        event.put("isBase64Encoded", false);
        return Control.JSON.writeValueAsBytes(event);
    }

    /** The answer's body, checked to carry one of the expected statuses. */
    static JsonNode body(JsonNode answer, int... expected) throws IOException {
        int status = answer.path("statusCode").asInt();
        for (int ok : expected) {
            if (status == ok) {
                return Control.JSON.readTree(answer.path("body").asText());
            }
        }
        throw new IllegalStateException("unexpected answer " + answer);
    }

    /** Log lines are rendered by the function (that is measured) and dropped here; warnings and errors still show. */
    private static final class DroppingLogger implements FunctionComputeLogger {
        @Override
        public void trace(String line) {
            // dropped
        }

        @Override
        public void debug(String line) {
            // dropped
        }

        @Override
        public void info(String line) {
            // dropped
        }

        @Override
        public void warn(String line) {
            System.err.println(line);
        }

        @Override
        public void error(String line) {
            System.err.println(line);
        }

        @Override
        public void fatal(String line) {
            System.err.println(line);
        }

        @Override
        public void setLogLevel(Level level) {
            // one level: everything
        }
    }
}
