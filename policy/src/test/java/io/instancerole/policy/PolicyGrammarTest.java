package io.instancerole.policy;

import static io.instancerole.policy.PolicyTestJson.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyGrammarTest {
    private static final String GOOD_STATEMENT = "{'Effect':'Allow','Action':'ecs:DescribeInstances','Resource':'*'}";

    private static Optional<String> permission(String singleQuoted) {
        return PolicyGrammar.checkPermissionPolicy(text(singleQuoted));
    }

    private static Optional<String> trust(String singleQuoted) {
        return PolicyGrammar.checkTrustPolicy(text(singleQuoted));
    }

    private static Optional<String> statement(String singleQuotedStatement) {
        return permission("{'Version':'1','Statement':[" + singleQuotedStatement + "]}");
    }

    private static void assertProblem(String expected, Optional<String> result) {
        assertEquals(Optional.of(expected), result);
    }

    private static void assertMentions(String fragment, Optional<String> result) {
        assertTrue(result.isPresent(), "expected a problem mentioning " + fragment);
        assertTrue(result.get().contains(fragment), result.get());
    }

    @Test
    void validPermissionPolicies() {
        assertEquals(Optional.empty(), statement(GOOD_STATEMENT));
        assertEquals(Optional.empty(), permission("{'Version':'1','Statement':" + GOOD_STATEMENT + "}"));
        assertEquals(Optional.empty(), statement("{'Effect':'Deny','NotAction':['ram:*','sts:AssumeRole'],"
                + "'NotResource':['acs:ram:*:*:role/team-a-*'],"
                + "'Condition':{'IpAddress':{'acs:SourceIp':['10.0.0.0/8']},'Bool':{'acs:SecureTransport':true}}}"));
        assertEquals(Optional.empty(), statement("{'Effect':'Allow','Action':'*','Resource':'acs:ecs:cn-hangzhou:123:instance/i-?b*'}"));
        assertEquals(Optional.empty(), statement("{'Effect':'Allow','Action':'ram:PassRole','Resource':'acs:ram:*:*:role/EcsRole'}"));
    }

    @Test
    void referenceBadExampleIsRejectedWithBothProblems() {
        Optional<String> result = permission("{'Version':'2016-10-17','Statement':[{'Effect':'Allow',"
                + "'Action':['ecs:AttachInstanceRamRole','ecs: CreateInstance','ecs:DetachInstanceRAMRole'],'Resource':'*'}]}");
        assertProblem("Version must be \"1\", got \"2016-10-17\"; "
                + "Statement[0].Action[1] 'ecs: CreateInstance' is not of the form <service>:<action> (it contains whitespace)",
                result);
    }

    @Test
    void versionRules() {
        assertProblem("Version is missing; it must be \"1\"", permission("{'Statement':[" + GOOD_STATEMENT + "]}"));
        assertProblem("Version must be \"1\", got 1", permission("{'Version':1,'Statement':[" + GOOD_STATEMENT + "]}"));
    }

    @Test
    void statementRules() {
        assertProblem("Statement is missing", permission("{'Version':'1'}"));
        assertProblem("Statement must not be an empty list", permission("{'Version':'1','Statement':[]}"));
        assertProblem("Statement must be a list of statements, got \"x\"", permission("{'Version':'1','Statement':'x'}"));
        assertProblem("Statement[1] must be an object, got 5", permission("{'Version':'1','Statement':[" + GOOD_STATEMENT + ",5]}"));
    }

    @Test
    void topLevelMustBeAJsonObjectWithKnownElements() {
        assertMentions("must be a JSON object, got a list", permission("[]"));
        assertProblem("unknown top-level element 'Id'; a policy has only Version and Statement",
                permission("{'Version':'1','Id':'x','Statement':[" + GOOD_STATEMENT + "]}"));
    }

    @Test
    void invalidJsonSaysWhere() {
        assertMentions("the policy document is not valid JSON", permission("{'Version':'1',"));
        assertMentions("(line 1, column", permission("{'Version' '1'}"));
        assertMentions("not valid JSON", permission("{'Version':'1','Statement':[]} trailing"));
        assertMentions("Duplicate field 'Action'",
                statement("{'Effect':'Allow','Action':'ecs:A','Action':'*','Resource':'*'}"));
        assertProblem("the policy document is empty", PolicyGrammar.checkPermissionPolicy("  "));
    }

    @Test
    void effectRules() {
        assertProblem("Statement[0].Effect is missing; it must be \"Allow\" or \"Deny\"",
                statement("{'Action':'*','Resource':'*'}"));
        assertProblem("Statement[0].Effect must be \"Allow\" or \"Deny\", got \"allow\"",
                statement("{'Effect':'allow','Action':'*','Resource':'*'}"));
    }

    @Test
    void exactlyOneOfActionAndNotAction() {
        assertProblem("Statement[0] has both Action and NotAction; use exactly one",
                statement("{'Effect':'Allow','Action':'*','NotAction':'ram:*','Resource':'*'}"));
        assertProblem("Statement[0] has neither Action nor NotAction; use exactly one",
                statement("{'Effect':'Allow','Resource':'*'}"));
    }

    @Test
    void actionFormat() {
        assertProblem("Statement[0].Action 'ecs' is not of the form <service>:<action>",
                statement("{'Effect':'Allow','Action':'ecs','Resource':'*'}"));
        assertProblem("Statement[0].NotAction[0] 'ECS:DescribeInstances' is not of the form <service>:<action>"
                        + " (the service code is lower case, e.g. ecs)",
                statement("{'Effect':'Allow','NotAction':['ECS:DescribeInstances'],'Resource':'*'}"));
        assertProblem("Statement[0].Action 'ecs:Describe.Instances' is not of the form <service>:<action>",
                statement("{'Effect':'Allow','Action':'ecs:Describe.Instances','Resource':'*'}"));
        assertProblem("Statement[0].Action must not be an empty list",
                statement("{'Effect':'Allow','Action':[],'Resource':'*'}"));
        assertProblem("Statement[0].Action[0] must be a string, got 1",
                statement("{'Effect':'Allow','Action':[1],'Resource':'*'}"));
        assertEquals(Optional.empty(), statement("{'Effect':'Allow','Action':['ecs:*','ram:?assRole','vpc-x:Get*'],'Resource':'*'}"));
    }

    @Test
    void resourceRules() {
        assertProblem("Statement[0] has neither Resource nor NotResource; use exactly one",
                statement("{'Effect':'Allow','Action':'*'}"));
        assertProblem("Statement[0] has both Resource and NotResource; use exactly one",
                statement("{'Effect':'Allow','Action':'*','Resource':'*','NotResource':'*'}"));
        assertProblem("Statement[0].Resource[1] 'role/x' is neither \"*\" nor an ARN of the form "
                        + "acs:<service>:<region>:<account>:<resource>",
                statement("{'Effect':'Allow','Action':'*','Resource':['*','role/x']}"));
        assertMentions("Statement[0].Resource 'acs:ram::123:role/a b'",
                statement("{'Effect':'Allow','Action':'*','Resource':'acs:ram::123:role/a b'}"));
    }

    @Test
    void principalOnlyInTrustPolicies() {
        assertProblem("Statement[0].Principal is only allowed in a trust policy",
                statement("{'Effect':'Allow','Action':'*','Resource':'*','Principal':{'Service':'ecs.aliyuncs.com'}}"));
    }

    @Test
    void unknownStatementElements() {
        assertProblem("Statement[0] has an unknown element 'Sid'; allowed are Effect, Action, NotAction, Resource, "
                + "NotResource, Condition", statement("{'Sid':'1','Effect':'Allow','Action':'*','Resource':'*'}"));
        assertMentions("unknown element 'effect' (element names are case-sensitive: did you mean 'Effect'?)",
                statement("{'effect':'Allow','Action':'*','Resource':'*'}"));
    }

    @Test
    void conditionShape() {
        assertProblem("Statement[0].Condition must be an object of operator -> {key: values}, got a list",
                statement("{'Effect':'Allow','Action':'*','Resource':'*','Condition':[]}"));
        assertProblem("Statement[0].Condition.StringEquals must be an object of condition key -> values, got \"x\"",
                statement("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringEquals':'x'}}"));
        assertProblem("Statement[0].Condition.StringEquals.ecs:tag/team must be a value or a list of values, got an object",
                statement("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringEquals':{'ecs:tag/team':{}}}}"));
        assertProblem("Statement[0].Condition.StringEquals.k[1] must be a value, got null",
                statement("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringEquals':{'k':['a',null]}}}"));
        // operator names are not checked here: the evaluator denies on those it does not know
        assertEquals(Optional.empty(),
                statement("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringFooBar':{'k':'v'}}}"));
    }

    @Test
    void everyProblemIsReported() {
        Optional<String> result = permission("{'Version':'1','Statement':[{'Effect':'Maybe','Action':'x'},{'Action':'*','Resource':'*'}]}");
        assertProblem("Statement[0].Effect must be \"Allow\" or \"Deny\", got \"Maybe\"; "
                + "Statement[0].Action 'x' is not of the form <service>:<action>; "
                + "Statement[0] has neither Resource nor NotResource; use exactly one; "
                + "Statement[1].Effect is missing; it must be \"Allow\" or \"Deny\"", result);
    }

    @Test
    void longListsOfProblemsAreCut() {
        StringBuilder actions = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            actions.append(i == 0 ? "" : ",").append("'bad").append(i).append("'");
        }
        Optional<String> result = statement("{'Effect':'Allow','Action':[" + actions + "],'Resource':'*'}");
        assertTrue(result.isPresent());
        assertTrue(result.get().endsWith("; and 2 more"), result.get());
    }

    @Test
    void lengthLimit() {
        String padded = text("{'Version':'1','Statement':[{'Effect':'Allow','Action':'*','Resource':'acs:oss:*:*:bucket/"
                + "x".repeat(PolicyGrammar.MAX_DOCUMENT_LENGTH) + "'}]}");
        assertTrue(PolicyGrammar.exceedsMaxLength(padded));
        assertMentions("characters long; the limit is 6144", PolicyGrammar.checkPermissionPolicy(padded));
        assertMentions("the limit is 6144", PolicyGrammar.checkTrustPolicy(padded));

        String atLimit = "x".repeat(PolicyGrammar.MAX_DOCUMENT_LENGTH);
        assertFalse(PolicyGrammar.exceedsMaxLength(atLimit));
        assertTrue(PolicyGrammar.exceedsMaxLength(atLimit + "x"));
    }

    @Test
    void validTrustPolicies() {
        assertEquals(Optional.empty(), trust("{'Statement':[{'Action':'sts:AssumeRole','Effect':'Allow',"
                + "'Principal':{'Service':['ecs.aliyuncs.com']}}],'Version':'1'}"));
        assertEquals(Optional.empty(), trust("{'Version':'1','Statement':{'Action':'sts:AssumeRole','Effect':'Allow',"
                + "'Principal':{'service':'ecs.aliyuncs.com','RAM':['acs:ram::123:root']}}}"));
    }

    @Test
    void trustPolicyRules() {
        assertProblem("Statement[0].Principal is missing; a trust policy names who may assume the role, "
                        + "e.g. {\"Service\": [\"ecs.aliyuncs.com\"]}",
                trust("{'Version':'1','Statement':[{'Action':'sts:AssumeRole','Effect':'Allow'}]}"));
        assertMentions("Statement[0].Principal must be an object naming at least one principal",
                trust("{'Version':'1','Statement':[{'Action':'sts:AssumeRole','Effect':'Allow','Principal':'*'}]}"));
        assertMentions("Statement[0].Principal must be an object naming at least one principal",
                trust("{'Version':'1','Statement':[{'Action':'sts:AssumeRole','Effect':'Allow','Principal':{}}]}"));
        assertProblem("Statement[0].Principal has an unknown principal type 'AWS'; use Service, RAM or Federated",
                trust("{'Version':'1','Statement':[{'Action':'sts:AssumeRole','Effect':'Allow','Principal':{'AWS':'x'}}]}"));
        assertProblem("Statement[0].Principal.Service must not be an empty list",
                trust("{'Version':'1','Statement':[{'Action':'sts:AssumeRole','Effect':'Allow','Principal':{'Service':[]}}]}"));
        assertProblem("Statement[0].Resource is not allowed in a trust policy",
                trust("{'Version':'1','Statement':[{'Action':'sts:AssumeRole','Effect':'Allow','Resource':'*',"
                        + "'Principal':{'Service':'ecs.aliyuncs.com'}}]}"));
        assertProblem("Version must be \"1\", got \"2012-10-17\"",
                trust("{'Version':'2012-10-17','Statement':[{'Action':'sts:AssumeRole','Effect':'Allow',"
                        + "'Principal':{'Service':'ecs.aliyuncs.com'}}]}"));
    }

    @Test
    void longValuesAreShortenedInMessages() {
        String longAction = "ecs: " + "A".repeat(500);
        Optional<String> result = statement("{'Effect':'Allow','Action':'" + longAction + "','Resource':'*'}");
        assertTrue(result.isPresent());
        assertTrue(result.get().length() < 200, result.get());
    }
}
