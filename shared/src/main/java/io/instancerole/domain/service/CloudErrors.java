package io.instancerole.domain.service;

import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.port.CloudException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one place where a cloud failure becomes a contract error. Expected answers (not found,
 * conflict, invalid) map to the nearest 4xx; only outages are 5xx, and a permission error of the
 * deployment's own role is 502 CloudDenied, said plainly as an operator's problem.
 */
public final class CloudErrors {
    private static final Set<String> ECS_ACTIONS = Set.of("DescribeInstances", "DescribeInstanceRamRole",
            "AttachInstanceRamRole", "DetachInstanceRamRole");
    private static final Set<String> STS_ACTIONS = Set.of("GetCallerIdentity", "AssumeRole");
    private static final String PASS_ROLE_FORBIDDEN = "InvalidUser.PassRoleForbidden";

    private CloudErrors() {}

    /** Runs {@code body}, turning any cloud failure that escapes it into the contract's error. */
    public static <T> T translate(Supplier<T> body) {
        try {
            return body.get();
        } catch (CloudException e) {
            throw toDomain(e);
        }
    }

    public static DomainException toDomain(CloudException e) {
        Map<String, String> facts = facts(e);
        String answer = "the cloud answered " + e.code() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        switch (e.kind()) {
            case THROTTLED:
                return DomainException.cloud(ErrorCode.Throttled, "the cloud is throttling " + e.action()
                        + " calls (" + e.code() + ") and retries were spent; try again in a little while (repeating the request is safe)", facts);
            case UNAVAILABLE:
                return DomainException.cloud(ErrorCode.CloudUnavailable, "the cloud did not complete " + e.action()
                        + " (" + e.code() + ") after retries; nothing further was changed by this call, try again later", facts);
            case DENIED:
                if (CloudException.MISSING_CREDENTIALS.equals(e.code())) {
                    // no call was made, so there is no permission to name: say what is missing instead
                    return DomainException.cloud(ErrorCode.CloudDenied, "this function has no cloud credentials, so it could not call"
                            + " the cloud" + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ". An operator must fix the"
                            + " deployment; your request itself was fine", facts);
                }
                return DomainException.cloud(ErrorCode.CloudDenied, "this deployment's own cloud role is not allowed to call "
                        + permission(e) + " (" + e.code() + "): an operator must grant that permission to the service role;"
                        + " your request itself was fine", facts);
            case NOT_FOUND:
                return DomainException.cloud(notFoundCode(e.code()), answer, facts);
            case CONFLICT:
                return DomainException.cloud(ErrorCode.Conflict, answer, facts);
            case INVALID:
            default:
                return DomainException.cloud(isPolicyDocumentCode(e.code()) ? ErrorCode.PolicyInvalid : ErrorCode.InvalidParameter,
                        answer, facts);
        }
    }

    /** The permission the failed call needed, as a policy would name it, e.g. {@code ecs:AttachInstanceRamRole}. */
    static String permission(CloudException e) {
        if (PASS_ROLE_FORBIDDEN.equals(e.code())) {
            return "ram:PassRole (needed by " + e.action() + ")";
        }
        String product = ECS_ACTIONS.contains(e.action()) ? "ecs" : STS_ACTIONS.contains(e.action()) ? "sts" : "ram";
        return product + ":" + e.action();
    }

    private static ErrorCode notFoundCode(String code) {
        String c = code == null ? "" : code;
        if (c.equals("EntityNotExist.Role") || c.equals("InvalidRamRole.NotFound")) {
            return ErrorCode.RoleNotFound;
        }
        if (c.startsWith("EntityNotExist.Policy")) {
            return ErrorCode.PolicyNotFound;
        }
        if (c.equals("EntityNotExist.User")) {
            return ErrorCode.UserNotFound;
        }
        if (c.startsWith("InvalidInstanceId")) {
            return ErrorCode.InstanceNotFound;
        }
        return ErrorCode.NotFound;
    }

    private static boolean isPolicyDocumentCode(String code) {
        return code != null && (code.startsWith("MalformedPolicyDocument") || code.startsWith("InvalidParameter.PolicyDocument"));
    }

    /** The contract's CloudErrorFacts: always the three keys, the request id null when no answer came. */
    private static Map<String, String> facts(CloudException e) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("cloudAction", e.action());
        facts.put("cloudCode", e.code());
        facts.put("cloudRequestId", e.requestId());
        return facts;
    }
}
