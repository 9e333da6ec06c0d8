package io.instancerole.policy;

import static io.instancerole.policy.PolicyTestJson.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.instancerole.policy.Decision.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Condition operators, through the evaluator: an Allow statement whose only variable is its Condition. */
class ConditionEvaluationTest {
    private static final String INSTANCE = "acs:ecs:cn-hangzhou:1234567890123456:instance/i-abc";
    private static final Outcome ALLOW = Outcome.ALLOW;
    private static final Outcome IMPLICIT = Outcome.IMPLICIT_DENY;
    private static final Outcome UNKNOWN = Outcome.NOT_EVALUABLE;

    /** {@code condition} is the Condition object, single-quoted; {@code context} alternates key, value. */
    private static Decision decide(String condition, String... context) {
        Map<String, List<String>> values = new HashMap<>();
        for (int i = 0; i < context.length; i += 2) {
            values.computeIfAbsent(context[i], k -> new ArrayList<>()).add(context[i + 1]);
        }
        return PolicyEvaluator.evaluate(
                List.of(new NamedPolicy("p", policy("{'Effect':'Allow','Action':'*','Resource':'*','Condition':"
                        + condition + "}"))),
                new AuthorizationRequest("ecs:RunInstances", INSTANCE, values));
    }

    private static Outcome outcome(String condition, String... context) {
        return decide(condition, context).outcome();
    }

    @Test
    void stringEqualsIsExactAndCaseSensitive() {
        String condition = "{'StringEquals':{'ecs:tag/team':'team-a'}}";
        assertEquals(ALLOW, outcome(condition, "ecs:tag/team", "team-a"));
        assertEquals(IMPLICIT, outcome(condition, "ecs:tag/team", "Team-A"));
        assertEquals(IMPLICIT, outcome(condition, "ecs:tag/team", "team-ab"));
    }

    @Test
    void absentKeyMakesPositiveConditionFalseNotUnevaluable() {
        assertEquals(IMPLICIT, outcome("{'StringEquals':{'ecs:tag/team':'team-a'}}"));
        assertEquals(IMPLICIT, outcome("{'IpAddress':{'acs:SourceIp':'10.0.0.0/8'}}"));
        assertEquals(IMPLICIT, outcome("{'Bool':{'acs:SecureTransport':'true'}}"));
    }

    @Test
    void absentKeyMakesNegatedConditionTrue() {
        assertEquals(ALLOW, outcome("{'StringNotEquals':{'ecs:tag/team':'team-a'}}"));
        assertEquals(ALLOW, outcome("{'NotIpAddress':{'acs:SourceIp':'10.0.0.0/8'}}"));
    }

    @Test
    void policyValuesAreOred() {
        String condition = "{'StringEquals':{'ecs:tag/team':['team-a','team-b']}}";
        assertEquals(ALLOW, outcome(condition, "ecs:tag/team", "team-b"));
        assertEquals(IMPLICIT, outcome(condition, "ecs:tag/team", "team-c"));
    }

    @Test
    void keysAndOperatorsAreAnded() {
        String condition = "{'StringEquals':{'ecs:tag/team':'a','ecs:tag/env':'prod'},"
                + "'IpAddress':{'acs:SourceIp':'10.0.0.0/8'}}";
        assertEquals(ALLOW, outcome(condition, "ecs:tag/team", "a", "ecs:tag/env", "prod", "acs:sourceip", "10.1.2.3"));
        assertEquals(IMPLICIT, outcome(condition, "ecs:tag/team", "a", "ecs:tag/env", "dev", "acs:sourceip", "10.1.2.3"));
        assertEquals(IMPLICIT, outcome(condition, "ecs:tag/team", "a", "ecs:tag/env", "prod", "acs:sourceip", "11.1.2.3"));
        assertEquals(IMPLICIT, outcome(condition, "ecs:tag/env", "prod", "acs:sourceip", "10.1.2.3"));
    }

