package io.instancerole.emulator.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** An error answer of the cloud API: HTTP status, stable code and a message a person can act on. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient ObjectNode accessDeniedDetail;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiException(int status, String code, String message, ObjectNode accessDeniedDetail) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.accessDeniedDetail = accessDeniedDetail;
    }

    public int status() { return status; }
    public String code() { return code; }
    /** Null unless the error is a permission denial. */
    public ObjectNode accessDeniedDetail() { return accessDeniedDetail; }

    public static ApiException missingParameter(String name) {
        return new ApiException(400, "MissingParameter",
                "The input parameter \"" + name + "\" that is mandatory for processing this request is not supplied.");
    }

    public static ApiException invalidParameter(String code, String message) {
        return new ApiException(400, code, message);
    }
}
