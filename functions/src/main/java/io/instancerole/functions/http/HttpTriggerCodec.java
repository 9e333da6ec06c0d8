package io.instancerole.functions.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Function Compute 3.0's HTTP-trigger event for built-in runtimes, and its answer. What this
 * relies on, from the HTTP-trigger documentation ("Use an HTTP trigger to invoke a function"):
 * <ul>
 *   <li>{@code version} is {@code "v1"}; {@code requestContext.http} holds {@code method} and
 *       {@code path}; {@code rawPath} is the path URL-encoded, {@code requestContext.http.path}
 *       the decoded one, which is what we route on;</li>
 *   <li>{@code headers} and {@code queryParameters} map a name to one string, several values of one
 *       name joined with ','; header names arrive canonicalised (first letters upper case);</li>
 *   <li>{@code body} is a string, base64-encoded when {@code isBase64Encoded};</li>
 *   <li>the answer is {@code statusCode}, {@code headers}, {@code body}, {@code isBase64Encoded}.</li>
 * </ul>
 * A header value is split back at its commas into the values it was joined from, so a header sent
 * twice is seen as sent twice; rejoined with ',' it is the value as sent.
 */
public final class HttpTriggerCodec implements EventCodec {
    static final String VERSION = "v1";

    private final ObjectMapper mapper;

    public HttpTriggerCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean fits(JsonNode event) {
        return VERSION.equals(EventFields.text(event, "version")) && event.path("requestContext").path("http").isObject();
    }

    @Override
    public ApiRequest read(JsonNode event) {
        JsonNode http = event.path("requestContext").path("http");
        String method = EventFields.text(http, "method");
        String path = EventFields.text(http, "path");
        if (method == null || path == null || !path.startsWith("/")) {
            throw new DomainException(ErrorCode.InvalidRequest, "the HTTP-trigger event has no requestContext.http.method or .path");
        }
        return ApiRequest.withHeaderValues(method, encodePercent(path),
                EventFields.multiValued(event.get("headers"), HttpTriggerCodec::splitJoined),
                EventFields.stringMap(event.get("queryParameters")), EventFields.body(event, "HTTP-trigger"));
    }

    /**
     * {@code requestContext.http.path} is decoded and the router decodes each segment: only a '%'
     * needs escaping for the router to see the same segments (an encoded '/' is gone either way).
     */
    private static String encodePercent(String decodedPath) {
        return decodedPath.replace("%", "%25");
    }

    private static List<String> splitJoined(String value) {
        return Arrays.asList(value.split(",", -1));
    }

    @Override
    public void writeResponse(ApiResponse response, OutputStream out) throws IOException {
        ResponseEnvelope.write(mapper, response, out);
    }

    /** As the trigger sends it: header names canonicalised, repeated values joined with ',', the body base64-encoded. */
    @Override
    public byte[] writeEvent(ApiRequest request) throws IOException {
        String decodedPath = decodePath(request.path());
        ObjectNode root = mapper.createObjectNode();
        root.put("version", VERSION);
        root.put("rawPath", request.path());
        ObjectNode headers = root.putObject("headers");
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            headers.put(HeaderNames.canonical(header.getKey()), String.join(",", header.getValue()));
        }
        ObjectNode query = root.putObject("queryParameters");
        request.queryParameters().forEach(query::put);
        root.put("body", Base64.getEncoder().encodeToString(request.body()));
        root.put("isBase64Encoded", true);
        ObjectNode context = root.putObject("requestContext");
        context.put("accountId", "local");
        context.put("domainName", "localhost");
        context.put("domainPrefix", "local");
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", decodedPath);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", request.header("User-Agent").orElse(""));
        context.put("requestId", UUID.randomUUID().toString());
        Instant now = Instant.now();
        context.put("time", now.toString());
        context.put("timeEpoch", String.valueOf(now.toEpochMilli()));
        return mapper.writeValueAsBytes(root);
    }

    /** Each segment decoded; one that cannot be decoded stays as written (the function judges it). */
    private static String decodePath(String encodedPath) {
        StringJoiner path = new StringJoiner("/");
        for (String segment : encodedPath.split("/", -1)) {
            try {
                path.add(PercentDecoding.decode(segment));
            } catch (DomainException malformed) {
                path.add(segment);
            }
        }
        return path.toString();
    }

    @Override
    public ApiResponse readResponse(byte[] answer) throws IOException {
        return ResponseEnvelope.read(mapper, answer, "the HTTP trigger");
    }

    @Override
    public String description() {
        return "a Function Compute HTTP-trigger event (version \"v1\", rawPath, headers, queryParameters, body, isBase64Encoded,"
                + " requestContext.http)";
    }
}
