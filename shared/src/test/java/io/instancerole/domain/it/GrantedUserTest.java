package io.instancerole.domain.it;

import static io.instancerole.domain.it.Deployment.TEAM_A;
import static io.instancerole.domain.it.Deployment.TEAM_B;
import static io.instancerole.domain.it.Requests.bind;
import static io.instancerole.domain.it.Requests.createRole;
import static io.instancerole.domain.it.Requests.grant;
import static io.instancerole.domain.it.Requests.revoke;
import static io.instancerole.domain.it.Requests.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.exceptions.ClientException;
import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.cloud.aliyun.CloudCredentials;
import io.instancerole.cloud.aliyun.CredentialsSource;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.fake.RecordingSleeper;
import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.port.EcsPort;
import io.instancerole.domain.service.Status;
import io.instancerole.emulator.client.UserKeys;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.emulator.testing.SdkRequests;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * What a PassRole grant lets a RAM user do with its own keys, enforced by the emulator as RAM
 * would: bind exactly the granted roles, and no longer once revoked.
 */
class GrantedUserTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static final RegionId REGION = RegionId.of(Account.REGION);
    private static final RoleName WEB = RoleName.of("team-a-web");
    private static final RoleName API = RoleName.of("team-a-api");

    private final Account account = new Account(EMULATOR);
    private Deployment service;
    private Deployment deployer;
    private List<String> instances;

    @BeforeEach
    void deploy() {
        service = Deployment.of(ServiceRole.createIn(EMULATOR), EMULATOR);
        service.roles.createRole(service.as(TEAM_A), createRole(WEB.value()));
        service.roles.createRole(service.as(TEAM_A), createRole(API.value()));
        instances = account.instances(TEAM_A, 3);
        UserKeys keys = account.control().createUser("deployer");
        CredentialsSource ownKeys = () -> Optional.of(new CloudCredentials(keys.accessKeyId(), keys.accessKeySecret(), null));
        deployer = Deployment.of(EMULATOR, ownKeys, Map.of(), new RecordingSleeper());
    }

    @Test
    void theUserBindsExactlyTheGrantedRolesWithItsOwnKeys() {
        EcsPort ecs = deployer.cloud(TEAM_A).ecs();
        String first = instances.get(0);
        String second = instances.get(1);
        assertDenied("Forbidden.RAM", () -> ecs.attachInstanceRamRole(REGION, WEB, ids(first), null));

        assertEquals(Status.CREATED, service.grants.grant(service.as(TEAM_A), grant("deployer", WEB.value())).status());
        assertTrue(ecs.attachInstanceRamRole(REGION, WEB, ids(first), null).get(0).success());
        assertEquals("team-a-web", account.roleOf(first));
        assertDenied("InvalidUser.PassRoleForbidden", () -> ecs.attachInstanceRamRole(REGION, API, ids(second), null));
        assertNull(account.roleOf(second));

        assertEquals(Status.UPDATED, service.grants.grant(service.as(TEAM_A), grant("deployer", API.value())).status());
        assertTrue(ecs.attachInstanceRamRole(REGION, API, ids(second), null).get(0).success());
        assertEquals("team-a-api", account.roleOf(second));

        assertEquals(Status.UPDATED, service.grants.revoke(service.as(TEAM_A), revoke("deployer", WEB.value())).status());
        assertTrue(ecs.detachInstanceRamRole(REGION, WEB, ids(first)).get(0).success(), "the ECS actions stay while a role is granted");
        assertDenied("InvalidUser.PassRoleForbidden", () -> ecs.attachInstanceRamRole(REGION, WEB, ids(first), null));
        assertNull(account.roleOf(first));

        assertEquals(Status.DELETED, service.grants.revoke(service.as(TEAM_A), revoke("deployer", API.value())).status());
        assertDenied("Forbidden.RAM", () -> ecs.describeInstances(REGION, ids(second)));
        assertDenied("Forbidden.RAM", () -> ecs.attachInstanceRamRole(REGION, API, ids(first), null));
        assertEquals(Arrays.asList(null, "team-a-api"), account.rolesOf(List.of(first, second)));

        for (JsonNode call : account.calls("AttachInstanceRamRole")) {
            assertTrue(call.path("principal").asText().endsWith(":user/deployer"), "signed with the user's own key: " + call);
        }
    }

    @Test
    void teamAsGranteeBindsAndUnbindsTeamAsInstancesAndNothingOfTeamBs() {
        service.roles.createRole(service.as(TEAM_B), createRole("team-b-web"));
        String teamB = account.instance(TEAM_B);
        String alsoB = account.instance(TEAM_B);
        service.bindings.bind(service.as(TEAM_B), bind("team-b-web", List.of(teamB)));
        service.grants.grant(service.as(TEAM_A), grant("deployer", WEB.value()));
        EcsPort ecs = deployer.cloud(TEAM_A).ecs();
        String mine = instances.get(0);

        assertTrue(ecs.attachInstanceRamRole(REGION, WEB, ids(mine), null).get(0).success());
        assertTrue(ecs.detachInstanceRamRole(REGION, WEB, ids(mine)).get(0).success());
        assertTrue(ecs.attachInstanceRamRole(REGION, WEB, ids(mine), null).get(0).success());

        // the attack of the issue: unbind team B's instance with team A's grant
        assertDenied("Forbidden.RAM", () -> ecs.detachInstanceRamRole(REGION, null, ids(teamB)));
        assertDenied("Forbidden.RAM", () -> ecs.detachInstanceRamRole(REGION, RoleName.of("team-b-web"), ids(teamB)));
        // team A's role on team B's free instance, alone or hidden in a batch with team A's own
        assertDenied("Forbidden.RAM", () -> ecs.attachInstanceRamRole(REGION, WEB, ids(alsoB), null));
        assertDenied("Forbidden.RAM", () -> ecs.attachInstanceRamRole(REGION, WEB, ids(instances.get(1), alsoB), null));
        assertDenied("Forbidden.RAM", () -> ecs.detachInstanceRamRole(REGION, null, ids(mine, teamB)));

        assertEquals(Arrays.asList("team-b-web", null), account.rolesOf(List.of(teamB, alsoB)));
        assertEquals(Arrays.asList("team-a-web", null), account.rolesOf(List.of(mine, instances.get(1))));
    }

    @Test
    void grantsOfTwoTeamsToOneUserKeepEachTeamsScope() {
        service.roles.createRole(service.as(TEAM_B), createRole("team-b-web"));
        String teamB = account.instance(TEAM_B);
        service.grants.grant(service.as(TEAM_A), grant("deployer", WEB.value()));
        service.grants.grant(service.as(TEAM_B), grant("deployer", "team-b-web"));
        EcsPort ecs = deployer.cloud(TEAM_A).ecs();

        assertTrue(ecs.attachInstanceRamRole(REGION, RoleName.of("team-b-web"), ids(teamB), null).get(0).success());
        assertTrue(ecs.attachInstanceRamRole(REGION, WEB, ids(instances.get(0)), null).get(0).success());
        // team B's grant lets the user touch team B's instances, never pass team A's role onto them
        assertTrue(ecs.detachInstanceRamRole(REGION, null, ids(teamB)).get(0).success());
        assertTrue(ecs.attachInstanceRamRole(REGION, WEB, ids(teamB), null).get(0).success(),
                "passing team A's role is team A's grant, the instance is team B's: both grants together allow it");

        service.grants.revoke(service.as(TEAM_B), revoke("deployer", "team-b-web"));
        assertDenied("Forbidden.RAM", () -> ecs.detachInstanceRamRole(REGION, null, ids(teamB)));
        assertTrue(ecs.detachInstanceRamRole(REGION, WEB, ids(instances.get(0))).get(0).success(), "team A's grant is untouched");
    }

    @Test
    void throughTheServicesTheUsersDenialIsCloudDenied() throws ClientException {
        // the services read the role before binding it: the user also needs to read RAM
        EMULATOR.send(EMULATOR.root(), SdkRequests.attachPolicyToUser("System", "AliyunRAMReadOnlyAccess", "deployer"));
        service.grants.grant(service.as(TEAM_A), grant("deployer", WEB.value()));

        assertEquals(List.of("bound", "bound"), statuses(deployer.bindings.bind(deployer.as(TEAM_A), bind(WEB.value(), instances.subList(0, 2)))));

        String third = instances.get(2);
        DomainException passApi = assertThrows(DomainException.class,
                () -> deployer.bindings.bind(deployer.as(TEAM_A), bind(API.value(), List.of(third))));
        assertEquals(ErrorCode.CloudDenied, passApi.code());
        assertEquals(502, passApi.code().httpStatus());
        Map<?, ?> facts = (Map<?, ?>) passApi.details().get(0);
        assertEquals("AttachInstanceRamRole", facts.get("cloudAction"));
        assertEquals("InvalidUser.PassRoleForbidden", facts.get("cloudCode"));
        assertTrue(passApi.getMessage().contains("ram:PassRole"), passApi.getMessage());

        service.grants.revoke(service.as(TEAM_A), revoke("deployer", WEB.value()));
        DomainException revoked = assertThrows(DomainException.class,
                () -> deployer.bindings.bind(deployer.as(TEAM_A), bind(WEB.value(), List.of(third))));
        assertEquals(ErrorCode.CloudDenied, revoked.code());
        assertEquals(Arrays.asList("team-a-web", "team-a-web", null), account.rolesOf(instances));
    }

    private static List<InstanceId> ids(String... ids) {
        return Arrays.stream(ids).map(InstanceId::of).collect(Collectors.toList());
    }

    private static void assertDenied(String code, Executable call) {
        CloudException e = assertThrows(CloudException.class, call);
        assertEquals(CloudException.Kind.DENIED, e.kind());
        assertEquals(code, e.code(), e.getMessage());
    }
}
