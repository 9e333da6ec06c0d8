package io.instancerole.functions.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API Gateway's event and answer formats, both directions: functions read events and write
 * answers; the local gateway writes events and reads answers. One codec, so the two cannot drift.
 */
public final class ApiGatewayCodec {
    private final ObjectMapper mapper;

    public ApiGatewayCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ApiRequest readEvent(InputStream event) throws IOException {
        JsonNode root;
        try {
            root = mapper.readTree(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DomainException(ErrorCode.InvalidRequest, "the function expects an API Gateway event, and this is not JSON");
        }
        return ApiRequest.fromEvent(root);
    }

    public void writeResponse(ApiResponse response, OutputStream out) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("isBase64Encoded", false);
        root.put("statusCode", response.statusCode());
        ObjectNode headers = root.putObject("headers");
        response.headers().forEach(headers::put);
        root.put("body", response.body());
        out.write(mapper.writeValueAsBytes(root));
        out.flush();
    }

    /** The event API Gateway would send for this request (the body base64-encoded, as for any binary-safe body). */
    public byte[] writeEvent(ApiRequest request) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("path", request.path());
        root.put("httpMethod", request.method());
        ObjectNode headerNode = root.putObject("headers");
        request.headers().forEach(headerNode::put);
        ObjectNode queryNode = root.putObject("queryParameters");
        request.queryParameters().forEach(queryNode::put);
        root.putObject("pathParameters");
        root.put("body", Base64.getEncoder().encodeToString(request.body()));
        root.put("isBase64Encoded", true);
        return mapper.writeValueAsBytes(root);
    }

    /** Reads a function's answer as API Gateway does. */
    public ApiResponse readResponse(byte[] answer) throws IOException {
        JsonNode root = mapper.readTree(answer);
        if (root == null || !root.isObject() || !root.path("statusCode").canConvertToInt()) {
            throw new IOException("the function's answer has no statusCode");
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