    @Test
    void conditionKeyNamesAreCaseInsensitive() {
        assertEquals(ALLOW, outcome("{'IpAddress':{'acs:SourceIp':'10.0.0.0/8'}}", "acs:sourceip", "10.0.0.1"));
        assertEquals(ALLOW, outcome("{'IpAddress':{'ACS:SOURCEIP':'10.0.0.0/8'}}", "acs:sourceip", "10.0.0.1"));
        assertEquals(ALLOW, outcome("{'IpAddress':{'acs:sourceip':'10.0.0.0/8'}}", "Acs:SourceIp", "10.0.0.1"));
    }

    @Test
    void stringNotEqualsHoldsWhenNoValueMatches() {
        String condition = "{'StringNotEquals':{'ecs:tag/team':['a','b']}}";
        assertEquals(ALLOW, outcome(condition, "ecs:tag/team", "c"));
        assertEquals(IMPLICIT, outcome(condition, "ecs:tag/team", "b"));
    }

    @Test
    void stringEqualsIgnoreCaseAndItsNegation() {
        assertEquals(ALLOW, outcome("{'StringEqualsIgnoreCase':{'ecs:tag/team':'TEAM-A'}}", "ecs:tag/team", "team-a"));
        assertEquals(IMPLICIT, outcome("{'StringEqualsIgnoreCase':{'ecs:tag/team':'TEAM-A'}}", "ecs:tag/team", "team-b"));
        assertEquals(IMPLICIT, outcome("{'StringNotEqualsIgnoreCase':{'ecs:tag/team':'TEAM-A'}}", "ecs:tag/team", "Team-a"));
        assertEquals(ALLOW, outcome("{'StringNotEqualsIgnoreCase':{'ecs:tag/team':'TEAM-A'}}", "ecs:tag/team", "team-b"));
    }

    @Test
    void stringLikeUsesWildcardsCaseSensitively() {
        String condition = "{'StringLike':{'ecs:tag/team':'team-?-*'}}";
        assertEquals(ALLOW, outcome(condition, "ecs:tag/team", "team-a-web"));
        assertEquals(ALLOW, outcome(condition, "ecs:tag/team", "team-a-"));
        assertEquals(IMPLICIT, outcome(condition, "ecs:tag/team", "team-ab-web"));
        assertEquals(IMPLICIT, outcome(condition, "ecs:tag/team", "TEAM-a-web"));
        assertEquals(IMPLICIT, outcome("{'StringNotLike':{'ecs:tag/team':'team-*'}}", "ecs:tag/team", "team-x"));
        assertEquals(ALLOW, outcome("{'StringNotLike':{'ecs:tag/team':'team-*'}}", "ecs:tag/team", "ops"));
    }

    @Test
    void numericOperators() {
        assertEquals(ALLOW, outcome("{'NumericEquals':{'k':'10'}}", "k", "10.0"));
        assertEquals(IMPLICIT, outcome("{'NumericEquals':{'k':10}}", "k", "11"));
        assertEquals(ALLOW, outcome("{'NumericNotEquals':{'k':10}}", "k", "11"));
        assertEquals(IMPLICIT, outcome("{'NumericNotEquals':{'k':10}}", "k", "10"));
        assertEquals(ALLOW, outcome("{'NumericLessThan':{'k':10}}", "k", "9.5"));
        assertEquals(IMPLICIT, outcome("{'NumericLessThan':{'k':10}}", "k", "10"));
        assertEquals(ALLOW, outcome("{'NumericLessThanEquals':{'k':10}}", "k", "10"));
        assertEquals(IMPLICIT, outcome("{'NumericLessThanEquals':{'k':10}}", "k", "11"));
        assertEquals(ALLOW, outcome("{'NumericGreaterThan':{'k':'-1'}}", "k", "0"));
        assertEquals(IMPLICIT, outcome("{'NumericGreaterThan':{'k':'-1'}}", "k", "-1"));
        assertEquals(ALLOW, outcome("{'NumericGreaterThanEquals':{'k':'3600'}}", "k", "3600"));
        assertEquals(IMPLICIT, outcome("{'NumericGreaterThanEquals':{'k':'3600'}}", "k", "3599"));
    }

