package io.instancerole.policy;

import static io.instancerole.policy.PolicyTestJson.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** RAM's grammar: the problems it finds, each with its code and path (the messages say how to fix them). */
class PolicyGrammarTest {
    private static final String GOOD_STATEMENT = "{'Effect':'Allow','Action':'ecs:DescribeInstances','Resource':'*'}";

    private static List<String> permission(String singleQuoted) {
        return codes(PolicyDocument.parse(text(singleQuoted), PolicyKind.PERMISSION));
    }

    private static List<String> trust(String singleQuoted) {
        return codes(PolicyDocument.parse(text(singleQuoted), PolicyKind.TRUST));
    }

    private static List<String> statement(String singleQuotedStatement) {
        return permission("{'Version':'1','Statement':[" + singleQuotedStatement + "]}");
    }

    private static List<String> codes(PolicyDocument document) {
        return document.problems().stream().map(p -> p.code() + " " + p.path()).collect(Collectors.toList());
    }

    private static Problem only(String singleQuoted, PolicyKind kind) {
        List<Problem> problems = PolicyDocument.parse(text(singleQuoted), kind).problems();
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }

    @Test
    void validPermissionPolicies() {
        assertEquals(List.of(), statement(GOOD_STATEMENT));
        assertEquals(List.of(), permission("{'Version':'1','Statement':" + GOOD_STATEMENT + "}"), "one statement without the list");
        assertEquals(List.of(), statement("{'Effect':'Deny','NotAction':['ram:*','sts:AssumeRole'],"
                + "'NotResource':['acs:ram:*:*:role/team-a-*'],"
                + "'Condition':{'IpAddress':{'acs:SourceIp':['10.0.0.0/8']},'Bool':{'acs:SecureTransport':true}}}"));
        assertEquals(List.of(), statement("{'Effect':'Allow','Action':'*','Resource':'acs:ecs:cn-hangzhou:123:instance/i-?b*'}"));
        assertEquals(List.of(), statement("{'Effect':'Allow','Action':['ecs:*','ram:?assRole','vpc-x:Get*','*:*',"
                + "'RAM:passrole'],'Resource':'*'}"), "actions are compared ignoring case, so any case is well formed");
    }

    @Test
    void referenceBadExampleIsRejectedWithBothProblems() {
        assertEquals(List.of("INVALID_VERSION Version", "INVALID_ACTION_FORMAT Statement[0].Action[1]"),
                permission("{'Version':'2016-10-17','Statement':[{'Effect':'Allow',"
                        + "'Action':['ecs:AttachInstanceRamRole','ecs: CreateInstance','ecs:DetachInstanceRAMRole'],'Resource':'*'}]}"));
        Optional<String> message = PolicyGrammar.checkPermissionPolicy(text("{'Version':'1','Statement':[{'Effect':'Allow',"
                + "'Action':['ecs: CreateInstance'],'Resource':'*'}]}"));
        assertTrue(message.orElseThrow().startsWith("Statement[0].Action[0]: \"ecs: CreateInstance\""), message.get());
        assertTrue(message.get().contains("write \"ecs:CreateInstance\""), message.get());
    }

    @Test
    void documentRules() {
        assertEquals(List.of("INVALID_VERSION Version"), permission("{'Statement':[" + GOOD_STATEMENT + "]}"));
        assertEquals(List.of("INVALID_VERSION Version"), permission("{'Version':1,'Statement':[" + GOOD_STATEMENT + "]}"));
        assertEquals(List.of("MISSING_STATEMENT Statement"), permission("{'Version':'1'}"));
        assertEquals(List.of("MISSING_STATEMENT Statement"), permission("{'Version':'1','Statement':[]}"));
        assertEquals(List.of("MISSING_STATEMENT Statement"), permission("{'Version':'1','Statement':'x'}"));
        assertEquals(List.of("INVALID_STATEMENT Statement[1]"), permission("{'Version':'1','Statement':[" + GOOD_STATEMENT + ",5]}"));
        assertEquals(List.of("JSON_SYNTAX "), permission("[]"));
        assertEquals(List.of("UNKNOWN_ELEMENT Id"), permission("{'Version':'1','Id':'x','Statement':[" + GOOD_STATEMENT + "]}"));
        assertTrue(PolicyDocument.parse(text("{'Version':'1','statement':[]}"), PolicyKind.PERMISSION).problems().stream()
                .anyMatch(p -> p.code().equals("UNKNOWN_ELEMENT") && p.message().contains("write \"Statement\"")));
    }

