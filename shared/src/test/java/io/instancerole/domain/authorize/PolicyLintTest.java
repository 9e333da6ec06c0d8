package io.instancerole.domain.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.instancerole.domain.config.DeploymentConfig;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.guard.Guardrails;
import io.instancerole.domain.model.Caller;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.policy.PolicyLinter;
import org.junit.jupiter.api.Test;

/** policy-lint: createPolicy's verdict for this caller, and each finding placed in the text it was sent as. */
class PolicyLintTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Caller TEAM_A = Caller.of("alice", "team-a");
    private static final Caller ADMIN = Caller.of("root", "platform");
    private static final String EVERYTHING = String.join("\n",
            "{",
            "  \"Version\": \"1\",",
            "  \"Statement\": [",
            "    {\"Effect\": \"Allow\", \"Action\": \"oss:GetObject\", \"Resource\": \"acs:oss:*:*:logs/*\"},",
            "    {",
            "      \"Effect\": \"Allow\",",
            "      \"Action\": \"*\",",
            "      \"Resource\": \"*\"",
            "    }",
            "  ]",
            "}");

    private final PolicyService service = new PolicyService(new Guardrails(DeploymentConfig.defaults()), new PolicyLinter(DeploymentConfig.defaults()));

    @Test
    void aTeamLearnsItsDocumentWouldBeRefusedAndWhereTheProblemIs() {
        JsonNode answer = lint(TEAM_A, TextNode.valueOf(EVERYTHING), null);

        assertTrue(answer.path("wouldBeRefused").asBoolean(), answer.toString());
        assertTrue(answer.path("reason").asText().startsWith("PolicyTooBroad: "), answer.toString());
        JsonNode fullAccess = finding(answer, "FULL_ACCESS");
        assertTrue(fullAccess.path("path").asText().startsWith("Statement[1]"), fullAccess.toString());
        int line = fullAccess.path("line").asInt();
        assertTrue(line >= 5 && line <= 8, "on the second statement's lines: " + fullAccess);
        assertTrue(fullAccess.path("column").asInt() >= 1);
    }

    @Test
    void anAdminSeesTheSameFindingsButWouldNotBeRefused() {
        JsonNode answer = lint(ADMIN, TextNode.valueOf(EVERYTHING), null);

        assertFalse(answer.path("wouldBeRefused").asBoolean());
        assertFalse(answer.has("reason"));
        assertEquals("SECURITY_WARNING", finding(answer, "FULL_ACCESS").path("level").asText());
    }

    @Test
    void theCallersTeamDecidesWhatIsOutsideIt() {
        String passOther = "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ram:PassRole\","
                + " \"Resource\": \"acs:ram:*:*:role/team-b-web\"}]}";

        JsonNode teamA = lint(TEAM_A, TextNode.valueOf(passOther), null);
        JsonNode teamB = lint(Caller.of("bob", "team-b"), TextNode.valueOf(passOther), null);

        assertEquals("SECURITY_WARNING", finding(teamA, "OUTSIDE_TEAM").path("level").asText());
        assertTrue(teamA.path("wouldBeRefused").asBoolean(), teamA.toString());
        assertFalse(teamB.path("wouldBeRefused").asBoolean(), "its own role: " + teamB);
    }

    @Test
    void aMissingElementIsPlacedAtTheElementThatShouldHoldIt() {
        String text = "{\"Version\": \"1\",\n \"Statement\": [\n  {\"Effect\": \"Allow\",\n   \"Resource\": \"*\"}]}";

        JsonNode missing = finding(lint(TEAM_A, TextNode.valueOf(text), null), "MISSING_ACTION");

        assertEquals(3, missing.path("line").asInt(), "the statement that lacks Action starts on line 3: " + missing);
        assertEquals(3, missing.path("column").asInt());
    }

    @Test
    void aKeyIsPlacedAtItsOwnLine() {
        String text = "{\n  \"Version\": \"2\",\n  \"Statement\": []\n}";

        JsonNode answer = lint(TEAM_A, TextNode.valueOf(text), null);

        assertEquals(2, finding(answer, "INVALID_VERSION").path("line").asInt());
        assertEquals(3, finding(answer, "MISSING_STATEMENT").path("line").asInt());
        assertTrue(answer.path("reason").asText().startsWith("PolicyInvalid: "), answer.toString());
    }

    @Test
    void textThatIsNotJsonIsPlacedWhereItStopsBeingJson() {
        String text = "{\"Version\": \"1\",\n \"Statement\": [\n  {\"Effect\": \"Allow\" \"Action\": \"*\"}]}";

        JsonNode syntax = finding(lint(TEAM_A, TextNode.valueOf(text), null), "JSON_SYNTAX");

        assertEquals(3, syntax.path("line").asInt(), syntax.toString());
        assertEquals(22, syntax.path("column").asInt(), "at the second key, where a comma is missing: " + syntax);
    }

    @Test
    void textAfterTheDocumentIsPlacedAtThatText() {
        JsonNode syntax = finding(lint(TEAM_A, TextNode.valueOf("{\"Version\": \"1\", \"Statement\": []}\n[]"), null), "JSON_SYNTAX");

        assertEquals(2, syntax.path("line").asInt(), syntax.toString());
    }

    @Test
    void aDocumentSentAsAnObjectHasNoTextToPlaceFindingsIn() throws Exception {
        JsonNode answer = lint(TEAM_A, JSON.readTree(EVERYTHING), null);

        JsonNode fullAccess = finding(answer, "FULL_ACCESS");
        assertFalse(fullAccess.has("line"), fullAccess.toString());
        assertTrue(answer.path("wouldBeRefused").asBoolean());
    }

    @Test
    void aCleanDocumentUnderAnotherTeamsNameWouldBeRefusedByTheNameRule() {
        String clean = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"acs:oss:*:*:logs/*\"}]}";

        JsonNode own = lint(TEAM_A, TextNode.valueOf(clean), "team-a-logs");
        JsonNode foreign = lint(TEAM_A, TextNode.valueOf(clean), "team-b-logs");

        assertFalse(own.path("wouldBeRefused").asBoolean(), own.toString());
        assertEquals(0, own.path("findings").size());
        assertTrue(foreign.path("reason").asText().startsWith("Forbidden: "), foreign.toString());
    }

    @Test
    void aDocumentThatIsNeitherObjectNorTextIsABadRequest() {
        DomainException e = assertThrows(DomainException.class, () -> LintRequest.of(JSON.getNodeFactory().numberNode(1), null));
        assertEquals(ErrorCode.InvalidParameter, e.code());
    }

    private JsonNode lint(Caller caller, JsonNode document, String policyName) {
        return JSON.valueToTree(service.lint(caller, LintRequest.of(document, policyName == null ? null : PolicyName.of(policyName))));
    }

    private static JsonNode finding(JsonNode answer, String code) {
        for (JsonNode finding : answer.path("findings")) {
            if (code.equals(finding.path("code").asText())) {
                return finding;
            }
        }
        throw new AssertionError("no " + code + " finding in " + answer);
    }
}
