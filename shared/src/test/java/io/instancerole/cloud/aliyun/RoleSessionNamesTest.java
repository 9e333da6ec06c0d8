package io.instancerole.cloud.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoleSessionNamesTest {
    private static final String RULE = "[A-Za-z0-9.@_-]{2,32}";

    @Test
    void aValidCallerIdIsTheSessionName() {
        assertEquals("alice@example.com", RoleSessionNames.forCaller("alice@example.com"));
        assertEquals("ci-bot_7", RoleSessionNames.forCaller("ci-bot_7"));
    }

    @Test
    void otherIdsAreSanitizedShortenedAndHashed() {
        for (String id : List.of("a", "bob smith", "x/y:z", "someone.with.a.very.long.address@example-company.com", "~!#$%^&*()")) {
            String name = RoleSessionNames.forCaller(id);
            assertTrue(name.matches(RULE), id + " -> " + name);
        }
        assertTrue(RoleSessionNames.forCaller("bob smith").startsWith("bob-smith-"));
    }

    @Test
    void namesAreStableAndDoNotCollideWhenSanitizedAlike() {
        assertEquals(RoleSessionNames.forCaller("bob smith"), RoleSessionNames.forCaller("bob smith"));
        assertNotEquals(RoleSessionNames.forCaller("bob smith"), RoleSessionNames.forCaller("bob/smith"));
        String longA = "someone.with.a.very.long.address@example-company.com";
        String longB = "someone.with.a.very.long.address@example-company.org";
        assertNotEquals(RoleSessionNames.forCaller(longA), RoleSessionNames.forCaller(longB));
    }
}