    @Test
    void invalidJsonSaysWhere() {
        assertEquals(List.of("JSON_SYNTAX "), permission("{'Version':'1',"));
        assertTrue(only("{'Version' '1'}", PolicyKind.PERMISSION).message().contains("line 1, column"));
        assertTrue(only("{'Version':'1','Statement':[]} {}", PolicyKind.PERMISSION).message()
                .contains("unexpected text after the end"));
        assertTrue(only("{'Version':'1','Statement':[{'Effect':'Allow','Action':'ecs:A','Action':'*','Resource':'*'}]}",
                PolicyKind.PERMISSION).message().contains("Duplicate field 'Action'"));
        assertEquals(List.of("JSON_SYNTAX "), codes(PolicyDocument.parse("  ", PolicyKind.PERMISSION)));
    }

    @Test
    void effectRules() {
        assertEquals(List.of("INVALID_EFFECT Statement[0].Effect"), statement("{'Action':'*','Resource':'*'}"));
        assertEquals(List.of("INVALID_EFFECT Statement[0].Effect"), statement("{'Effect':'allow','Action':'*','Resource':'*'}"));
    }

    @Test
    void exactlyOneOfActionAndNotAction() {
        assertEquals(List.of("ACTION_AND_NOT_ACTION Statement[0]"),
                statement("{'Effect':'Allow','Action':'*','NotAction':'ram:*','Resource':'*'}"));
        assertEquals(List.of("MISSING_ACTION Statement[0].Action"), statement("{'Effect':'Allow','Resource':'*'}"));
        assertEquals(List.of("MISSING_ACTION Statement[0].Action"), statement("{'Effect':'Allow','Action':[],'Resource':'*'}"));
    }

    @Test
    void actionFormat() {
        assertEquals(List.of("INVALID_ACTION_FORMAT Statement[0].Action"), statement("{'Effect':'Allow','Action':'ecs','Resource':'*'}"));
        assertEquals(List.of("INVALID_ACTION_FORMAT Statement[0].Action"),
                statement("{'Effect':'Allow','Action':'ecs:Describe.Instances','Resource':'*'}"));
        assertEquals(List.of("INVALID_ACTION_FORMAT Statement[0].NotAction[0]"),
                statement("{'Effect':'Allow','NotAction':[1],'Resource':'*'}"));
        assertEquals(List.of("INVALID_ACTION_FORMAT Statement[0].Action[0]"),
                statement("{'Effect':'Allow','Action':['ecs::StartInstance'],'Resource':'*'}"));
    }

    @Test
    void resourceRules() {
        assertEquals(List.of("MISSING_RESOURCE Statement[0].Resource"), statement("{'Effect':'Allow','Action':'*'}"));
        assertEquals(List.of("RESOURCE_AND_NOT_RESOURCE Statement[0]"),
                statement("{'Effect':'Allow','Action':'*','Resource':'*','NotResource':'*'}"));
        assertEquals(List.of("INVALID_ARN Statement[0].Resource[1]"), statement("{'Effect':'Allow','Action':'*','Resource':['*','role/x']}"));
        assertEquals(List.of("INVALID_ARN Statement[0].Resource"), statement("{'Effect':'Allow','Action':'*','Resource':'acs:ram::123:role/a b'}"));
        assertEquals(List.of("INVALID_ARN Statement[0].Resource"),
                statement("{'Effect':'Allow','Action':'*','Resource':'acs:ram:*:my-account:role/x'}"));
    }

    @Test
    void elements() {
        assertEquals(List.of("UNKNOWN_ELEMENT Statement[0].Principal"),
                statement("{'Effect':'Allow','Action':'*','Resource':'*','Principal':{'Service':'ecs.aliyuncs.com'}}"));
        assertEquals(List.of("UNKNOWN_ELEMENT Statement[0].Sid"), statement("{'Sid':'1','Effect':'Allow','Action':'*','Resource':'*'}"));
        assertTrue(only("{'Version':'1','Statement':[{'effect':'Allow','Effect':'Allow','Action':'*','Resource':'*'}]}",
                PolicyKind.PERMISSION).message().contains("write \"Effect\""));
    }

    @Test
    void conditionRules() {
        assertEquals(List.of("INVALID_CONDITION Statement[0].Condition"),
                statement("{'Effect':'Allow','Action':'*','Resource':'*','Condition':[]}"));
        assertEquals(List.of("INVALID_CONDITION Statement[0].Condition.StringEquals"),
                statement("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringEquals':'x'}}"));
        assertEquals(List.of("INVALID_CONDITION Statement[0].Condition.StringEquals.ecs:tag/team"),
                statement("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringEquals':{'ecs:tag/team':{}}}}"));
        assertEquals(List.of("INVALID_CONDITION Statement[0].Condition.StringEquals.k[1]"),
                statement("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringEquals':{'k':['a',null]}}}"));
        // an operator RAM does not know is malformed, as the linter says: never accepted and then denied
        assertEquals(List.of("INVALID_CONDITION_OPERATOR Statement[0].Condition.StringFooBar"),
                statement("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringFooBar':{'k':'v'}}}"));
    }