    @Test
    void numericWithAPolicyValueThatIsNotANumberIsNotEvaluable() {
        Decision decision = decide("{'NumericLessThan':{'k':'ten'}}", "k", "9");
        assertEquals(UNKNOWN, decision.outcome());
        assertEquals("Statement[0] of policy p could not be evaluated: condition NumericLessThan on key \"k\": "
                + "policy value \"ten\" is not a number", decision.explanation());
        // even when the request does not carry the key: the policy itself is broken
        assertEquals(UNKNOWN, outcome("{'NumericLessThan':{'k':'ten'}}"));
    }

    @Test
    void numericWithARequestValueThatIsNotANumberIsNotEvaluable() {
        Decision decision = decide("{'NumericNotEquals':{'k':'1'}}", "k", "x");
        assertEquals(UNKNOWN, decision.outcome());
        assertTrue(decision.explanation().endsWith("request value \"x\" is not a number"), decision.explanation());
    }

    @Test
    void dateOperators() {
        String now = "2024-05-01T12:00:00Z";
        assertEquals(ALLOW, outcome("{'DateLessThan':{'acs:CurrentTime':'2024-06-01T00:00:00+08:00'}}", "acs:currenttime", now));
        assertEquals(IMPLICIT, outcome("{'DateLessThan':{'acs:CurrentTime':'2024-05-01T12:00:00Z'}}", "acs:currenttime", now));
        assertEquals(ALLOW, outcome("{'DateLessThanEquals':{'acs:CurrentTime':'2024-05-01T20:00:00+08:00'}}", "acs:currenttime", now));
        assertEquals(ALLOW, outcome("{'DateEquals':{'acs:CurrentTime':'2024-05-01T20:00:00+08:00'}}", "acs:currenttime", now));
        assertEquals(IMPLICIT, outcome("{'DateNotEquals':{'acs:CurrentTime':'2024-05-01T20:00:00+08:00'}}", "acs:currenttime", now));
        assertEquals(ALLOW, outcome("{'DateGreaterThan':{'acs:CurrentTime':'2024-05-01'}}", "acs:currenttime", now));
        assertEquals(IMPLICIT, outcome("{'DateGreaterThan':{'acs:CurrentTime':'2024-05-02'}}", "acs:currenttime", now));
        assertEquals(ALLOW, outcome("{'DateGreaterThanEquals':{'acs:CurrentTime':'1714564800'}}", "acs:currenttime", now));
        assertEquals(IMPLICIT, outcome("{'DateGreaterThanEquals':{'acs:CurrentTime':'1714564801'}}", "acs:currenttime", now));
    }

    @Test
    void dateThatIsNotADateIsNotEvaluable() {
        Decision decision = decide("{'DateLessThan':{'acs:CurrentTime':'tomorrow'}}", "acs:currenttime", "2024-05-01T12:00:00Z");
        assertEquals(UNKNOWN, decision.outcome());
        assertTrue(decision.explanation().contains("policy value \"tomorrow\" is not a date"), decision.explanation());
    }

    @Test
    void boolComparesTrueAndFalseInAnyCase() {
        assertEquals(ALLOW, outcome("{'Bool':{'acs:SecureTransport':'true'}}", "acs:securetransport", "true"));
        assertEquals(ALLOW, outcome("{'Bool':{'acs:SecureTransport':true}}", "acs:securetransport", "TRUE"));
        assertEquals(IMPLICIT, outcome("{'Bool':{'acs:MFAPresent':'true'}}", "acs:mfapresent", "false"));
        assertEquals(ALLOW, outcome("{'Bool':{'acs:MFAPresent':'false'}}", "acs:mfapresent", "false"));
        assertEquals(UNKNOWN, outcome("{'Bool':{'acs:MFAPresent':'yes'}}", "acs:mfapresent", "true"));
    }

