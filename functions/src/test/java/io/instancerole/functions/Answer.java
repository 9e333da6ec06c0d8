package io.instancerole.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A function's answer as API Gateway reads it: status, headers and the JSON body. */
final class Answer {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> ERROR_FIELDS = Set.of("code", "message", "requestId", "details");

    private final int status;
    private final Map<String, String> headers;
    private final JsonNode body;
    private final String rawBody;
    private final String requestId;

    private Answer(int status, Map<String, String> headers, JsonNode body, String rawBody, String requestId) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.rawBody = rawBody;
        this.requestId = requestId;
    }

    /** Parses the answer JSON a handler wrote, checking the envelope API Gateway expects. */
    static Answer parse(byte[] output, String requestId) throws IOException {
        JsonNode envelope = MAPPER.readTree(output);
        assertFalse(envelope.path("isBase64Encoded").asBoolean(true), "answers are plain JSON text");
        assertTrue(envelope.path("statusCode").isInt(), "statusCode is a number");
        Map<String, String> headers = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = envelope.path("headers").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            headers.put(field.getKey(), field.getValue().asText());
        }
        String raw = envelope.path("body").asText();
        return new Answer(envelope.path("statusCode").intValue(), headers, MAPPER.readTree(raw), raw, requestId);
    }

    int status() {
        return status;
    }

    String header(String name) {
        return headers.get(name);
    }

    JsonNode body() {
        return body;
    }

    String rawBody() {
        return rawBody;
    }

    String requestId() {
        return requestId;
    }

    /** The error code of an error answer. */
    String code() {
        return body.path("code").asText();
    }

    /** Every answer: the request id header and a JSON content type. */
    Answer assertCommonHeaders() {
        assertEquals(requestId, headers.get("X-Request-Id"), "X-Request-Id");
        assertTrue(headers.getOrDefault("Content-Type", "").startsWith("application/json"), "Content-Type: " + headers);
        return this;
    }

    /** A success with this status. */
    Answer assertOk(int expectedStatus) {
        assertEquals(expectedStatus, status, () -> "status; body " + rawBody);
        return assertCommonHeaders();
    }

    /** An error with this status and code, in the contract's one shape, no stack trace in it. */
    Answer assertError(int expectedStatus, String expectedCode) {
        assertEquals(expectedStatus, status, () -> "status; body " + rawBody);
        assertCommonHeaders();
        assertEquals(expectedCode, code(), () -> "code; body " + rawBody);
        assertTrue(body.path("message").isTextual() && !body.path("message").asText().isBlank(), "a message");
        assertEquals(requestId, body.path("requestId").asText(), "requestId in the body");
        body.fieldNames().forEachRemaining(name -> assertTrue(ERROR_FIELDS.contains(name), "unexpected field " + name));
        if (body.has("details")) {
            assertTrue(body.path("details").isArray() && body.path("details").size() > 0, "details, when present, is a non-empty list");
        }
        assertFalse(rawBody.contains("\tat ") || rawBody.contains("Exception"), () -> "no stack trace: " + rawBody);
        return this;
    }

    @Override
    public String toString() {
        return status + " " + rawBody;
    }
}
