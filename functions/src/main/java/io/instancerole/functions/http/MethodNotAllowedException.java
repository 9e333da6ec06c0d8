package io.instancerole.functions.http;

import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import java.util.Set;

/** 405, carrying the methods the path does allow for the {@code Allow} header. */
final class MethodNotAllowedException extends DomainException {
    private static final long serialVersionUID = 1L;

    private final String allowed;

    MethodNotAllowedException(String method, String path, Set<String> allowedMethods) {
        super(ErrorCode.MethodNotAllowed, method + " is not allowed on " + path + "; use " + String.join(" or ", allowedMethods));
        this.allowed = String.join(", ", allowedMethods);
    }

    String allowHeader() {
        return allowed;
    }
}
