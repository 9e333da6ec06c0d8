package io.instancerole.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyDocumentsTest {
    /** What createRole writes (see the contract). */
    private static final String ECS_TRUST = "{'Statement':[{'Action':'sts:AssumeRole','Effect':'Allow',"
            + "'Principal':{'Service':['ecs.aliyuncs.com']}}],'Version':'1'}";

    static Stream<Arguments> pairs() {
        return Stream.of(
                same("key order and whitespace", ECS_TRUST,
                        "{ 'Version' : '1',\n 'Statement' : [ { 'Effect' : 'Allow', 'Principal' : {'Service' : ['ecs.aliyuncs.com']},"
                                + " 'Action' : 'sts:AssumeRole' } ] }"),
                same("a string and a one-element list", ECS_TRUST,
                        "{'Version':'1','Statement':[{'Action':['sts:AssumeRole'],'Effect':'Allow',"
                                + "'Principal':{'Service':'ecs.aliyuncs.com'}}]}"),
                same("case of the principal type", ECS_TRUST,
                        "{'Version':'1','Statement':[{'Action':'sts:AssumeRole','Effect':'Allow',"
                                + "'Principal':{'service':['ecs.aliyuncs.com']}}]}"),
                same("order of principals", trust("['ecs.aliyuncs.com','fc.aliyuncs.com']"),
                        trust("['fc.aliyuncs.com','ecs.aliyuncs.com']")),
                same("order of actions and resources",
                        "{'Version':'1','Statement':[{'Effect':'Allow','Action':['ecs:A','ecs:B'],'Resource':['acs:x:*:*:a','*']}]}",
                        "{'Version':'1','Statement':[{'Effect':'Allow','Action':['ecs:B','ecs:A'],'Resource':['*','acs:x:*:*:a']}]}"),
                same("order of condition values",
                        "{'Version':'1','Statement':[{'Effect':'Allow','Action':'*','Resource':'*',"
                                + "'Condition':{'IpAddress':{'acs:SourceIp':['10.0.0.0/8','192.168.0.0/16']}}}]}",
                        "{'Version':'1','Statement':[{'Effect':'Allow','Action':'*','Resource':'*',"
                                + "'Condition':{'IpAddress':{'acs:SourceIp':['192.168.0.0/16','10.0.0.0/8']}}}]}"),
                differ("another principal", ECS_TRUST, trust("'fc.aliyuncs.com'")),
                differ("one principal more", ECS_TRUST, trust("['ecs.aliyuncs.com','fc.aliyuncs.com']")),
                differ("another effect", ECS_TRUST, ECS_TRUST.replace("Allow", "Deny")),
                differ("another action", ECS_TRUST, ECS_TRUST.replace("sts:AssumeRole", "sts:*")),
                differ("a Condition more", ECS_TRUST, ECS_TRUST.replace("'Effect'", "'Condition':{'Bool':{'k':'true'}},'Effect'")),
                differ("Version as text", ECS_TRUST, ECS_TRUST.replace("'1'", "'1.0'")),
                differ("statement order counts",
                        "{'Version':'1','Statement':[{'Effect':'Allow','Action':'a:b','Resource':'*'},"
                                + "{'Effect':'Deny','Action':'a:c','Resource':'*'}]}",
                        "{'Version':'1','Statement':[{'Effect':'Deny','Action':'a:c','Resource':'*'},"
                                + "{'Effect':'Allow','Action':'a:b','Resource':'*'}]}"),
                differ("case of an action value", ECS_TRUST, ECS_TRUST.replace("sts:AssumeRole", "STS:AssumeRole")),
                differ("invalid JSON on one side", ECS_TRUST, "{'Version':'1',"),
                differ("invalid JSON on both sides", "{", "{"),
                differ("empty text", "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void documentsAreComparedByMeaning(String name, String a, String b, boolean same) {
        assertEquals(same, PolicyDocuments.sameMeaning(q(a), q(b)));
        assertEquals(same, PolicyDocuments.sameMeaning(q(b), q(a)), "symmetric");
    }

    static Stream<Arguments> trustDocuments() {
        return Stream.of(
                Arguments.of(ECS_TRUST, true),
                Arguments.of(trust("'ecs.aliyuncs.com'"), true),
                Arguments.of(trust("['fc.aliyuncs.com','ECS.aliyuncs.com']"), true),
                Arguments.of("{'Version':'1','Statement':[{'Action':['sts:AssumeRole'],'Effect':'Allow',"
                        + "'Principal':{'SERVICE':'ecs.aliyuncs.com'}}]}", true),
                Arguments.of("{'Version':'1','Statement':[{'Action':'sts:AssumeRole','Effect':'Allow',"
                        + "'Principal':{'RAM':['acs:ram::123456789012:root']}},{'Action':'sts:AssumeRole','Effect':'Allow',"
                        + "'Principal':{'Service':'ecs.aliyuncs.com'}}]}", true),
                Arguments.of(trust("'fc.aliyuncs.com'"), false),
                Arguments.of(ECS_TRUST.replace("Allow", "Deny"), false),
                // the linter's old copy said trusted here; RAM, and now both, let the Deny win
                Arguments.of("{'Version':'1','Statement':[{'Action':'sts:AssumeRole','Effect':'Allow',"
                        + "'Principal':{'Service':'ecs.aliyuncs.com'}},{'Action':'sts:*','Effect':'Deny',"
                        + "'Principal':{'Service':['ECS.aliyuncs.com']}}]}", false),
                Arguments.of(ECS_TRUST.replace("sts:AssumeRole", "sts:GetCallerIdentity"), false),
                Arguments.of("{'Version':'1','Statement':[{'Action':'sts:AssumeRole','Effect':'Allow',"
                        + "'Principal':{'RAM':'ecs.aliyuncs.com'}}]}", false),
                Arguments.of("{'Version':'1','Statement':[{'Action':'sts:AssumeRole','Effect':'Allow'}]}", false),
                Arguments.of("not json", false));
    }

    @ParameterizedTest
    @MethodSource("trustDocuments")
    void aTrustPolicyTrustsAServiceWhenAnAllowOfAssumeRoleNamesIt(String document, boolean trusted) {
        assertEquals(trusted, TrustPolicyEvaluator.trustsService(q(document), "ecs.aliyuncs.com"));
    }

    private static String trust(String services) {
        return "{'Version':'1','Statement':[{'Action':'sts:AssumeRole','Effect':'Allow','Principal':{'Service':"
                + services + "}}]}";
    }

    private static Arguments same(String name, String a, String b) {
        return Arguments.of(name, a, b, true);
    }

    private static Arguments differ(String name, String a, String b) {
        return Arguments.of(name, a, b, false);
    }

    private static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
