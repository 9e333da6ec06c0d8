package io.instancerole.policy;

import static io.instancerole.policy.PolicyTestJson.json;
import static io.instancerole.policy.PolicyTestJson.policy;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class TrustPolicyEvaluatorTest {
    private static final String ECS = "ecs.aliyuncs.com";
    private static final String ACCOUNT = "1234567890123456";

    @Test
    void referenceEcsTrustPolicy() {
        JsonNode document = json("{'Statement':[{'Action':'sts:AssumeRole','Effect':'Allow',"
                + "'Principal':{'Service':['ecs.aliyuncs.com']}}],'Version':'1'}");
        assertTrue(TrustPolicyEvaluator.trustsService(document, ECS));
        assertFalse(TrustPolicyEvaluator.trustsService(document, "fc.aliyuncs.com"));
        assertFalse(TrustPolicyEvaluator.trustsRamPrincipal(document, ACCOUNT, "acs:ram::" + ACCOUNT + ":root"));
    }

    @Test
    void serviceWrittenAsStringOrList() {
        assertTrue(TrustPolicyEvaluator.trustsService(policy(
                "{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'Service':'ecs.aliyuncs.com'}}"), ECS));
        assertTrue(TrustPolicyEvaluator.trustsService(policy(
                "{'Effect':'Allow','Action':['sts:AssumeRole'],'Principal':{'Service':['fc.aliyuncs.com','ecs.aliyuncs.com']}}"),
                ECS));
    }

    @Test
    void principalTypeKeyIsCaseInsensitiveAndValuesToo() {
        assertTrue(TrustPolicyEvaluator.trustsService(policy(
                "{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'service':['ECS.aliyuncs.com']}}"), ECS));
    }

    @Test
    void actionMayBeAWildcardButMustCoverAssumeRole() {
        assertTrue(TrustPolicyEvaluator.trustsService(policy(
                "{'Effect':'Allow','Action':'sts:*','Principal':{'Service':'ecs.aliyuncs.com'}}"), ECS));
        assertTrue(TrustPolicyEvaluator.trustsService(policy(
                "{'Effect':'Allow','Action':'sts:assumerole','Principal':{'Service':'ecs.aliyuncs.com'}}"), ECS));
        // actions are compared ignoring case, the service code too: the one grammar accepts any case
        assertTrue(TrustPolicyEvaluator.trustsService(policy(
                "{'Effect':'Allow','Action':'STS:AssumeRole','Principal':{'Service':'ecs.aliyuncs.com'}}"), ECS));
        assertFalse(TrustPolicyEvaluator.trustsService(policy(
                "{'Effect':'Allow','Action':'sts:GetCallerIdentity','Principal':{'Service':'ecs.aliyuncs.com'}}"), ECS));
    }

    @Test
    void denyForTheSamePrincipalBlocks() {
        JsonNode document = policy(
                "{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'Service':['ecs.aliyuncs.com','fc.aliyuncs.com']}}",
                "{'Effect':'Deny','Action':'sts:AssumeRole','Principal':{'Service':'fc.aliyuncs.com'}}");
        assertTrue(TrustPolicyEvaluator.trustsService(document, ECS));
        assertFalse(TrustPolicyEvaluator.trustsService(document, "fc.aliyuncs.com"));
    }

    @Test
    void conditionsAreNotEvaluatedSoTheyNeverTrustButDenyBlocks() {
        assertFalse(TrustPolicyEvaluator.trustsService(policy(
                "{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'Service':'ecs.aliyuncs.com'},"
                        + "'Condition':{'StringEquals':{'sts:ExternalId':'x'}}}"), ECS));
        assertFalse(TrustPolicyEvaluator.trustsService(policy(
                "{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'Service':'ecs.aliyuncs.com'}}",
                "{'Effect':'Deny','Action':'sts:AssumeRole','Principal':{'Service':'ecs.aliyuncs.com'},"
                        + "'Condition':{'Bool':{'acs:MFAPresent':'false'}}}"), ECS));
    }

    @Test
    void malformedDocumentTrustsNobody() {
        assertFalse(TrustPolicyEvaluator.trustsService(json(
                "{'Version':'2016-10-17','Statement':[{'Effect':'Allow','Action':'sts:AssumeRole',"
                        + "'Principal':{'Service':'ecs.aliyuncs.com'}}]}"), ECS));
        assertFalse(TrustPolicyEvaluator.trustsService(json("'not a document'"), ECS));
        assertFalse(TrustPolicyEvaluator.trustsService(policy(
                "{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'Service':{'name':'ecs.aliyuncs.com'}}}"), ECS));
    }

    @Test
    void ramRootTrustsAnyPrincipalOfThatAccount() {
        JsonNode document = policy("{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'RAM':['acs:ram::"
                + ACCOUNT + ":root']}}");
        assertTrue(TrustPolicyEvaluator.trustsRamPrincipal(document, ACCOUNT, "acs:ram::" + ACCOUNT + ":root"));
        assertTrue(TrustPolicyEvaluator.trustsRamPrincipal(document, ACCOUNT, "acs:ram::" + ACCOUNT + ":user/alice"));
        assertTrue(TrustPolicyEvaluator.trustsRamPrincipal(document, ACCOUNT,
                "acs:ram::" + ACCOUNT + ":assumed-role/deployer/session-1"));
        assertFalse(TrustPolicyEvaluator.trustsRamPrincipal(document, "999", "acs:ram::999:user/alice"));
        assertFalse(TrustPolicyEvaluator.trustsService(document, ECS));
    }

    @Test
    void ramUserIsTrustedOnlyByName() {
        JsonNode document = policy("{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'RAM':'acs:ram::"
                + ACCOUNT + ":user/Alice'}}");
        assertTrue(TrustPolicyEvaluator.trustsRamPrincipal(document, ACCOUNT, "acs:ram::" + ACCOUNT + ":user/alice"));
        assertFalse(TrustPolicyEvaluator.trustsRamPrincipal(document, ACCOUNT, "acs:ram::" + ACCOUNT + ":user/bob"));
        assertFalse(TrustPolicyEvaluator.trustsRamPrincipal(document, ACCOUNT, "acs:ram::" + ACCOUNT + ":root"));
    }

    @Test
    void roleTrustsTheSessionsOfANamedRole() {
        JsonNode document = policy("{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'RAM':['acs:ram::"
                + ACCOUNT + ":role/deployer']}}");
        assertTrue(TrustPolicyEvaluator.trustsRamPrincipal(document, ACCOUNT,
                "acs:ram::" + ACCOUNT + ":assumed-role/Deployer/ci-run-7"));
        assertFalse(TrustPolicyEvaluator.trustsRamPrincipal(document, ACCOUNT,
                "acs:ram::" + ACCOUNT + ":assumed-role/deployer-2/ci-run-7"));
        assertFalse(TrustPolicyEvaluator.trustsRamPrincipal(document, ACCOUNT, "acs:ram::" + ACCOUNT + ":user/deployer"));
    }

    @Test
    void principalArnOfAnotherAccountIsNotTrusted() {
        JsonNode document = policy("{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'RAM':'acs:ram::"
                + ACCOUNT + ":user/alice'}}");
        assertFalse(TrustPolicyEvaluator.trustsRamPrincipal(document, "999", "acs:ram::" + ACCOUNT + ":user/alice"));
    }

    @Test
    void serviceTrustDoesNotLetRamPrincipalsIn() {
        JsonNode document = policy("{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'Service':'ecs.aliyuncs.com'}}");
        assertFalse(TrustPolicyEvaluator.trustsRamPrincipal(document, ACCOUNT, "acs:ram::" + ACCOUNT + ":user/alice"));
    }
}
