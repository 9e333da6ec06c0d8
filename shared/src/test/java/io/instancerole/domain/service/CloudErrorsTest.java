package io.instancerole.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.port.CloudException.Kind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudErrorsTest {

    @Test
    void throttlingIs429WithTheCloudsFacts() {
        DomainException e = CloudErrors.toDomain(cloud(Kind.THROTTLED, "CreateRole", "Throttling.User", "req-1"));
        assertEquals(ErrorCode.Throttled, e.code());
        assertEquals(429, e.code().httpStatus());
        assertEquals(Map.of("cloudAction", "CreateRole", "cloudCode", "Throttling.User", "cloudRequestId", "req-1"), e.details().get(0));
    }

    @Test
    void anOutageIs503AndKeepsANullRequestId() {
        DomainException e = CloudErrors.toDomain(cloud(Kind.UNAVAILABLE, "GetRole", "SDK.ServerUnreachable", null));
        assertEquals(ErrorCode.CloudUnavailable, e.code());
        Map<?, ?> facts = (Map<?, ?>) e.details().get(0);
        assertTrue(facts.containsKey("cloudRequestId"));
        assertEquals(null, facts.get("cloudRequestId"));
        assertEquals("SDK.ServerUnreachable", facts.get("cloudCode"));
    }

    @Test
    void aDenialIs502NamingThePermissionTheDeploymentLacks() {
        DomainException ecs = CloudErrors.toDomain(cloud(Kind.DENIED, "AttachInstanceRamRole", "Forbidden.RAM", "r"));
        assertEquals(ErrorCode.CloudDenied, ecs.code());
        assertTrue(ecs.getMessage().contains("ecs:AttachInstanceRamRole"), ecs.getMessage());
        assertTrue(ecs.getMessage().contains("operator"), ecs.getMessage());
        assertTrue(CloudErrors.toDomain(cloud(Kind.DENIED, "CreateRole", "NoPermission", "r")).getMessage().contains("ram:CreateRole"));
        assertTrue(CloudErrors.toDomain(cloud(Kind.DENIED, "GetCallerIdentity", "NoPermission", "r")).getMessage().contains("sts:GetCallerIdentity"));
        assertTrue(CloudErrors.toDomain(cloud(Kind.DENIED, "AttachInstanceRamRole", "InvalidUser.PassRoleForbidden", "r"))
                .getMessage().contains("ram:PassRole"));
    }

    @Test
    void missingCredentialsAreSaidPlainlyNotAsAMissingPermission() {
        String adapterMessage = "neither Function Compute's execution credentials (from the service's role) nor"
                + " ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are there";
        DomainException e = CloudErrors.toDomain(new CloudException(Kind.DENIED, "Credentials", CloudException.MISSING_CREDENTIALS,
                0, null, adapterMessage));
        assertEquals(ErrorCode.CloudDenied, e.code());
        assertTrue(e.getMessage().startsWith("this function has no cloud credentials"), e.getMessage());
        assertTrue(e.getMessage().contains(adapterMessage), "says what supplies them: " + e.getMessage());
        assertTrue(e.getMessage().contains("operator"), e.getMessage());
        assertFalse(e.getMessage().contains("ram:Credentials") || e.getMessage().contains("not allowed to call"), e.getMessage());
        assertEquals("MissingCredentials", ((Map<?, ?>) e.details().get(0)).get("cloudCode"));
    }

    @Test
    void expectedAnswersMapToTheNearestContractCode() {
        assertEquals(ErrorCode.RoleNotFound, CloudErrors.toDomain(cloud(Kind.NOT_FOUND, "GetRole", "EntityNotExist.Role", "r")).code());
        assertEquals(ErrorCode.RoleNotFound, CloudErrors.toDomain(cloud(Kind.NOT_FOUND, "AttachInstanceRamRole", "InvalidRamRole.NotFound", "r")).code());
        assertEquals(ErrorCode.PolicyNotFound, CloudErrors.toDomain(cloud(Kind.NOT_FOUND, "DeletePolicyVersion", "EntityNotExist.Policy.Version", "r")).code());
        assertEquals(ErrorCode.UserNotFound, CloudErrors.toDomain(cloud(Kind.NOT_FOUND, "GetUser", "EntityNotExist.User", "r")).code());
        assertEquals(ErrorCode.InstanceNotFound, CloudErrors.toDomain(cloud(Kind.NOT_FOUND, "DescribeInstances", "InvalidInstanceId.NotFound", "r")).code());
        assertEquals(ErrorCode.NotFound, CloudErrors.toDomain(cloud(Kind.NOT_FOUND, "DetachPolicyFromUser", "EntityNotExist.User.Policy", "r")).code());
        assertEquals(ErrorCode.Conflict, CloudErrors.toDomain(cloud(Kind.CONFLICT, "AttachPolicyToRole", "LimitExceeded.Role.Policy", "r")).code());
        assertEquals(ErrorCode.PolicyInvalid, CloudErrors.toDomain(cloud(Kind.INVALID, "CreatePolicy", "MalformedPolicyDocument", "r")).code());
        assertEquals(ErrorCode.InvalidParameter, CloudErrors.toDomain(cloud(Kind.INVALID, "CreateRole", "InvalidParameter.Description.Length", "r")).code());
        for (Kind kind : Kind.values()) {
            int status = CloudErrors.toDomain(cloud(kind, "GetRole", "Some.Code", "r")).code().httpStatus();
            assertTrue(status != 500, kind + " must never be a 500");
        }
    }

    @Test
    void translateMapsWhatEscapesAndPassesEverythingElse() {
        Object value = new Object();
        assertSame(value, CloudErrors.translate(() -> value));
        DomainException e = assertThrows(DomainException.class,
                () -> CloudErrors.translate(() -> { throw cloud(Kind.THROTTLED, "GetRole", "Throttling", "r"); }));
        assertEquals(ErrorCode.Throttled, e.code());
        DomainException own = new DomainException(ErrorCode.Forbidden, "no");
        assertSame(own, assertThrows(DomainException.class, () -> CloudErrors.translate(() -> { throw own; })));
    }

    private static CloudException cloud(Kind kind, String action, String code, String requestId) {
        return new CloudException(kind, action, code, 400, requestId, "the cloud says no");
    }
}
