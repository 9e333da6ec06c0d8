package io.instancerole.functions.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer both formats document, field for field: {@code statusCode}, {@code headers} (one
 * string each), {@code body} (a string) and {@code isBase64Encoded}. API Gateway reads it from a
 * function behind it; Function Compute 3.0's HTTP trigger reads the same four fields from a
 * built-in runtime's answer. Both codecs write and read it here, so their shapes cannot drift.
 */
final class ResponseEnvelope {
    private ResponseEnvelope() {}

    /** Text JSON bodies, so {@code isBase64Encoded} is always false. */
    static void write(ObjectMapper mapper, ApiResponse response, OutputStream out) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("isBase64Encoded", false);
        root.put("statusCode", response.statusCode());
        ObjectNode headers = root.putObject("headers");
        response.headers().forEach(headers::put);
        root.put("body", response.body());
        out.write(mapper.writeValueAsBytes(root));
        out.flush();
    }

    static ApiResponse read(ObjectMapper mapper, byte[] answer, String platform) throws IOException {
        JsonNode root = mapper.readTree(answer);
        if (root == null || !root.isObject() || !root.path("statusCode").canConvertToInt()) {
            throw new IOException("the function's answer has no statusCode, so " + platform + " cannot read it");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        root.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        String body = root.path("body").asText("");
        if (root.path("isBase64Encoded").asBoolean(false)) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return new ApiResponse(root.path("statusCode").intValue(), headers, body);
    }
}
