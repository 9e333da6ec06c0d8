package io.instancerole.cloud.aliyun;

import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.port.CloudException.Kind;
import java.util.Set;

/**
 * Classifies a cloud failure into a {@link Kind} (which the domain's CloudErrors then turns into the
 * contract's error) by the cloud's error code first and its HTTP status second: RAM and ECS answer
 * {@code Throttling.User} with a 4xx, so the status alone would not retry it.
 */
final class ErrorClassifier {
    /** Our code for a 2xx answer the SDK cannot read (terraform sees truncated bodies from the real API). */
    static final String INVALID_SERVER_RESPONSE = "SDK.InvalidServerResponse";

    /** The SDK's codes for "no usable answer came" (transport), next to the services' own 5xx codes. */
    private static final Set<String> NO_ANSWER_CODES = Set.of(
            "SDK.ServerUnreachable", "SDK.ReadTimeout", "SDK.RequestTryOrRetryFailed", INVALID_SERVER_RESPONSE);

    /** Refused credentials: like a missing permission, an operator problem that no retry fixes. */
    private static final Set<String> CREDENTIAL_CODE_PREFIXES = Set.of(
            "InvalidAccessKeyId", "InvalidSecurityToken", "MissingSecurityToken", "SignatureDoesNotMatch",
            "IncompleteSignature", "SDK.InvalidAccessKeySecret", "SDK.InvalidAccessSecret", CloudException.MISSING_CREDENTIALS);

    private ErrorClassifier() {}

    static Kind classify(String code, int httpStatus) {
        String c = code == null ? "" : code;
        if (c.startsWith("Throttling") || httpStatus == 429) {
            return Kind.THROTTLED;
        }
        if (httpStatus >= 500 || NO_ANSWER_CODES.contains(c) || c.startsWith("ServiceUnavailable")
                || c.startsWith("InternalError")) {
            return Kind.UNAVAILABLE;
        }
        if (c.equals("NoPermission") || c.startsWith("Forbidden") || c.equals("InvalidUser.PassRoleForbidden")
                || isCredentialCode(c)) {
            return Kind.DENIED;
        }
        if (c.startsWith("EntityNotExist.") || c.endsWith(".NotFound")) {
            return Kind.NOT_FOUND;
        }
        if (c.startsWith("EntityAlreadyExists.") || c.startsWith("DeleteConflict.") || c.startsWith("LimitExceeded.")) {
            return Kind.CONFLICT;
        }
        return Kind.INVALID;
    }

    static boolean isRetryable(Kind kind) {
        return kind == Kind.THROTTLED || kind == Kind.UNAVAILABLE;
    }

    private static boolean isCredentialCode(String code) {
        for (String prefix : CREDENTIAL_CODE_PREFIXES) {
            if (code.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
