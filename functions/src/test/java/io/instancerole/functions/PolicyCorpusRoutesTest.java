package io.instancerole.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.domain.policy.PolicyCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The issue's attacks through POST /v1/policies against the emulator: a team's is refused with the
 * finding in the details (403 PolicyTooBroad, or 422 PolicyInvalid) and nothing is created; an
 * admin's goes ahead with its findings; ordinary team policies are created with no security warning.
 */
class PolicyCorpusRoutesTest {
    @RegisterExtension
    static final CloudWorld WORLD = new CloudWorld();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<PolicyCorpus.Case> issueAttacks() {
        return PolicyCorpus.attacks().filter(c -> c.name.startsWith("issue:") || c.caller.team().equals("platform"));
    }

    static Stream<PolicyCorpus.Case> benign() {
        return PolicyCorpus.benign();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("issueAttacks")
    void aTeamsAttackIsRefusedWithItsFindingAndAnAdminsGoesAheadWithIt(PolicyCorpus.Case attack) {
        String team = attack.caller.team();
        Answer answer = WORLD.call(CreatePolicyFunction.class, create(team + "-corpus", attack));
        boolean admin = team.equals("platform");
        if (admin) {
            answer.assertOk(201);
            assertContainsAll(answer.body().path("findings"), attack.expected);
        } else {
            answer.assertError(403, "PolicyTooBroad");
            assertContainsAll(answer.body().path("details"), attack.expected);
            assertFalse(WORLD.state().toString().contains("team-a-corpus"), "nothing was created");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benign")
    void ordinaryTeamPoliciesAreCreated(PolicyCorpus.Case benign) {
        Answer answer = WORLD.call(CreatePolicyFunction.class, create("team-a-corpus", benign)).assertOk(201);
        for (JsonNode finding : answer.body().path("findings")) {
            assertFalse(finding.path("level").asText().matches("ERROR|SECURITY_WARNING"), finding.toString());
        }
        assertTrue(WORLD.state().toString().contains("team-a-corpus"));
    }

    private static GatewayEvent create(String policyName, PolicyCorpus.Case c) {
        ObjectNode body = JSON.createObjectNode().put("policyName", policyName);
        body.set("document", c.document);
        return GatewayEvent.post("/v1/policies", body.toString()).caller("mallory@example.com", c.caller.team());
    }

    private static void assertContainsAll(JsonNode findings, List<String> expected) {
        List<String> found = new ArrayList<>();
        findings.forEach(f -> found.add(f.path("level").asText() + " " + f.path("code").asText() + " " + f.path("path").asText()));
        for (String finding : expected) {
            assertTrue(found.contains(finding), () -> finding + " not in " + findings);
        }
        assertEquals(expected.isEmpty(), found.isEmpty());
    }
}
