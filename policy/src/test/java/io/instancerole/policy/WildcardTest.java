package io.instancerole.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WildcardTest {
    @Test
    void starMatchesAnyRunIncludingNone() {
        assertTrue(Wildcard.matches("ecs:Describe*", "ecs:DescribeInstances", false));
        assertTrue(Wildcard.matches("ecs:Describe*", "ecs:Describe", false));
        assertTrue(Wildcard.matches("*", "", false));
        assertTrue(Wildcard.matches("a*b*c", "a-x-b-y-c", false));
        assertFalse(Wildcard.matches("a*b*c", "a-x-b-y-d", false));
    }

    @Test
    void starBacktracksWhenTheFirstChoiceFails() {
        assertTrue(Wildcard.matches("*ab", "aab", false));
        assertTrue(Wildcard.matches("a*a*a", "aaaa", false));
        assertFalse(Wildcard.matches("a*a*a", "aa", false));
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        assertTrue(Wildcard.matches("i-?bc", "i-abc", false));
        assertFalse(Wildcard.matches("i-?bc", "i-bc", false));
        assertFalse(Wildcard.matches("i-?bc", "i-aabc", false));
        assertTrue(Wildcard.matches("??", "ab", false));
        assertFalse(Wildcard.matches("?", "", false));
    }

    @Test
    void literalsMustMatchWholeValue() {
        assertFalse(Wildcard.matches("ecs:Describe", "ecs:DescribeInstances", false));
        assertFalse(Wildcard.matches("ecs:DescribeInstances", "ecs:Describe", false));
        assertTrue(Wildcard.matches("", "", false));
        assertFalse(Wildcard.matches("", "x", false));
    }

    @Test
    void caseIsIgnoredOnlyWhenAsked() {
        assertTrue(Wildcard.matches("acs:ram:*:*:role/Team-A-*", "ACS:RAM::123:ROLE/team-a-web", true));
        assertFalse(Wildcard.matches("acs:ram:*:*:role/Team-A-*", "acs:ram::123:role/team-a-web", false));
    }

    @Test
    void regexCharactersAreLiterals() {
        assertTrue(Wildcard.matches("a.b+(c)", "a.b+(c)", false));
        assertFalse(Wildcard.matches("a.b", "axb", false));
    }

    @Test
    void patternsTogetherCoverEveryFilling() {
        assertTrue(Wildcard.coversEvery(java.util.List.of("role/?", "role/??*"), "role/", ""));
        assertFalse(Wildcard.coversEvery(java.util.List.of("role/?", "role/???*"), "role/", ""));
        assertTrue(Wildcard.coversEvery(java.util.List.of("*"), "", ":", ""));
        assertFalse(Wildcard.coversEvery(java.util.List.of("*:?"), "", ":", ""));
        assertFalse(Wildcard.coversEvery(java.util.List.of(), "role/", ""));
    }

    @Test
    void twoPatternsIntersectWhenSomeTextMatchesBoth() {
        assertTrue(Wildcard.intersects("role/team-*", "*-admin"));
        assertTrue(Wildcard.intersects("a?c", "*b*"));
        assertTrue(Wildcard.intersects("ROLE/X", "role/x"));
        assertFalse(Wildcard.intersects("role/a*", "role/b*"));
        assertFalse(Wildcard.intersects("a?", "abc*d"));
        assertTrue(Wildcard.intersects("", "*"));
        assertFalse(Wildcard.intersects("", "?"));
    }
}
