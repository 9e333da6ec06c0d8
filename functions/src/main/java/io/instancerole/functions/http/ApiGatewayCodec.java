package io.instancerole.functions.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * API Gateway's event ({@code path}, {@code httpMethod}, {@code headers},
 * {@code queryParameters}, {@code pathParameters}, {@code body}, {@code isBase64Encoded}) and
 * answer. A header given as a JSON array keeps all its values. How API Gateway passes a header
 * sent twice is not documented; the local gateway sends an array, so the function still sees
 * that it came twice, and a single string is read as one value.
 */
public final class ApiGatewayCodec implements EventCodec {
    private final ObjectMapper mapper;

    public ApiGatewayCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean fits(JsonNode event) {
        return event.hasNonNull("httpMethod") && event.hasNonNull("path");
    }

    @Override
    public ApiRequest read(JsonNode event) {
        String method = EventFields.text(event, "httpMethod");
        String path = EventFields.text(event, "path");
        if (method == null || path == null) {
            throw new DomainException(ErrorCode.InvalidRequest, "the API Gateway event has no httpMethod or path");
        }
        return ApiRequest.withHeaderValues(method, path, EventFields.multiValued(event.get("headers"), List::of),
                EventFields.stringMap(event.get("queryParameters")), EventFields.body(event, "API Gateway"));
    }

    @Override
    public void writeResponse(ApiResponse response, OutputStream out) throws IOException {
        ResponseEnvelope.write(mapper, response, out);
    }

    /** The body base64-encoded, as for any binary-safe body; a header with several values as an array. */
    @Override
    public byte[] writeEvent(ApiRequest request) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("path", request.path());
        root.put("httpMethod", request.method());
        ObjectNode headerNode = root.putObject("headers");
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (header.getValue().size() == 1) {
                headerNode.put(header.getKey(), header.getValue().get(0));
            } else {
                ArrayNode values = headerNode.putArray(header.getKey());
                header.getValue().forEach(values::add);
            }
        }
        ObjectNode queryNode = root.putObject("queryParameters");
        request.queryParameters().forEach(queryNode::put);
        root.putObject("pathParameters");
        root.put("body", Base64.getEncoder().encodeToString(request.body()));
        root.put("isBase64Encoded", true);
        return mapper.writeValueAsBytes(root);
    }

    @Override
    public ApiResponse readResponse(byte[] answer) throws IOException {
        return ResponseEnvelope.read(mapper, answer, "API Gateway");
    }

    @Override
    public String description() {
        return "an API Gateway event (path, httpMethod, headers, queryParameters, body, isBase64Encoded)";
    }
}