    @Test
    void everyProblemIsReported() {
        assertEquals(List.of("INVALID_EFFECT Statement[0].Effect", "INVALID_ACTION_FORMAT Statement[0].Action",
                        "MISSING_RESOURCE Statement[0].Resource", "INVALID_EFFECT Statement[1].Effect"),
                permission("{'Version':'1','Statement':[{'Effect':'Maybe','Action':'x'},{'Action':'*','Resource':'*'}]}"));
    }

    @Test
    void longListsOfProblemsAreCut() {
        StringBuilder actions = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            actions.append(i == 0 ? "" : ",").append("'bad").append(i).append("'");
        }
        Optional<String> result = PolicyGrammar.checkPermissionPolicy(
                text("{'Version':'1','Statement':[{'Effect':'Allow','Action':[" + actions + "],'Resource':'*'}]}"));
        assertTrue(result.orElseThrow().endsWith(" And 2 more."), result.get());
    }

    @Test
    void lengthLimit() {
        String padded = text("{'Version':'1','Statement':[{'Effect':'Allow','Action':'*','Resource':'acs:oss:*:*:bucket/"
                + "x".repeat(PolicyDocument.MAX_DOCUMENT_LENGTH) + "'}]}");
        assertTrue(PolicyGrammar.exceedsMaxLength(padded));
        assertTrue(PolicyGrammar.checkPermissionPolicy(padded).orElseThrow().contains("at most 6144"));
        assertTrue(PolicyGrammar.checkTrustPolicy(padded).orElseThrow().contains("at most 6144"));

        String atLimit = "x".repeat(PolicyDocument.MAX_DOCUMENT_LENGTH);
        assertFalse(PolicyGrammar.exceedsMaxLength(atLimit));
        assertTrue(PolicyGrammar.exceedsMaxLength(atLimit + "x"));
    }

    @Test
    void validTrustPolicies() {
        assertEquals(List.of(), trust("{'Statement':[{'Action':'sts:AssumeRole','Effect':'Allow',"
                + "'Principal':{'Service':['ecs.aliyuncs.com']}}],'Version':'1'}"));
        assertEquals(List.of(), trust("{'Version':'1','Statement':{'Action':'sts:AssumeRole','Effect':'Allow',"
                + "'Principal':{'service':'ecs.aliyuncs.com','RAM':['acs:ram::123:root']}}}"));
    }

    @Test
    void trustPolicyRules() {
        assertEquals(List.of("MISSING_PRINCIPAL Statement[0].Principal"),
                trust("{'Version':'1','Statement':[{'Action':'sts:AssumeRole','Effect':'Allow'}]}"));
        assertEquals(List.of("INVALID_PRINCIPAL Statement[0].Principal"),
                trust("{'Version':'1','Statement':[{'Action':'sts:AssumeRole','Effect':'Allow','Principal':'*'}]}"));
        assertEquals(List.of("INVALID_PRINCIPAL Statement[0].Principal"),
                trust("{'Version':'1','Statement':[{'Action':'sts:AssumeRole','Effect':'Allow','Principal':{}}]}"));
        assertEquals(List.of("INVALID_PRINCIPAL Statement[0].Principal.AWS"),
                trust("{'Version':'1','Statement':[{'Action':'sts:AssumeRole','Effect':'Allow','Principal':{'AWS':'x'}}]}"));
        assertEquals(List.of("INVALID_PRINCIPAL Statement[0].Principal.Service"),
                trust("{'Version':'1','Statement':[{'Action':'sts:AssumeRole','Effect':'Allow','Principal':{'Service':[]}}]}"));
        assertEquals(List.of("UNKNOWN_ELEMENT Statement[0].Resource"),
                trust("{'Version':'1','Statement':[{'Action':'sts:AssumeRole','Effect':'Allow','Resource':'*',"
                        + "'Principal':{'Service':'ecs.aliyuncs.com'}}]}"));
    }

    @Test
    void longValuesAreShortenedInMessages() {
        Optional<String> result = PolicyGrammar.checkPermissionPolicy(text("{'Version':'1','Statement':[{'Effect':'Allow',"
                + "'Action':'ecs: " + "A".repeat(500) + "','Resource':'*'}]}"));
        assertTrue(result.orElseThrow().length() < 400, result.get());
    }
}
