package io.instancerole.domain.it;

import static io.instancerole.domain.it.Deployment.ADMIN;
import static io.instancerole.domain.it.Deployment.TEAM_A;
import static io.instancerole.domain.it.Requests.READ_BUCKET;
import static io.instancerole.domain.it.Requests.bind;
import static io.instancerole.domain.it.Requests.createPolicy;
import static io.instancerole.domain.it.Requests.createRole;
import static io.instancerole.domain.it.Requests.grant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.exceptions.ClientException;
import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.policy.Finding;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.emulator.testing.SdkRequests;
import io.instancerole.emulator.testing.TrustPolicies;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** The cloud's own "not there" and "not that kind" answers, read through the real adapters, as the contract's 4xx; nothing changed. */
class RequestLevelErrorsTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    /** What the old console documentation shows: wrong version, a space in the action. */
    private static final String PASTED_FROM_OLD_DOCS = "{\"Version\":\"2016-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"ecs: DescribeInstances\",\"Resource\":\"*\"}]}";

    private final Account account = new Account(EMULATOR);
    private Deployment api;

    @BeforeEach
    void deploy() throws ClientException {
        api = Deployment.of(ServiceRole.createIn(EMULATOR), EMULATOR);
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-web"));
        // a role of the team that ECS may not assume: made outside the API
        EMULATOR.send(EMULATOR.root(), SdkRequests.createRole("team-a-functions", TrustPolicies.service("fc.aliyuncs.com")));
    }

    @Test
    void unknownThingsAreNotFound() {
        String instance = account.instance(TEAM_A);

        failsWithoutChange(ErrorCode.RoleNotFound, () -> api.bindings.bind(api.as(TEAM_A), bind("team-a-nope", List.of(instance))));
        failsWithoutChange(ErrorCode.RoleNotFound, () -> api.describe.describeRole(api.as(TEAM_A), RoleName.of("team-a-nope")));
        failsWithoutChange(ErrorCode.RoleNotFound,
                () -> api.policies.createPolicy(api.as(TEAM_A), createPolicy("team-a-bucket", READ_BUCKET, "team-a-web", "team-a-nope")));
        assertFalse(account.policy("team-a-bucket").isPresent(), "every role is checked before anything is created");
        failsWithoutChange(ErrorCode.PolicyNotFound,
                () -> api.policies.attachPolicy(api.as(TEAM_A), Requests.attachPolicy("team-a-web", "team-a-nope", PolicyType.Custom)));
        failsWithoutChange(ErrorCode.PolicyNotFound,
                () -> api.policies.attachPolicy(api.as(TEAM_A), Requests.attachPolicy("team-a-web", "AliyunNopeAccess", PolicyType.System)));
        failsWithoutChange(ErrorCode.UserNotFound, () -> api.grants.grant(api.as(TEAM_A), grant("nobody", "team-a-web")));
        failsWithoutChange(ErrorCode.InstanceNotFound,
                () -> api.describe.describeInstanceRole(api.as(TEAM_A), null, InstanceId.of("i-missing0001")));
        failsWithoutChange(ErrorCode.InstanceNotFound,
                () -> api.describe.describeInstanceRole(api.as(ADMIN), RegionId.of("cn-beijing"), InstanceId.of(instance)));
    }

    @Test
    void aRoleEcsMayNotAssumeIsNeitherBoundNorTakenOver() {
        String instance = account.instance(TEAM_A);

        failsWithoutChange(ErrorCode.RoleNotTrustedByEcs, () -> api.bindings.bind(api.as(TEAM_A), bind("team-a-functions", List.of(instance))));
        failsWithoutChange(ErrorCode.RoleConflict, () -> api.roles.createRole(api.as(TEAM_A), createRole("team-a-functions", "mine now", null)));

        JsonNode role = account.role("team-a-functions").orElseThrow();
        assertTrue(role.path("assumeRolePolicyDocument").asText().contains("fc.aliyuncs.com"));
    }

    @Test
    void aPolicyWithErrorsIsInvalidBeforeTheCloudIsAsked() {
        account.clearCalls();

        DomainException e = failsWithoutChange(ErrorCode.PolicyInvalid,
                () -> api.policies.createPolicy(api.as(ADMIN), createPolicy("platform-describe", PASTED_FROM_OLD_DOCS)));

        assertEquals(422, e.code().httpStatus());
        List<String> codes = e.details().stream().map(d -> ((Finding) d).code()).collect(Collectors.toList());
        assertTrue(codes.containsAll(List.of("INVALID_VERSION", "INVALID_ACTION_FORMAT")), codes.toString());
        assertEquals(List.of(), account.actions());
    }

    private DomainException failsWithoutChange(ErrorCode code, Executable request) {
        JsonNode before = account.state();
        account.clearCalls();
        DomainException e = assertThrows(DomainException.class, request);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(before, account.state());
        assertEquals(List.of(), account.writes());
        return e;
    }
}
