package io.instancerole.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.config.DeploymentConfig;
import io.instancerole.policy.AuthorizationRequest;
import io.instancerole.policy.Decision;
import io.instancerole.policy.NamedPolicy;
import io.instancerole.policy.PolicyEvaluator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The linter's breadth findings are true statements about what the emulator's evaluator allows: a
 * document flagged for PassRole on every role does let its holder pass any role, one flagged for full
 * access allows any action anywhere, and the benign documents allow none of the attacks.
 */
class BreadthAgreesWithEvaluationTest {
    private static final String ACCOUNT = "123456789012";
    /** Roles no corpus document names (one names platform-admin in NotResource: every role but that one). */
    private static final List<String> ROLES = List.of("a", "A", "team-b-web", "team-a-b-web", "x.y-z");
    private static final List<String> OTHER_TEAMS = List.of("team-b", "team-c");
    private final PolicyLinter linter = new PolicyLinter(DeploymentConfig.defaults());

    static Stream<PolicyCorpus.Case> attacks() {
        return PolicyCorpus.attacks().filter(c -> c.document.isObject());
    }

    static Stream<PolicyCorpus.Case> benign() {
        return PolicyCorpus.benign();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void whatTheLinterSaysIsBroadIsBroadWhenEvaluated(PolicyCorpus.Case attack) {
        List<Finding> findings = linter.lint(attack.document, attack.caller).findings();
        if (findings.stream().anyMatch(f -> f.level() == FindingLevel.ERROR)) {
            return; // RAM rejects it: it is never evaluated
        }
        if (has(findings, "PASS_ROLE_WITH_STAR_IN_RESOURCE")) {
            for (String role : ROLES) {
                assertAllowed(attack.document, "ram:PassRole", role(role));
            }
        }
        if (has(findings, "FULL_ACCESS")) {
            assertAllowed(attack.document, "ecs:DeleteInstance", "acs:ecs:cn-hangzhou:" + ACCOUNT + ":instance/i-b1");
            assertAllowed(attack.document, "oss:GetObject", "acs:oss:*:" + ACCOUNT + ":bucket/key");
        }
        if (has(findings, "OUTSIDE_TEAM") && attack.document.toString().contains("ecs:")) {
            boolean someEcsChangeAllowed = Stream.of("ecs:TagResources", "ecs:UntagResources", "ecs:AddTags", "ecs:RemoveTags",
                    "ecs:AttachInstanceRamRole", "ecs:DetachInstanceRamRole")
                    .anyMatch(action -> OTHER_TEAMS.stream().anyMatch(owner ->
                            allowed(attack.document, action, "acs:ecs:cn-hangzhou:" + ACCOUNT + ":instance/i-b1", owner)));
            assertTrue(someEcsChangeAllowed, "another team's instance can be changed: " + attack.name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benign")
    void benignDocumentsAllowNoneOfTheAttacks(PolicyCorpus.Case benign) {
        for (String role : List.of("platform-admin", "team-a-b-web", "team-b-web")) {
            assertEquals(false, allowed(benign.document, "ram:PassRole", role(role)), role);
            assertEquals(false, allowed(benign.document, "sts:AssumeRole", role(role)), role);
        }
        for (String action : List.of("ecs:TagResources", "ecs:AttachInstanceRamRole", "ecs:DetachInstanceRamRole")) {
            for (String owner : OTHER_TEAMS) {
                assertEquals(false, allowed(benign.document, action, "acs:ecs:cn-hangzhou:" + ACCOUNT + ":instance/i-b1", owner),
                        action + " on an instance of " + owner);
            }
            assertEquals(benign.document.toString().contains(action + "\""),
                    allowed(benign.document, action, "acs:ecs:cn-hangzhou:" + ACCOUNT + ":instance/i-a1", "team-a"),
                    action + " on team-a's own instance, where the document names it");
        }
        assertEquals(false, allowed(benign.document, "ram:CreateUser", "acs:ram:*:" + ACCOUNT + ":user/mallory"));
    }

    private static String role(String name) {
        return "acs:ram:*:" + ACCOUNT + ":role/" + name;
    }

    private static void assertAllowed(JsonNode document, String action, String resource) {
        assertTrue(allowed(document, action, resource), action + " on " + resource);
    }

    private static boolean allowed(JsonNode document, String action, String resource) {
        return allowed(document, action, resource, "team-b");
    }

    /** From an allowed network, over TLS, on a resource whose owner tag is {@code owner}. */
    private static boolean allowed(JsonNode document, String action, String resource, String owner) {
        Map<String, List<String>> context = Map.of("acs:SourceIp", List.of("10.0.0.1"), "acs:SecureTransport", List.of("true"),
                "acs:ResourceTag/team", List.of(owner), "ecs:tag/team", List.of(owner));
        Decision decision = PolicyEvaluator.evaluate(List.of(new NamedPolicy("p", document)),
                new AuthorizationRequest(action, resource, context));
        return decision.allowed();
    }

    private static boolean has(List<Finding> findings, String code) {
        return findings.stream().anyMatch(f -> f.code().equals(code));
    }
}
