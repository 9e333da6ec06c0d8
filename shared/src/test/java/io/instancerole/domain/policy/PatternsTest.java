package io.instancerole.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a wildcard pattern matches and covers: the ground the breadth checks stand on. */
class PatternsTest {
    static Stream<Arguments> matches() {
        return Stream.of(
                Arguments.of("ram:PassRole", "ram:PassRole", true),
                Arguments.of("RAM:passrole", "ram:PassRole", true),
                Arguments.of("ram:*", "ram:PassRole", true),
                Arguments.of("*", "", true),
                Arguments.of("ram:Pass*", "ram:PassRole", true),
                Arguments.of("ram:P?ssRole", "ram:PassRole", true),
                Arguments.of("*:*Role", "ram:PassRole", true),
                Arguments.of("ram:Get*", "ram:PassRole", false),
                Arguments.of("ram:PassRole?", "ram:PassRole", false),
                Arguments.of("ram:?", "ram:", false),
                Arguments.of("*a*b", "xaxxbxb", true),
                Arguments.of("*a*b", "xaxxbx", false));
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @MethodSource("matches")
    void globMatching(String pattern, String text, boolean expected) {
        assertEquals(expected, Glob.matches(pattern, text));
    }

    static Stream<Arguments> everyRole() {
        return Stream.of(
                Arguments.of("*", true),
                Arguments.of("acs:ram:*:*:*", true),
                Arguments.of("acs:ram:*:*:role/*", true),
                Arguments.of("acs:ram:*:123456789012:role/*", true),
                Arguments.of("acs:ram::123456789012:role/*", true),
                Arguments.of("acs:*:*:*:*", true),
                Arguments.of("acs:ram:*:*:r*", true),
                Arguments.of("acs:ram:*:*:role/?*", true),
                Arguments.of("acs:RAM:*:*:ROLE/*", true),
                Arguments.of("acs:ram:*:*:role/team-a-*", false),
                Arguments.of("acs:ram:*:*:role/?", false),
                Arguments.of("acs:ram:*:*:role/??*", false),
                Arguments.of("acs:ram:*:*:role/*a", false),
                Arguments.of("acs:ram:*:*:user/*", false),
                Arguments.of("acs:ecs:*:*:*", false));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyRole")
    void resourcesThatCoverEveryRole(String pattern, boolean expected) {
        assertEquals(expected, ResourcePatterns.coversEveryRole(pattern));
    }

    static Stream<Arguments> everyAction() {
        return Stream.of(
                Arguments.of("*", true),
                Arguments.of("*:*", true),
                Arguments.of("**", true),
                Arguments.of("?*", true),
                Arguments.of("ecs:*", false),
                Arguments.of("*:Describe*", false),
                Arguments.of("*:?", false));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyAction")
    void actionsThatCoverEveryAction(String pattern, boolean expected) {
        assertEquals(expected, ActionPatterns.coversEveryAction(pattern));
    }

    static Stream<Arguments> everyResourceOfOss() {
        return Stream.of(
                Arguments.of("*", true),
                Arguments.of("acs:oss:*:*:*", true),
                Arguments.of("acs:oss:*:123456789012:*", true),
                Arguments.of("acs:o*:*:*:*", true),
                Arguments.of("acs:oss:*:*:my-bucket/*", false),
                Arguments.of("acs:ecs:*:*:*", false));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyResourceOfOss")
    void resourcesThatCoverAWholeService(String pattern, boolean expected) {
        assertEquals(expected, ResourcePatterns.coversEveryResourceOf(pattern, "oss"));
    }
}
