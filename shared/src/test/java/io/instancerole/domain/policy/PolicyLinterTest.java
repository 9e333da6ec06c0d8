package io.instancerole.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import io.instancerole.domain.config.DeploymentConfig;
import io.instancerole.domain.model.Caller;
import io.instancerole.policy.PolicyDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyLinterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Caller TEAM_A = Caller.of("alice", "team-a");
    private static final Caller ADMIN = Caller.of("root", "platform");
    private final PolicyLinter linter = new PolicyLinter(DeploymentConfig.defaults());

    /** The policy pasted from old console documentation, as in the issue. */
    private static final String OLD_CONSOLE_POLICY = q("{'Version': '2016-10-17', 'Statement': [{'Effect': 'Allow',"
            + " 'Action': ['ecs: CreateInstance', 'ecs:DescribeInstances', 'ram:PassRole'], 'Resource': '*'}]}");

    @Test
    void policyFromOldConsoleDocsGetsVersionFormatAndPassRoleFindings() {
        List<String> expected = List.of(
                "ERROR INVALID_VERSION Version",
                "ERROR INVALID_ACTION_FORMAT Statement[0].Action[0]",
                "SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE Statement[0].Resource");
        assertEquals(expected, summary(lint(OLD_CONSOLE_POLICY)));
        assertEquals(expected, summary(linter.lint(TextNode.valueOf(OLD_CONSOLE_POLICY), TEAM_A)), "same as a string");
    }

    @Test
    void oldConsolePolicyMessagesSayHowToFixIt() {
        List<Finding> findings = lint(OLD_CONSOLE_POLICY).findings();
        assertContains(findings.get(0).message(), "\"2016-10-17\"", "\"Version\": \"1\"");
        assertContains(findings.get(1).message(), "\"ecs: CreateInstance\"", "write \"ecs:CreateInstance\"");
        assertContains(findings.get(2).message(), "ram:PassRole", "every role (\"*\")",
                "\"Resource\": [\"acs:ram:*:<account-id>:role/<role-name>\"]");
    }

    @Test
    void theWorkflowsOwnGrantHasNoFindings() {
        String unconditioned = "{'Version': '1', 'Statement': ["
                + "{'Effect': 'Allow', 'Action': 'ram:PassRole', 'Resource': ['acs:ram:*:123456789012:role/team-a-web',"
                + " 'acs:ram:*:123456789012:role/team-a-batch']},"
                + "{'Effect': 'Allow', 'Action': ['ecs:AttachInstanceRamRole', 'ecs:DetachInstanceRamRole',"
                + " 'ecs:DescribeInstanceRamRole', 'ecs:DescribeInstances'], 'Resource': '*'}]}";
        assertEquals(List.of(), linter.lint(json(unconditioned), ADMIN).findings(), "an admin's grant may be unconditioned");
        assertEquals(List.of("SECURITY_WARNING OUTSIDE_TEAM Statement[1].Action[0]",
                "SECURITY_WARNING OUTSIDE_TEAM Statement[1].Action[1]"), summary(lint(unconditioned)));
        String conditioned = unconditioned.replace("'Resource': '*'}]}",
                "'Resource': '*', 'Condition': {'StringEquals': {'acs:ResourceTag/team': 'team-a'}}}]}");
        assertEquals(List.of(), lint(conditioned).findings(), "a team's grant limited to its instances");
    }

    static Stream<Arguments> findingsAndTheirPaths() {
        return Stream.of(
                // ERROR
                row("{'Statement': [" + OK + "]}", "ERROR INVALID_VERSION Version"),
                row("{'Version': '2012-10-17', 'Statement': [" + OK + "]}", "ERROR INVALID_VERSION Version"),
                row("{'Version': 1, 'Statement': [" + OK + "]}", "ERROR INVALID_VERSION Version"),
                row("{'Version': '1'}", "ERROR MISSING_STATEMENT Statement"),
                row("{'Version': '1', 'Statement': []}", "ERROR MISSING_STATEMENT Statement"),
                row("{'Version': '1', 'Statement': [" + OK + ", 'Allow']}", "ERROR INVALID_STATEMENT Statement[1]"),
                row(statement("'Effect': 'Permit', 'Action': 'ecs:DescribeInstances', 'Resource': '*'"),
                        "ERROR INVALID_EFFECT Statement[0].Effect"),
                row(statement("'Effect': 'allow', 'Action': 'ecs:DescribeInstances', 'Resource': '*'"),
                        "ERROR INVALID_EFFECT Statement[0].Effect"),
                row(statement("'Action': 'ecs:DescribeInstances', 'Resource': '*'"),
                        "ERROR INVALID_EFFECT Statement[0].Effect"),
                row(statement("'Effect': 'Allow', 'Resource': '*'"), "ERROR MISSING_ACTION Statement[0].Action"),
                row(statement("'Effect': 'Allow', 'Action': [], 'Resource': '*'"),
                        "ERROR MISSING_ACTION Statement[0].Action"),
                row(statement("'Effect': 'Allow', 'Action': 'ecs:StartInstance', 'NotAction': 'ecs:DeleteInstance',"
                        + " 'Resource': '*'"), "ERROR ACTION_AND_NOT_ACTION Statement[0]"),
                row(statement("'Effect': 'Allow', 'Action': 'ecs: CreateInstance', 'Resource': '*'"),
                        "ERROR INVALID_ACTION_FORMAT Statement[0].Action"),
                row(statement("'Effect': 'Allow', 'Action': ['ecs:StartInstance', 'ecs:StopInstance',"
                        + " 'DescribeInstances'], 'Resource': '*'"), "ERROR INVALID_ACTION_FORMAT Statement[0].Action[2]"),
                row(statement("'Effect': 'Allow', 'Action': ['ecs::StartInstance'], 'Resource': '*'"),
                        "ERROR INVALID_ACTION_FORMAT Statement[0].Action[0]"),
                row(statement("'Effect': 'Allow', 'Action': [7], 'Resource': '*'"),
                        "ERROR INVALID_ACTION_FORMAT Statement[0].Action[0]"),
                row(statement("'Effect': 'Allow', 'Action': 'ecs:StartInstance'"),
                        "ERROR MISSING_RESOURCE Statement[0].Resource"),
                row(statement("'Effect': 'Allow', 'Action': 'ecs:StartInstance', 'Resource': []"),
                        "ERROR MISSING_RESOURCE Statement[0].Resource"),
                row(statement("'Effect': 'Allow', 'Action': 'ecs:StartInstance', 'Resource': '*',"
                        + " 'NotResource': 'acs:ecs:*:*:instance/i-1'"), "ERROR RESOURCE_AND_NOT_RESOURCE Statement[0]"),
                row(statement("'Effect': 'Allow', 'Action': 'ecs:StartInstance',"
                        + " 'Resource': ['acs:ecs:*:*:instance/i-1', 'acs:ecs:cn-hangzhou:instance/i-2']"),
                        "ERROR INVALID_ARN Statement[0].Resource[1]"),
                row(statement("'Effect': 'Allow', 'Action': 'oss:GetObject', 'Resource': 'arn:aws:s3:::bucket/*'"),
                        "ERROR INVALID_ARN Statement[0].Resource"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:GetRole', 'Resource': 'acs:ram:*:my-account:role/x'"),
                        "ERROR INVALID_ARN Statement[0].Resource"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:GetRole', 'Resource': 'acs:ram:*:*:'"),
                        "ERROR INVALID_ARN Statement[0].Resource"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:GetRole', 'Resource': 'acs:ram:*:*:role/ x'"),
                        "ERROR INVALID_ARN Statement[0].Resource"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:GetRole', 'Resource': '*',"
                        + " 'Condition': {'ArnLike': {'acs:SourceArn': 'x'}}"),
                        "ERROR INVALID_CONDITION_OPERATOR Statement[0].Condition.ArnLike"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:GetRole', 'Resource': '*',"
                        + " 'Condition': {'IpAddress': {'acs:SourceIp': '10.0.0.0/8'}, 'stringequals': {'k': 'v'}}"),
                        "ERROR INVALID_CONDITION_OPERATOR Statement[0].Condition.stringequals"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:GetRole', 'Resource': '*', 'Condition': 'yes'"),
                        "ERROR INVALID_CONDITION Statement[0].Condition"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:GetRole', 'Resource': '*',"
                        + " 'Condition': {'Bool': {'acs:SecureTransport': {'x': 1}}}"),
                        "ERROR INVALID_CONDITION Statement[0].Condition.Bool.acs:SecureTransport"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:GetRole', 'Resource': '*',"
                        + " 'Principal': {'Service': 'ecs.aliyuncs.com'}"), "ERROR UNKNOWN_ELEMENT Statement[0].Principal"),
                row(statement("'Sid': 'read', 'Effect': 'Allow', 'Action': 'ram:GetRole', 'Resource': '*'"),
                        "ERROR UNKNOWN_ELEMENT Statement[0].Sid"),
                row("{'Version': '1', 'Id': 'x', 'Statement': [" + OK + "]}", "ERROR UNKNOWN_ELEMENT Id"),
                row("{'Version': '1', 'statement': [" + OK + "]}", "ERROR UNKNOWN_ELEMENT statement"),
                row(tooLarge(), "ERROR DOCUMENT_TOO_LARGE "),
                // SECURITY_WARNING
                row(statement("'Effect': 'Allow', 'Action': '*', 'Resource': '*'"),
                        "SECURITY_WARNING FULL_ACCESS Statement[0].Action"),
                row(statement("'Effect': 'Allow', 'Action': ['ecs:DescribeInstances', '*:*'], 'Resource': ['*']"),
                        "SECURITY_WARNING FULL_ACCESS Statement[0].Action[1]"),
                row(statement("'Effect': 'Allow', 'Action': '*', 'NotResource': 'acs:oss:*:*:secrets/*'"),
                        "SECURITY_WARNING FULL_ACCESS Statement[0].Action"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:PassRole', 'Resource': '*'"),
                        "SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE Statement[0].Resource"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:PassRole', 'Resource': ['acs:ram:*:*:role/a',"
                        + " 'acs:ram:*:*:role/*']"), "SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE Statement[0].Resource[1]"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:PassRole', 'Resource': 'acs:ram:*:123456789012:role/*'"),
                        "SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE Statement[0].Resource"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:Pass*', 'Resource': 'acs:ram:*:*:*'"),
                        "SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE Statement[0].Resource"),
                row(statement("'Effect': 'Allow', 'Action': '*', 'Resource': 'acs:ram:*:*:role/*'"),
                        "SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE Statement[0].Resource"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:PassRole', 'NotResource': 'acs:ram:*:*:role/admin'"),
                        "SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE Statement[0].NotResource"),
                row(statement("'Effect': 'Allow', 'NotAction': 'oss:*', 'Resource': '*'"),
                        "SECURITY_WARNING FULL_ACCESS Statement[0].NotAction"),
                row(statement("'Effect': 'Allow', 'Action': ['ecs:StartInstance', 'ram:CreateUser'], 'Resource': '*'"),
                        "SECURITY_WARNING PRIVILEGE_ESCALATION Statement[0].Action[1]"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:Attach*', 'Resource': 'acs:ram:*:*:*'"),
                        "SECURITY_WARNING PRIVILEGE_ESCALATION Statement[0].Action"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:*', 'Resource': '*'"),
                        "SECURITY_WARNING PRIVILEGE_ESCALATION Statement[0].Action"),
                row(statement("'Effect': 'Allow', 'Action': 'sts:AssumeRole', 'Resource': '*'"),
                        "SECURITY_WARNING PRIVILEGE_ESCALATION Statement[0].Action"),
                row(statement("'Effect': 'Allow', 'NotAction': 'oss:*', 'Resource': 'acs:ram:*:*:*'"),
                        "SECURITY_WARNING PRIVILEGE_ESCALATION Statement[0].NotAction"),
                // WARNING
                row(statement("'Effect': 'Allow', 'Action': ['oss:GetObject', 'oss:*'], 'Resource': '*'"),
                        "WARNING SERVICE_WILDCARD Statement[0].Action[1]"),
                row(statement("'Effect': 'Allow', 'Action': '*', 'Resource': 'acs:oss:*:*:*'"),
                        "WARNING SERVICE_WILDCARD Statement[0].Action"),
                row(statement("'Effect': 'Allow', 'Action': ['ecs:DescribeInstances', 'ECS:describeinstances'],"
                        + " 'Resource': '*'"), "WARNING DUPLICATE_ACTION Statement[0].Action[1]"),
                row(statement("'Effect': 'Deny', 'Action': ['ecs:DeleteInstance', 'ecs:DeleteInstance'], 'Resource': '*'"),
                        "WARNING DUPLICATE_ACTION Statement[0].Action[1]"),
                // SUGGESTION
                row(statement("'Effect': 'Allow', 'Action': 'ecs:DetachInstanceRAMRole', 'Resource': '*'"),
                        "SUGGESTION ACTION_CASE Statement[0].Action"),
                row(statement("'Effect': 'Allow', 'Action': ['ecs:DescribeInstances', 'RAM:getrole'], 'Resource': '*'"),
                        "SUGGESTION ACTION_CASE Statement[0].Action[1]"));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("findingsAndTheirPaths")
    void eachCheckFlagsTheElementItIsAbout(String document, String expected) {
        assertTrue(summary(lint(document)).contains(expected), () -> expected + " not in " + lint(document).findings());
    }

    static Stream<Arguments> documentsThatMustNotGetAFinding() {
        return Stream.of(
                row("{'Version': '1', 'Statement': [" + OK + "]}", "INVALID_VERSION"),
                row("{'Version': '1', 'Statement': " + OK + "}", "INVALID_STATEMENT"), // RAM takes one value for a list
                row(statement("'Effect': 'Allow', 'Action': ['ecs:Describe*', 'ecs:CreateInstance'], 'Resource': '*'"),
                        "INVALID_ACTION_FORMAT"),
                row(statement("'Effect': 'Allow', 'Action': '*', 'Resource': 'acs:oss:*:*:bucket/*'"),
                        "INVALID_ACTION_FORMAT"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:GetRole', 'Resource': ['acs:ram::123456789012:role/x',"
                        + " 'acs:ram:*:*:role/team-a-*', 'acs:oss:*:*:my-bucket/logs/*', 'acs:ecs:cn-*:*:instance/i-?']"),
                        "INVALID_ARN"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:GetRole', 'Resource': '*',"
                        + " 'Condition': {'StringEquals': {'acs:SourceVpc': 'vpc-1'}, 'NumericLessThanEquals': {'k': 3},"
                        + " 'DateLessThan': {'acs:CurrentTime': '2030-01-01T00:00:00Z'}, 'Bool': {'acs:MFAPresent': true}}"),
                        "INVALID_CONDITION_OPERATOR"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:PassRole',"
                        + " 'Resource': 'acs:ram:*:123456789012:role/team-a-*'"), "PASS_ROLE_WITH_STAR_IN_RESOURCE"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:PassRole', 'Resource': 'acs:ram:*:*:role/EcsRole'"),
                        "PASS_ROLE_WITH_STAR_IN_RESOURCE"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:PassRole', 'Resource': 'acs:ram:*:*:role/?'"),
                        "PASS_ROLE_WITH_STAR_IN_RESOURCE"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:PassRole', 'NotResource': 'acs:ram:*:*:role/*'"),
                        "PASS_ROLE_WITH_STAR_IN_RESOURCE"),
                row(statement("'Effect': 'Allow', 'NotAction': ['ram:*', 'sts:*'], 'Resource': '*'"),
                        "PASS_ROLE_WITH_STAR_IN_RESOURCE"),
                row(statement("'Effect': 'Allow', 'NotAction': ['ram:*', 'sts:*'], 'Resource': '*'"),
                        "PRIVILEGE_ESCALATION"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:Get*', 'Resource': '*'"), "PASS_ROLE_WITH_STAR_IN_RESOURCE"),
                row(statement("'Effect': 'Allow', 'Action': ['ram:Get*', 'ram:List*'], 'Resource': '*'"),
                        "PRIVILEGE_ESCALATION"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:*', 'Resource': 'acs:ram:*:*:role/team-a-*'"),
                        "PRIVILEGE_ESCALATION"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:*', 'Resource': 'acs:ram:*:*:role/team-a-*'"),
                        "SERVICE_WILDCARD"),
                row(statement("'Effect': 'Allow', 'Action': 'sts:AssumeRole', 'Resource': 'acs:ram:*:*:role/team-a-ci'"),
                        "PRIVILEGE_ESCALATION"),
                row(statement("'Effect': 'Allow', 'Action': 'oss:*', 'Resource': 'acs:oss:*:*:my-bucket/*'"),
                        "SERVICE_WILDCARD"),
                row(statement("'Effect': 'Allow', 'Action': 'oss:Get*', 'Resource': '*'"), "SERVICE_WILDCARD"),
                row(statement("'Effect': 'Allow', 'Action': 'ram:*', 'Resource': '*'"), "SERVICE_WILDCARD"),
                row(statement("'Effect': 'Allow', 'Action': ['ecs:StartInstance', 'ecs:StopInstance'], 'Resource': '*'"),
                        "DUPLICATE_ACTION"),
                row(statement("'Effect': 'Allow', 'Action': ['ecs:DetachInstanceRamRole', 'oss:getobject'], 'Resource': '*'"),
                        "ACTION_CASE"));
    }

    @ParameterizedTest(name = "no {1} for {0}")
    @MethodSource("documentsThatMustNotGetAFinding")
    void checksDoNotFlagWhatIsFine(String document, String code) {
        List<Finding> findings = lint(document).findings();
        assertFalse(findings.stream().anyMatch(f -> f.code().equals(code)), () -> code + " in " + findings);
        assertFalse(findings.stream().anyMatch(f -> f.level() == FindingLevel.ERROR), () -> "an error in " + findings);
    }

    static Stream<String> denyStatements() {
        return Stream.of("'Action': '*', 'Resource': '*'", "'Action': 'ram:PassRole', 'Resource': '*'",
                "'Action': ['ram:*', 'sts:AssumeRole'], 'Resource': '*'", "'Action': 'oss:*', 'Resource': '*'",
                "'NotAction': 'ecs:Describe*', 'NotResource': 'acs:ecs:*:*:instance/i-1'");
    }

    @ParameterizedTest
    @MethodSource("denyStatements")
    void anExplicitDenyIsNeverFlagged(String elements) {
        assertEquals(List.of(), lint(statement("'Effect': 'Deny', " + elements)).findings());
    }

    @Test
    void fullAccessIsTheOnlyBreadthFindingOfItsStatement() {
        assertEquals(List.of("SECURITY_WARNING FULL_ACCESS Statement[0].Action[0]"),
                summary(lint(statement("'Effect': 'Allow', 'Action': ['*', 'ram:PassRole', 'oss:*'], 'Resource': '*'"))));
    }

    @Test
    void ramStarOnStarIsBothPassRoleAndEscalationEachAtTheElementToChange() {
        assertEquals(List.of("SECURITY_WARNING PRIVILEGE_ESCALATION Statement[0].Action",
                        "SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE Statement[0].Resource"),
                summary(lint(statement("'Effect': 'Allow', 'Action': 'ram:*', 'Resource': '*'"))));
    }

    @Test
    void aConditionedStatementIsStillFlaggedAndTheMessageSaysSo() {
        List<Finding> findings = lint(statement("'Effect': 'Allow', 'Action': 'ram:PassRole', 'Resource': '*',"
                + " 'Condition': {'IpAddress': {'acs:SourceIp': ['10.0.0.0/8']}}")).findings();
        assertEquals(1, findings.size(), findings::toString);
        assertEquals("PASS_ROLE_WITH_STAR_IN_RESOURCE", findings.get(0).code());
        assertContains(findings.get(0).message(), "has a Condition");

        String unconditioned = lint(statement("'Effect': 'Allow', 'Action': 'ram:PassRole', 'Resource': '*'"))
                .findings().get(0).message();
        assertFalse(unconditioned.contains("Condition"), unconditioned);
    }

    @Test
    void aConditionDoesNotRemoveAnError() {
        assertEquals(List.of("ERROR INVALID_ACTION_FORMAT Statement[0].Action"),
                summary(lint(statement("'Effect': 'Allow', 'Action': 'ecs: StartInstance', 'Resource': '*',"
                        + " 'Condition': {'Bool': {'acs:SecureTransport': 'true'}}"))));
    }

    static Stream<Arguments> messagesThatSuggestTheFix() {
        return Stream.of(
                Arguments.of(statement("'Effect': 'Allow', 'Action': 'ecs:DetachInstanceRAMRole', 'Resource': '*'"),
                        "ACTION_CASE", "\"ecs:DetachInstanceRamRole\""),
                Arguments.of(statement("'Effect': 'allow', 'Action': 'ram:GetRole', 'Resource': '*'"),
                        "INVALID_EFFECT", "write \"Allow\""),
                Arguments.of(statement("'Effect': 'Allow', 'Action': 'DescribeInstances', 'Resource': '*'"),
                        "INVALID_ACTION_FORMAT", "<service>:<Action>"),
                Arguments.of(statement("'Effect': 'Allow', 'Action': 'ram:GetRole', 'Resource': 'acs:ram:*:*:role/ x'"),
                        "INVALID_ARN", "write \"acs:ram:*:*:role/x\""),
                Arguments.of(statement("'Effect': 'Allow', 'Action': 'ram:GetRole', 'Resource': 'acs:ram:role/x'"),
                        "INVALID_ARN", "acs:<service>:<region>:<account-id>:<relative-id>"),
                Arguments.of(statement("'Effect': 'Allow', 'Action': 'ram:GetRole', 'Resource': '*',"
                        + " 'Condition': {'stringequals': {'k': 'v'}}"), "INVALID_CONDITION_OPERATOR", "write \"StringEquals\""),
                Arguments.of(statement("'Effect': 'Allow', 'Action': 'ram:GetRole', 'Resource': '*',"
                        + " 'Condition': {'StringEqualsIfExists': {'k': 'v'}}"), "INVALID_CONDITION_OPERATOR",
                        "write \"StringEquals\""),
                Arguments.of(statement("'Effect': 'Allow', 'Action': 'ram:GetRole', 'Resource': '*',"
                        + " 'Principal': {'Service': ['ecs.aliyuncs.com']}"), "UNKNOWN_ELEMENT", "trust policy"),
                Arguments.of("{'Version': '1', 'statement': []}", "UNKNOWN_ELEMENT", "write \"Statement\""),
                Arguments.of(statement("'Effect': 'Allow', 'Action': 'ram:CreateAccessKey', 'Resource': '*'"),
                        "PRIVILEGE_ESCALATION", "ram:CreateAccessKey is allowed on every RAM resource (\"*\")"),
                Arguments.of(statement("'Effect': 'Allow', 'Action': 'ram:CreateAccessKey', 'Resource': 'acs:ram:*:*:user/*'"),
                        "PRIVILEGE_ESCALATION", "ram:CreateAccessKey is allowed on every user (\"acs:ram:*:*:user/*\")"),
                Arguments.of(statement("'Effect': 'Allow', 'Action': '*', 'Resource': 'acs:ram:*:*:*'"),
                        "PRIVILEGE_ESCALATION", "\"*\" allows ram:CreateUser, ram:UpdateUser, ram:DeleteUser and 37 more on"
                                + " every RAM resource (\"acs:ram:*:*:*\")"),
                Arguments.of(statement("'Effect': 'Allow', 'Action': 'oss:*', 'Resource': '*'"),
                        "SERVICE_WILDCARD", "every oss action on every oss resource"),
                Arguments.of(statement("'Effect': 'Allow', 'Action': ['oss:GetObject', 'oss:getobject'], 'Resource': '*'"),
                        "DUPLICATE_ACTION", "already listed at Statement[0].Action[0]"),
                Arguments.of(tooLarge(), "DOCUMENT_TOO_LARGE", "at most 6144"),
                Arguments.of("{'Statement': []}", "INVALID_VERSION", "add \"Version\": \"1\""));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("messagesThatSuggestTheFix")
    void messagesSuggestTheFix(String document, String code, String expectedText) {
        Finding finding = lint(q(document)).findings().stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in " + lint(q(document)).findings()));
        assertContains(finding.message(), expectedText);
    }

    @Test
    void ramStarMessageNamesSomeActionsAndHowManyMore() {
        // ram:* grants all 37 identity-changing RAM actions on "*"; sts:AssumeRole is not granted by ram:*
        Finding finding = lint(statement("'Effect': 'Allow', 'Action': ['ram:*', 'sts:*'], 'Resource': '*'"))
                .findings().get(0);
        assertEquals("Statement[0].Action[0]", finding.path());
        assertContains(finding.message(), "ram:CreateUser, ram:UpdateUser, ram:DeleteUser and 34 more");
        assertFalse(finding.message().contains("sts:AssumeRole"), finding.message());
    }

    @Test
    void textThatIsNotJsonIsOneSyntaxErrorWithLineAndColumn() {
        LintResult result = linter.lint(TextNode.valueOf("{\n  \"Version\": \"1\",\n  \"Statement\": [,]\n}"), TEAM_A);
        assertEquals(List.of("ERROR JSON_SYNTAX "), summary(result));
        assertContains(result.findings().get(0).message(), "line 3, column");
        assertNull(result.minifiedDocument());
    }

    static Stream<Arguments> notAPolicyObject() {
        return Stream.of(
                Arguments.of(TextNode.valueOf(""), "empty"),
                Arguments.of(TextNode.valueOf("{\"Version\": \"1\", \"Version\": \"1\"}"), "Duplicate field 'Version'"),
                Arguments.of(TextNode.valueOf("{\"Version\": \"1\"} {}"), "unexpected text after the end"),
                Arguments.of(TextNode.valueOf("[1, 2]"), "an array, not a JSON object"),
                Arguments.of(JSON.createArrayNode(), "an array, not a JSON object"),
                Arguments.of(JSON.nullNode(), "no document"),
                Arguments.of(null, "no document"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("notAPolicyObject")
    void whatIsNotAJsonObjectIsASyntaxError(JsonNode document, String expectedText) {
        LintResult result = linter.lint(document, TEAM_A);
        assertEquals(List.of("ERROR JSON_SYNTAX "), summary(result));
        assertContains(result.findings().get(0).message(), expectedText);
        assertNull(result.minifiedDocument());
    }

    @Test
    void theMinifiedDocumentIsCompactJsonInTheOriginalKeyOrder() {
        String pretty = "{\n  \"Statement\": [ { \"Effect\": \"Allow\",\n \"Action\": \"ecs:DescribeInstances\","
                + " \"Resource\": \"*\" } ],\n  \"Version\": \"1\"\n}\n";
        String compact = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecs:DescribeInstances\",\"Resource\":\"*\"}],"
                + "\"Version\":\"1\"}";
        assertEquals(compact, linter.lint(TextNode.valueOf(pretty), TEAM_A).minifiedDocument());
        assertEquals(compact, lint(pretty).minifiedDocument());
    }

    @Test
    void sizeIsCountedOnTheMinifiedText() {
        String exactlyAtLimit = padded(PolicyDocument.MAX_DOCUMENT_LENGTH);
        LintResult atLimit = linter.lint(TextNode.valueOf(exactlyAtLimit.replace(",", ",\n    ")), TEAM_A);
        assertEquals(PolicyDocument.MAX_DOCUMENT_LENGTH, atLimit.minifiedDocument().length());
        assertEquals(List.of(), atLimit.findings());
        assertEquals(List.of("ERROR DOCUMENT_TOO_LARGE "),
                summary(lint(padded(PolicyDocument.MAX_DOCUMENT_LENGTH + 1))));
    }

    @Test
    void findingsComeInDocumentOrderWhateverTheOrderOfTheChecks() {
        String document = q("{'Statement': [{'Resource': '*', 'Effect': 'Allow', 'Action': ['ram:PassRole', 'ecs: X']},"
                + " {'Effect': 'Allow', 'Action': 'ecs:DescribeInstances'}], 'Version': '2'}");
        List<String> expected = List.of(
                "SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE Statement[0].Resource",
                "ERROR INVALID_ACTION_FORMAT Statement[0].Action[1]",
                "ERROR MISSING_RESOURCE Statement[1].Resource",
                "ERROR INVALID_VERSION Version");
        assertEquals(expected, summary(lint(document)));
        assertEquals(lint(document).findings(), lint(document).findings(), "deterministic");
    }

    @Test
    void missingElementsAreReportedBeforeWhatIsInsideTheirObject() {
        assertEquals(List.of("ERROR INVALID_VERSION Version", "ERROR MISSING_STATEMENT Statement",
                        "ERROR UNKNOWN_ELEMENT Id"),
                summary(lint("{'Id': 'x'}")));
    }

    @Test
    void levelsCanBeAskedFor() {
        LintResult result = lint(OLD_CONSOLE_POLICY);
        assertTrue(result.has(FindingLevel.ERROR));
        assertTrue(result.has(FindingLevel.SECURITY_WARNING));
        assertFalse(result.has(FindingLevel.SUGGESTION));
        assertNotNull(result.minifiedDocument());
    }

    // --- helpers ---

    private static final String OK = "{'Effect': 'Allow', 'Action': 'ecs:DescribeInstances', 'Resource': '*'}";

    private LintResult lint(String singleQuotedJson) {
        return linter.lint(json(singleQuotedJson), TEAM_A);
    }

    private static JsonNode json(String singleQuotedJson) {
        try {
            return JSON.readTree(q(singleQuotedJson));
        } catch (JsonProcessingException e) {
            throw new AssertionError("bad test document: " + singleQuotedJson, e);
        }
    }

    private static String statement(String elements) {
        return "{'Version': '1', 'Statement': [{" + elements + "}]}";
    }

    private static Arguments row(String document, String expected) {
        return Arguments.of(document, expected);
    }

    /** A valid document of exactly {@code length} characters when minified. */
    private static String padded(int length) {
        String head = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecs:DescribeInstances\","
                + "\"Resource\":\"acs:oss:*:*:b/";
        String tail = "\"}]}";
        return head + "x".repeat(length - head.length() - tail.length()) + tail;
    }

    private static String tooLarge() {
        return q(padded(PolicyDocument.MAX_DOCUMENT_LENGTH + 100));
    }

    private static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static List<String> summary(LintResult result) {
        return result.findings().stream().map(f -> f.level() + " " + f.code() + " " + f.path())
                .collect(Collectors.toList());
    }

    private static void assertContains(String actual, String... expected) {
        for (String text : expected) assertTrue(actual.contains(text), () -> "\"" + text + "\" not in: " + actual);
    }
}
