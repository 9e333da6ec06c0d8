package io.instancerole.functions.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The event formats the functions accept, chosen by what the event is: Function Compute 3.0's
 * HTTP trigger ({@code version} "v1" with {@code requestContext.http}) or API Gateway's
 * ({@code httpMethod} and {@code path}). An event that is neither is refused with 400, naming
 * both, and answered in API Gateway's shape (the two answers have the same fields anyway).
 */
public final class EventCodecs {
    private final ObjectMapper mapper;
    private final HttpTriggerCodec httpTrigger;
    private final ApiGatewayCodec apiGateway;
    private final List<EventCodec> all;

    public EventCodecs(ObjectMapper mapper) {
        this.mapper = mapper;
        this.httpTrigger = new HttpTriggerCodec(mapper);
        this.apiGateway = new ApiGatewayCodec(mapper);
        this.all = List.of(httpTrigger, apiGateway);
    }

    /** Every format, the HTTP trigger's first. */
    public List<EventCodec> all() {
        return all;
    }

    public HttpTriggerCodec httpTrigger() {
        return httpTrigger;
    }

    public ApiGatewayCodec apiGateway() {
        return apiGateway;
    }

    /** The codec that answers an event no codec could read. */
    public EventCodec fallback() {
        return apiGateway;
    }

    /** Parses the event: a JSON object, or a 400 that says what the function expects. */
    public JsonNode parse(InputStream event) throws IOException {
        JsonNode root;
        try {
            root = mapper.readTree(event);
        } catch (JsonProcessingException e) {
            throw new DomainException(ErrorCode.InvalidRequest, "the event is not JSON; " + expected());
        }
        if (root == null || !root.isObject()) {
            throw new DomainException(ErrorCode.InvalidRequest, "the event is not a JSON object; " + expected());
        }
        return root;
    }

    /** The codec of the event's format; neither: 400 naming both. */
    public EventCodec codecOf(JsonNode event) {
        for (EventCodec codec : all) {
            if (codec.fits(event)) {
                return codec;
            }
        }
        throw new DomainException(ErrorCode.InvalidRequest, "the event is of no format this function reads; " + expected());
    }

    private String expected() {
        return "the function expects " + httpTrigger.description() + " or " + apiGateway.description();
    }
}
