package io.instancerole.policy;

import static io.instancerole.policy.PolicyTestJson.json;
import static io.instancerole.policy.PolicyTestJson.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.policy.Decision.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {
    private static final String INSTANCE = "acs:ecs:cn-hangzhou:1234567890123456:instance/i-abc";
    private static final String ROLE = "acs:ram::1234567890123456:role/team-a-web";
    private static final String ALLOW_ALL = "{'Effect':'Allow','Action':'*','Resource':'*'}";
    private static final String DENY_ALL = "{'Effect':'Deny','Action':'*','Resource':'*'}";

    private static Decision decide(String action, String resource, NamedPolicy... policies) {
        return PolicyEvaluator.evaluate(List.of(policies), new AuthorizationRequest(action, resource, Map.of()));
    }

    private static Decision decide(String action, String resource, JsonNode document) {
        return decide(action, resource, new NamedPolicy("p", document));
    }

    private static NamedPolicy named(String name, JsonNode document) {
        return new NamedPolicy(name, document);
    }

    @Test
    void allowStatementAllowsAndSaysWhich() {
        Decision decision = decide("ecs:DescribeInstances", INSTANCE,
                named("readers", policy(DENY_ALL.replace("'*','Resource'", "'oss:*','Resource'"), ALLOW_ALL)));
        assertEquals(Outcome.ALLOW, decision.outcome());
        assertTrue(decision.allowed());
        assertEquals("allowed by Statement[1] of policy readers", decision.explanation());
    }

    @Test
    void noPolicyIsAnImplicitDeny() {
        Decision decision = decide("ecs:DescribeInstances", INSTANCE);
        assertEquals(Outcome.IMPLICIT_DENY, decision.outcome());
        assertFalse(decision.allowed());
    }

    @Test
    void nothingMatchingIsAnImplicitDenyNamingThePolicies() {
        Decision decision = decide("ecs:RunInstances", INSTANCE,
                named("a", policy("{'Effect':'Allow','Action':'ecs:Describe*','Resource':'*'}")),
                named("b", policy("{'Effect':'Allow','Action':'ram:*','Resource':'*'}")));
        assertEquals(Outcome.IMPLICIT_DENY, decision.outcome());
        assertEquals("implicitly denied: no statement of policy a, b allows it", decision.explanation());
    }

    @Test
    void denyBeatsAllowInTheSamePolicy() {
        Decision decision = decide("ecs:DescribeInstances", INSTANCE, named("mixed", policy(ALLOW_ALL, DENY_ALL)));
        assertEquals(Outcome.EXPLICIT_DENY, decision.outcome());
        assertEquals("explicitly denied by Statement[1] of policy mixed", decision.explanation());
    }

    @Test
    void denyBeatsAllowAcrossPolicies() {
        Decision decision = decide("ecs:DescribeInstances", INSTANCE,
                named("admin", policy(ALLOW_ALL)), named("deny-all", policy(DENY_ALL)));
        assertEquals(Outcome.EXPLICIT_DENY, decision.outcome());
        assertEquals("explicitly denied by Statement[0] of policy deny-all", decision.explanation());
    }

    @Test
    void denyThatDoesNotMatchLeavesTheAllow() {
        Decision decision = decide("ecs:DescribeInstances", INSTANCE, policy(ALLOW_ALL,
                "{'Effect':'Deny','Action':'ecs:Delete*','Resource':'*'}"));
        assertEquals(Outcome.ALLOW, decision.outcome());
    }

    @Test
    void singleStatementObjectIsTheStatement() {
        JsonNode document = json("{'Version':'1','Statement':" + DENY_ALL + "}");
        assertEquals("explicitly denied by Statement of policy p",
                decide("ecs:StartInstance", INSTANCE, document).explanation());
    }

    @Test
    void actionsAreComparedCaseInsensitively() {
        JsonNode document = policy("{'Effect':'Allow','Action':'ecs:DetachInstanceRAMRole','Resource':'*'}");
        assertTrue(decide("ecs:DetachInstanceRamRole", INSTANCE, document).allowed());
        assertTrue(decide("ECS:detachinstanceramrole", INSTANCE, document).allowed());
        assertFalse(decide("ecs:AttachInstanceRamRole", INSTANCE, document).allowed());
    }

    @Test
    void actionWildcards() {
        JsonNode describe = policy("{'Effect':'Allow','Action':'ecs:Describe*','Resource':'*'}");
        assertTrue(decide("ecs:DescribeInstances", INSTANCE, describe).allowed());
        assertTrue(decide("ecs:describeinstanceramrole", INSTANCE, describe).allowed());
        assertFalse(decide("ecs:RunInstances", INSTANCE, describe).allowed());
        assertFalse(decide("ram:DescribeThings", INSTANCE, describe).allowed());

        JsonNode oneChar = policy("{'Effect':'Allow','Action':'ecs:?ttachInstanceRamRole','Resource':'*'}");
        assertTrue(decide("ecs:AttachInstanceRamRole", INSTANCE, oneChar).allowed());
        assertFalse(decide("ecs:DetachInstanceRamRole", INSTANCE, oneChar).allowed());
    }

    @Test
    void actionListMatchesAnyEntry() {
        JsonNode document = policy("{'Effect':'Allow','Action':['ram:PassRole','ecs:AttachInstanceRamRole'],'Resource':'*'}");
        assertTrue(decide("ram:PassRole", ROLE, document).allowed());
        assertTrue(decide("ecs:AttachInstanceRamRole", INSTANCE, document).allowed());
        assertFalse(decide("ram:CreateRole", ROLE, document).allowed());
    }

    @Test
    void notActionAppliesToEveryOtherAction() {
        JsonNode document = policy("{'Effect':'Allow','NotAction':['ram:*'],'Resource':'*'}");
        assertTrue(decide("ecs:RunInstances", INSTANCE, document).allowed());
        assertEquals(Outcome.IMPLICIT_DENY, decide("ram:CreateRole", ROLE, document).outcome());
    }

    @Test
    void denyWithNotActionDeniesEverythingElse() {
        JsonNode document = policy(ALLOW_ALL, "{'Effect':'Deny','NotAction':'ecs:Describe*','Resource':'*'}");
        assertTrue(decide("ecs:DescribeInstances", INSTANCE, document).allowed());
        assertEquals(Outcome.EXPLICIT_DENY, decide("ecs:DeleteInstance", INSTANCE, document).outcome());
    }

    @Test
    void resourceWildcardsAndCase() {
        JsonNode document = policy("{'Effect':'Allow','Action':'ram:PassRole','Resource':'acs:ram:*:*:role/team-a-*'}");
        assertTrue(decide("ram:PassRole", "acs:ram::1234567890123456:role/team-a-web", document).allowed());
        assertTrue(decide("ram:PassRole", "ACS:RAM::1234567890123456:ROLE/Team-A-Web", document).allowed());
        assertTrue(decide("ram:PassRole", "acs:ram:cn-hangzhou:1234567890123456:role/team-a-", document).allowed());
        assertFalse(decide("ram:PassRole", "acs:ram::1234567890123456:role/team-b-web", document).allowed());
        assertFalse(decide("ram:PassRole", "acs:ram::1234567890123456:user/team-a-web", document).allowed());
    }

    @Test
    void resourceQuestionMarkIsOneCharacter() {
        JsonNode document = policy("{'Effect':'Allow','Action':'ecs:*','Resource':'acs:ecs:*:*:instance/i-ab?'}");
        assertTrue(decide("ecs:StartInstance", INSTANCE, document).allowed());
        assertFalse(decide("ecs:StartInstance", INSTANCE + "c", document).allowed());
    }

    @Test
    void resourceWithAccountMustMatchTheAccount() {
        JsonNode document = policy("{'Effect':'Allow','Action':'ram:PassRole','Resource':['acs:ram:*:999:role/*']}");
        assertFalse(decide("ram:PassRole", ROLE, document).allowed());
        assertTrue(decide("ram:PassRole", "acs:ram::999:role/x", document).allowed());
    }

    @Test
    void notResourceAppliesToEveryOtherResource() {
        JsonNode document = policy(ALLOW_ALL,
                "{'Effect':'Deny','Action':'ram:PassRole','NotResource':'acs:ram:*:*:role/team-a-*'}");
        assertTrue(decide("ram:PassRole", ROLE, document).allowed());
        Decision other = decide("ram:PassRole", "acs:ram::1234567890123456:role/admin", document);
        assertEquals(Outcome.EXPLICIT_DENY, other.outcome());
        assertEquals("explicitly denied by Statement[1] of policy p", other.explanation());
    }

    @Test
    void unsupportedConditionOperatorOnAllowIsNotEvaluableAndNamed() {
        Decision decision = decide("ecs:RunInstances", INSTANCE, named("team-a-x", policy(
                "{'Effect':'Allow','Action':'ram:*','Resource':'*'}",
                "{'Effect':'Allow','Action':'ecs:*','Resource':'*','Condition':{'StringFooBar':{'acs:SourceIp':'x'}}}")));
        assertEquals(Outcome.NOT_EVALUABLE, decision.outcome());
        assertFalse(decision.allowed());
        assertEquals("Statement[1] of policy team-a-x could not be evaluated: "
                + "condition operator \"StringFooBar\" is not supported", decision.explanation());
    }

    @Test
    void unsupportedOperatorOnDenyDeniesEvenWhenSomethingElseAllows() {
        Decision decision = decide("ecs:RunInstances", INSTANCE, named("admin", policy(ALLOW_ALL)),
                named("guard", policy(
                        "{'Effect':'Deny','Action':'ecs:*','Resource':'*','Condition':{'StringEqualsIfExists':{'ecs:tag/team':'b'}}}")));
        assertEquals(Outcome.NOT_EVALUABLE, decision.outcome());
        assertEquals("Statement[0] of policy guard could not be evaluated: "
                + "condition operator \"StringEqualsIfExists\" is not supported", decision.explanation());
    }

    @Test
    void explicitDenyIsReportedBeforeAnUnevaluableDeny() {
        Decision decision = decide("ecs:RunInstances", INSTANCE, policy(
                "{'Effect':'Deny','Action':'ecs:*','Resource':'*','Condition':{'Nope':{'k':'v'}}}", DENY_ALL));
        assertEquals(Outcome.EXPLICIT_DENY, decision.outcome());
        assertEquals("explicitly denied by Statement[1] of policy p", decision.explanation());
    }

    @Test
    void unevaluableAllowDoesNotTakeAwayAnotherAllow() {
        Decision decision = decide("ecs:RunInstances", INSTANCE, policy(
                "{'Effect':'Allow','Action':'ecs:*','Resource':'*','Condition':{'Nope':{'k':'v'}}}", ALLOW_ALL));
        assertEquals(Outcome.ALLOW, decision.outcome());
        assertEquals("allowed by Statement[1] of policy p", decision.explanation());
    }

    @Test
    void unevaluableStatementForAnotherActionDoesNotMatter() {
        JsonNode document = policy(ALLOW_ALL,
                "{'Effect':'Deny','Action':'oss:*','Resource':'*','Condition':{'Nope':{'k':'v'}}}");
        assertEquals(Outcome.ALLOW, decide("ecs:RunInstances", INSTANCE, document).outcome());
        assertEquals(Outcome.NOT_EVALUABLE, decide("oss:GetObject", "acs:oss:*:*:b/o", document).outcome());
    }

    @Test
    void conditionThatIsFalseSettlesTheStatementDespiteAnUnknownOperator() {
        JsonNode document = policy(ALLOW_ALL, "{'Effect':'Deny','Action':'*','Resource':'*','Condition':{"
                + "'Nope':{'k':'v'},'StringEquals':{'ecs:tag/team':'b'}}}");
        Decision decision = PolicyEvaluator.evaluate(List.of(new NamedPolicy("p", document)),
                new AuthorizationRequest("ecs:RunInstances", INSTANCE, Map.of("ecs:tag/team", List.of("a"))));
        assertEquals(Outcome.ALLOW, decision.outcome());
    }

    @Test
    void malformedConditionBlockIsNotEvaluable() {
        Decision decision = decide("ecs:RunInstances", INSTANCE, policy(
                "{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringEquals':'team-a'}}"));
        assertEquals(Outcome.NOT_EVALUABLE, decision.outcome());
        assertTrue(decision.explanation().startsWith("Statement[0] of policy p could not be evaluated: "
                + "Statement[0].Condition.StringEquals: the operator StringEquals takes an object"), decision.explanation());
    }

    @Test
    void conditionValueOfTheWrongShapeIsNotEvaluable() {
        Decision decision = decide("ecs:RunInstances", INSTANCE, policy(
                "{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringEquals':{'ecs:tag/team':{'a':1}}}}"));
        assertEquals(Outcome.NOT_EVALUABLE, decision.outcome());
    }

    @Test
    void misspelledConditionElementNeverAllows() {
        Decision decision = decide("ecs:RunInstances", INSTANCE, policy(
                "{'Effect':'Allow','Action':'*','Resource':'*','Conditon':{'StringEquals':{'k':'v'}}}"));
        assertEquals(Outcome.NOT_EVALUABLE, decision.outcome());
        assertTrue(decision.explanation().contains("\"Conditon\" is not an element of a statement"), decision.explanation());
    }

    @Test
    void statementWithoutEffectIsTreatedAsAPossibleDeny() {
        Decision decision = decide("ecs:RunInstances", INSTANCE, named("admin", policy(ALLOW_ALL)),
                named("broken", policy("{'Effect':'deny','Action':'*','Resource':'*'}")));
        assertEquals(Outcome.NOT_EVALUABLE, decision.outcome());
        assertEquals("Statement[0] of policy broken could not be evaluated: "
                + "Statement[0].Effect: \"deny\" is not an Effect (values are case-sensitive): write \"Deny\".", decision.explanation());
    }

    @Test
    void malformedActionNeverAllows() {
        Decision decision = decide("ecs:CreateInstance", INSTANCE, policy(
                "{'Effect':'Allow','Action':'ecs: CreateInstance','Resource':'*'}"));
        assertEquals(Outcome.NOT_EVALUABLE, decision.outcome());
    }

    @Test
    void missingResourceIsNotEvaluable() {
        Decision decision = decide("ecs:RunInstances", INSTANCE, policy("{'Effect':'Allow','Action':'*'}"));
        assertEquals(Outcome.NOT_EVALUABLE, decision.outcome());
        assertTrue(decision.explanation().contains("the statement has no Resource"), decision.explanation());
    }

    @Test
    void documentLevelProblemMakesThePolicyNotEvaluable() {
        Decision decision = decide("ecs:RunInstances", INSTANCE, named("old", json(
                "{'Version':'2016-10-17','Statement':[" + ALLOW_ALL + "]}")));
        assertEquals(Outcome.NOT_EVALUABLE, decision.outcome());
        assertEquals("policy old could not be evaluated: Version: Version is \"2016-10-17\", but RAM's policy language has only one"
                + " version, the string \"1\": write \"Version\": \"1\".",
                decision.explanation());
    }

    @Test
    void documentThatIsNotAnObjectIsNotEvaluable() {
        Decision decision = decide("ecs:RunInstances", INSTANCE, named("text", json("'{}'")));
        assertEquals(Outcome.NOT_EVALUABLE, decision.outcome());
    }

    @Test
    void principalInAnIdentityPolicyIsNotEvaluable() {
        Decision decision = decide("ecs:RunInstances", INSTANCE, policy(
                "{'Effect':'Allow','Action':'*','Resource':'*','Principal':{'RAM':'*'}}"));
        assertEquals(Outcome.NOT_EVALUABLE, decision.outcome());
    }
}