    @Test
    void ipAddressRanges() {
        String condition = "{'IpAddress':{'acs:SourceIp':['192.168.0.0/16','203.0.113.7']}}";
        assertEquals(ALLOW, outcome(condition, "acs:sourceip", "192.168.255.1"));
        assertEquals(ALLOW, outcome(condition, "acs:sourceip", "203.0.113.7"));
        assertEquals(IMPLICIT, outcome(condition, "acs:sourceip", "203.0.113.8"));
        assertEquals(IMPLICIT, outcome(condition, "acs:sourceip", "192.169.0.1"));
        assertEquals(ALLOW, outcome("{'IpAddress':{'acs:SourceIp':'0.0.0.0/0'}}", "acs:sourceip", "8.8.8.8"));
        assertEquals(ALLOW, outcome("{'IpAddress':{'acs:SourceIp':'10.1.2.3/31'}}", "acs:sourceip", "10.1.2.2"));
        assertEquals(IMPLICIT, outcome("{'IpAddress':{'acs:SourceIp':'10.1.2.3/31'}}", "acs:sourceip", "10.1.2.4"));
    }

    @Test
    void notIpAddress() {
        String condition = "{'NotIpAddress':{'acs:SourceIp':'10.0.0.0/8'}}";
        assertEquals(ALLOW, outcome(condition, "acs:sourceip", "172.16.0.1"));
        assertEquals(IMPLICIT, outcome(condition, "acs:sourceip", "10.9.9.9"));
    }

    @Test
    void ipv6RangesAndFamiliesDoNotMix() {
        String condition = "{'IpAddress':{'acs:SourceIp':'2001:db8::/32'}}";
        assertEquals(ALLOW, outcome(condition, "acs:sourceip", "2001:db8:1::5"));
        assertEquals(IMPLICIT, outcome(condition, "acs:sourceip", "2001:db9::5"));
        assertEquals(IMPLICIT, outcome(condition, "acs:sourceip", "10.0.0.1"));
    }

    @Test
    void badIpValuesAreNotEvaluable() {
        assertEquals(UNKNOWN, outcome("{'IpAddress':{'acs:SourceIp':'10.0.0.0/33'}}", "acs:sourceip", "10.0.0.1"));
        assertEquals(UNKNOWN, outcome("{'IpAddress':{'acs:SourceIp':'300.0.0.1'}}", "acs:sourceip", "10.0.0.1"));
        assertEquals(UNKNOWN, outcome("{'IpAddress':{'acs:SourceIp':'localhost'}}", "acs:sourceip", "127.0.0.1"));
        Decision decision = decide("{'NotIpAddress':{'acs:SourceIp':'10.0.0.0/8'}}", "acs:sourceip", "not-an-ip");
        assertEquals(UNKNOWN, decision.outcome());
        assertTrue(decision.explanation().endsWith("request value \"not-an-ip\" is not an IP address or CIDR block"),
                decision.explanation());
    }

    @Test
    void anyOfSeveralRequestValuesCanMatch() {
        String condition = "{'StringEquals':{'ecs:tag/team':'b'}}";
        assertEquals(ALLOW, outcome(condition, "ecs:tag/team", "a", "ecs:tag/team", "b"));
        assertEquals(IMPLICIT, outcome("{'StringNotEquals':{'ecs:tag/team':'b'}}", "ecs:tag/team", "a", "ecs:tag/team", "b"));
    }

    @Test
    void operatorNamesAreExact() {
        Decision decision = decide("{'stringequals':{'k':'v'}}", "k", "v");
        assertEquals(UNKNOWN, decision.outcome());
        assertTrue(decision.explanation().endsWith("condition operator \"stringequals\" is not supported"));
    }

    @Test
    void emptyConditionObjectHoldsTrivially() {
        assertEquals(ALLOW, outcome("{}"));
    }
}
