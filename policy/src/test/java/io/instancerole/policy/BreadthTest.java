package io.instancerole.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How far patterns reach, on their union: the ground the linter's breadth rules stand on. */
class BreadthTest {
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
                Arguments.of("acs:r?m:cn-hangzhou:1*:role/*", true),
                Arguments.of("acs:ram:*:*:role/?|acs:ram:*:*:role/??*", true),
                Arguments.of("acs:ram:*:*:role/?|acs:ram:*:*:role/??|acs:ram:*:*:role/???*", true),
                Arguments.of("acs:ram:*:123:role/?|acs:ram:*:*:role/??*", true),
                Arguments.of("acs:ram:*:123:role/?|acs:ram:*:123:role/??*", true),
                Arguments.of("acs:ram:*:*:role/team-a-*", false),
                Arguments.of("acs:ram:*:*:role/?", false),
                Arguments.of("acs:ram:*:*:role/??*", false),
                Arguments.of("acs:ram:*:*:role/?|acs:ram:*:*:role/???*", false),
                Arguments.of("acs:ram:*:123:role/?|acs:ram:*:456:role/??*", false),
                Arguments.of("acs:ram:*:*:role/*a", false),
                Arguments.of("acs:ram:*:*:user/*", false),
                Arguments.of("acs:ecs:*:*:*", false));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyRole")
    void resourcesThatTogetherCoverEveryRole(String patterns, boolean expected) {
        assertEquals(expected, Breadth.covers(Arrays.asList(patterns.split("\\|")), Breadth.Scope.EVERY_ROLE));
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
        assertEquals(expected, Breadth.coversEveryAction(pattern));
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
        assertEquals(expected, Breadth.covers(List.of(pattern), Breadth.Scope.service("oss")));
    }

    static Stream<Arguments> overlaps() {
        return Stream.of(
                Arguments.of("acs:ram:*:*:role/team-a-*", "acs:ram:*:*:role/*", true),
                Arguments.of("acs:ram:*:*:role/team-a-web", "acs:ram:*:*:role/*", true),
                Arguments.of("acs:ram:*:*:role/team-a-web", "acs:ram:*:*:policy/*", false),
                Arguments.of("acs:ram:*:*:*", "acs:ram:*:*:user/*", true),
                Arguments.of("acs:*:*:*:instance/i-1", "acs:ecs:*:*:instance/*", true),
                Arguments.of("acs:oss:*:*:bucket/*", "acs:ecs:*:*:instance/*", false),
                Arguments.of("*", "acs:ecs:*:*:instance/*", true));
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @MethodSource("overlaps")
    void aResourceMayMatchAKindPartByPart(String resource, String example, boolean expected) {
        assertEquals(expected, Breadth.mayMatch(resource, example));
    }
}
