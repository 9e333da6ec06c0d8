package io.instancerole.functions.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.error.FieldError;
import io.instancerole.domain.policy.Finding;
import java.util.Map;

/**
 * The one place where an error becomes the contract's error shape
 * {@code {"code", "message", "requestId", "details"?}} with the status its code carries.
 */
public final class ErrorResponses {
    private final ObjectMapper mapper;

    public ErrorResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ApiResponse of(DomainException error, String requestId) {
        ObjectNode body = mapper.createObjectNode();
        body.put("code", error.code().name());
        body.put("message", error.getMessage());
        body.put("requestId", requestId);
        if (!error.details().isEmpty()) {
            ArrayNode details = body.putArray("details");
            for (Object detail : error.details()) {
                details.add(detail(detail));
            }
        }
        ApiResponse response = ApiResponse.json(error.code().httpStatus(), body.toString());
        return error instanceof MethodNotAllowedException
                ? response.withHeader("Allow", ((MethodNotAllowedException) error).allowHeader())
                : response;
    }

    /** A bug, never input: the caller gets the request id to quote, never a stack trace. */
    public ApiResponse internal(String requestId) {
        return of(new DomainException(ErrorCode.InternalError,
                "an internal error occurred; quote request id " + requestId + " when you report it"), requestId);
    }

    private ObjectNode detail(Object detail) {
        ObjectNode node = mapper.createObjectNode();
        if (detail instanceof FieldError) {
            FieldError field = (FieldError) detail;
            node.put("field", field.field());
            node.put("reason", field.reason());
        } else if (detail instanceof Finding) {
            return findingJson((Finding) detail);
        } else if (detail instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) detail).entrySet()) {
                node.put(String.valueOf(entry.getKey()), entry.getValue() == null ? null : String.valueOf(entry.getValue()));
            }
        } else {
            node.put("reason", String.valueOf(detail));
        }
        return node;
    }

    /** A lint finding as the contract shows it, in errors and in createPolicy's answer alike. */
    public ObjectNode findingJson(Finding finding) {
        ObjectNode node = mapper.createObjectNode();
        node.put("level", finding.level().name());
        node.put("code", finding.code());
        node.put("message", finding.message());
        node.put("path", finding.path());
        return node;
    }
}
