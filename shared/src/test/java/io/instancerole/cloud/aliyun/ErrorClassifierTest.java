package io.instancerole.cloud.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.instancerole.domain.port.CloudException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassifierTest {

    @ParameterizedTest(name = "{0} / HTTP {1} -> {2}")
    @CsvSource({
            "Throttling.User, 400, THROTTLED",
            "Throttling.Api, 400, THROTTLED",
            "Throttling, 503, THROTTLED",
            "SomethingElse, 429, THROTTLED",
            "ServiceUnavailable, 503, UNAVAILABLE",
            "InternalError, 500, UNAVAILABLE",
            "UnknownError, 502, UNAVAILABLE",
            "SDK.ServerUnreachable, 0, UNAVAILABLE",
            "SDK.ReadTimeout, 0, UNAVAILABLE",
            "SDK.InvalidServerResponse, 200, UNAVAILABLE",
            "NoPermission, 403, DENIED",
            "Forbidden.RAM, 403, DENIED",
            "Forbidden.AccessKeyDisabled, 403, DENIED",
            "InvalidUser.PassRoleForbidden, 403, DENIED",
            "InvalidAccessKeyId.NotFound, 404, DENIED",
            "InvalidSecurityToken.Expired, 400, DENIED",
            "SignatureDoesNotMatch, 400, DENIED",
            "SDK.InvalidAccessKeySecret, 400, DENIED",
            "EntityNotExist.Role, 404, NOT_FOUND",
            "EntityNotExist.User.Policy, 404, NOT_FOUND",
            "InvalidInstanceId.NotFound, 404, NOT_FOUND",
            "InvalidRamRole.NotFound, 404, NOT_FOUND",
            "EntityAlreadyExists.Role, 409, CONFLICT",
            "DeleteConflict.Role.Policy, 409, CONFLICT",
            "LimitExceeded.Policy.Version, 409, CONFLICT",
            "MalformedPolicyDocument, 400, INVALID",
            "InvalidRamRole.NotEcsRole, 404, INVALID",
            "InvalidParameter.RoleName.Length, 400, INVALID",
    })
    void classifiesByCodeThenStatus(String code, int status, Kind expected) {
        assertEquals(expected, ErrorClassifier.classify(code, status));
    }

    @Test
    void anErrorWithoutCodeIsJudgedByItsStatus() {
        assertEquals(Kind.UNAVAILABLE, ErrorClassifier.classify(null, 503));
        assertEquals(Kind.INVALID, ErrorClassifier.classify(null, 400));
    }

    @Test
    void onlyThrottlingAndOutagesAreRetried() {
        assertTrue(ErrorClassifier.isRetryable(Kind.THROTTLED));
        assertTrue(ErrorClassifier.isRetryable(Kind.UNAVAILABLE));
        for (Kind kind : new Kind[] {Kind.DENIED, Kind.NOT_FOUND, Kind.CONFLICT, Kind.INVALID}) {
            assertFalse(ErrorClassifier.isRetryable(kind), kind.name());
        }
    }
}
