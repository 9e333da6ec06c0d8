package io.instancerole.domain.it;

import static io.instancerole.domain.it.Deployment.ADMIN;
import static io.instancerole.domain.it.Deployment.TEAM_A;
import static io.instancerole.domain.it.Deployment.TEAM_B;
import static io.instancerole.domain.it.Requests.bind;
import static io.instancerole.domain.it.Requests.createPolicy;
import static io.instancerole.domain.it.Requests.createRole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.instancerole.domain.describe.ListResult;
import io.instancerole.domain.describe.PageRequest;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.model.RoleName;
import io.instancerole.emulator.testing.EmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The portal's lists through the real adapters: only what the team owns, sorted by name, paged by
 * marker, and a page of 100 costs a few cloud calls (counted in the emulator's call log), never
 * one per item.
 */
class ListsTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POLICY = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\","
            + "\"Resource\":\"acs:oss:*:*:logs/*\"}]}";

    private final Account account = new Account(EMULATOR);
    private Deployment api;

    @BeforeEach
    void deploy() {
        api = Deployment.of(ServiceRole.createIn(EMULATOR), EMULATOR);
    }

    @Test
    void aTeamPagesThroughItsOwnRolesSortedByNameAtOneListRolesCallAPage() {
        List<String> teamA = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            teamA.add(String.format("team-a-r%03d", 104 - i)); // created in reverse, so RAM's order is not the answer's
        }
        teamA.parallelStream().forEach(name -> api.roles.createRole(api.as(TEAM_A), createRole(name)));
        for (int i = 0; i < 5; i++) {
            api.roles.createRole(api.as(TEAM_B), createRole("team-b-r" + i));
        }
        account.clearCalls();

        JsonNode first = json(api.lists.listRoles(api.as(TEAM_A), PageRequest.of("100", null)));

        assertEquals(Map.of("ListRoles", 1, "ListTagResources", 3), callCounts(),
                "a page of 100 roles: one ListRoles, and the owner tags of every tagged role (105, two pages) and policy (one)");
        List<String> names = names(first.path("roles"), "roleName");
        assertEquals(100, names.size());
        assertEquals(teamA.stream().sorted().limit(100).collect(Collectors.toList()), names, "sorted by name, the team's only");
        assertEquals(TEAM_A, first.path("roles").get(0).path("owner").asText());
        assertTrue(first.path("roles").get(0).path("arn").asText().endsWith(":role/team-a-r000"), first.toString());

        JsonNode second = json(api.lists.listRoles(api.as(TEAM_A), PageRequest.of("100", first.path("nextMarker").asText())));
        List<String> rest = names(second.path("roles"), "roleName");
        assertEquals(teamA.stream().sorted().skip(100).collect(Collectors.toList()), rest);
        assertFalse(second.has("nextMarker"), "the last page has no nextMarker: " + second);
    }

    @Test
    void anAdminSeesEveryRoleAndAnotherTeamSeesNoneOfTeamAs() {
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-web"));
        api.roles.createRole(api.as(TEAM_B), createRole("team-b-web"));
        api.roles.createRole(api.as("team-a-b"), createRole("team-a-b-web")); // fits team A's prefix, owned (tagged) by team-a-b

        List<String> teamA = names(json(api.lists.listRoles(api.as(TEAM_A), PageRequest.first())).path("roles"), "roleName");
        assertEquals(List.of("team-a-web"), teamA, "the owner tag decides, not the prefix");
        List<String> admin = names(json(api.lists.listRoles(api.as(ADMIN), PageRequest.first())).path("roles"), "roleName");
        List<String> teamB = names(json(api.lists.listRoles(api.as(TEAM_B), PageRequest.first())).path("roles"), "roleName");

        assertTrue(admin.containsAll(List.of("team-a-b-web", "team-a-web", "team-b-web")), admin.toString());
        assertEquals(List.of("team-b-web"), teamB);
    }

    @Test
    void policiesAreTheTeamsCustomPoliciesPagedByMarker() {
        for (String name : List.of("team-a-p3", "team-a-p1", "team-a-p2")) {
            api.policies.createPolicy(api.as(TEAM_A), createPolicy(name, POLICY));
        }
        api.policies.createPolicy(api.as(TEAM_B), createPolicy("team-b-p1", POLICY));
        account.clearCalls();

        JsonNode first = json(api.lists.listPolicies(api.as(TEAM_A), PageRequest.of("2", null)));
        JsonNode second = json(api.lists.listPolicies(api.as(TEAM_A), PageRequest.of("2", first.path("nextMarker").asText())));

        assertEquals(List.of("team-a-p1", "team-a-p2"), names(first.path("policies"), "policyName"));
        assertEquals(List.of("team-a-p3"), names(second.path("policies"), "policyName"));
        assertEquals("v1", first.path("policies").get(0).path("defaultVersion").asText());
        assertEquals(Map.of("ListPolicies", 2, "ListTagResources", 4), callCounts(),
                "a page: one ListPolicies, and the owner tags of the tagged roles and policies");
        assertEquals("Custom", account.calls("ListPolicies").get(0).path("params").path("PolicyType").asText());
    }

    @Test
    void aTeamsInstancesComeFromECSFilteredByTheOwnerTagWithTheirRolesAtAFewCallsAPage() {
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-web"));
        List<String> mine = account.instances(TEAM_A, 120);
        List<String> theirs = account.instances(TEAM_B, 3);
        api.bindings.bind(api.as(TEAM_A), bind("team-a-web", mine.subList(0, 30)));
        account.clearCalls();

        JsonNode page = json(api.lists.listInstances(api.as(TEAM_A), null, PageRequest.of("100", null)));

        Map<String, Integer> calls = callCounts();
        assertEquals(Map.of("DescribeInstances", 2, "DescribeInstanceRamRole", 1), calls,
                "120 tagged instances in pages of 100, then the roles of the page's 100 ids (ECS lists only the bound ones, 50 a page)");
        for (JsonNode call : account.calls("DescribeInstances")) {
            assertEquals("team", call.path("params").path("Tag.1.Key").asText(), "ECS filters by the owner tag: " + call);
            assertEquals(TEAM_A, call.path("params").path("Tag.1.Value").asText());
        }
        List<String> ids = names(page.path("instances"), "instanceId");
        assertEquals(mine.stream().sorted().limit(100).collect(Collectors.toList()), ids);
        assertTrue(ids.stream().noneMatch(theirs::contains));
        for (JsonNode instance : page.path("instances")) {
            String expected = mine.subList(0, 30).contains(instance.path("instanceId").asText()) ? "team-a-web" : null;
            assertEquals(expected, instance.path("roleName").isNull() ? null : instance.path("roleName").asText(), instance.toString());
            assertEquals("vpc", instance.path("networkType").asText());
            assertEquals("Running", instance.path("status").asText());
        }
        assertTrue(page.has("nextMarker"));
    }

    @Test
    void aRolesInstancesAreTheTeamsInstancesBoundToItAtAFewCallsAPage() {
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-web"));
        List<String> mine = account.instances(TEAM_A, 110);
        String theirs = account.instance(TEAM_B);
        api.bindings.bind(api.as(TEAM_A), bind("team-a-web", mine));
        api.bindings.bind(api.as(ADMIN), bind("team-a-web", List.of(theirs)));
        account.instances(TEAM_A, 5); // unbound: not listed
        account.clearCalls();

        JsonNode first = json(api.lists.listRoleInstances(api.as(TEAM_A), RoleName.of("team-a-web"), null, PageRequest.of("100", null)));
        Map<String, Integer> calls = callCounts();
        JsonNode second = json(api.lists.listRoleInstances(api.as(TEAM_A), RoleName.of("team-a-web"), null,
                PageRequest.of("100", first.path("nextMarker").asText())));

        assertEquals(Map.of("ListTagResources", 1, "GetRole", 1, "DescribeInstanceRamRole", 3, "DescribeInstances", 2), calls,
                "the role's owner tag, then 111 bound instances: ECS filters by role name (pages of 50), then their details by 100 ids a call");
        List<String> all = new ArrayList<>(names(first.path("instances"), "instanceId"));
        all.addAll(names(second.path("instances"), "instanceId"));
        assertEquals(mine.stream().sorted().collect(Collectors.toList()), all, "the team's bound instances, not team B's");
        assertEquals("team-a-web", first.path("instances").get(0).path("roleName").asText());
    }

    @Test
    void anotherTeamsRoleAndAMissingRoleAreRefusedBeforeAnyInstanceIsRead() {
        api.roles.createRole(api.as(TEAM_A), createRole("team-a-web"));
        account.clearCalls();

        DomainException foreign = assertThrows(DomainException.class, () ->
                api.lists.listRoleInstances(api.as(TEAM_B), RoleName.of("team-a-web"), null, PageRequest.first()));
        DomainException missing = assertThrows(DomainException.class, () ->
                api.lists.listRoleInstances(api.as(TEAM_A), RoleName.of("team-a-none"), null, PageRequest.first()));

        assertEquals(ErrorCode.Forbidden, foreign.code());
        assertEquals(ErrorCode.RoleNotFound, missing.code());
        assertTrue(account.calls().stream().noneMatch(c -> "Ecs".equals(c.path("product").asText())),
                "no ECS call for a refused or missing role: " + account.actions());
    }

    @Test
    void aMarkerThisApiDidNotWriteAndALimitOutOfRangeAreInvalidParameters() {
        for (String[] bad : new String[][] {{"0", null}, {"101", null}, {"ten", null}, {null, "***"}, {null, ""}}) {
            DomainException e = assertThrows(DomainException.class, () -> PageRequest.of(bad[0], bad[1]), String.join(",", bad[0] + "", bad[1] + ""));
            assertEquals(ErrorCode.InvalidParameter, e.code());
        }
    }

    private Map<String, Integer> callCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        account.actions().forEach(action -> counts.merge(action, 1, Integer::sum));
        return counts;
    }

    private static JsonNode json(ListResult result) {
        return JSON.valueToTree(result);
    }

    private static List<String> names(JsonNode items, String field) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path(field).asText()));
        return names;
    }
}
