package io.instancerole.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApplyCodesTest {
    private static final ApplyCodes CODES = new ApplyCodes("a-test-key-of-at-least-thirty-two-chars");
    private static final Instant PLANNED = Instant.parse("2026-12-02T11:20:30Z");
    private static final String ALICE = "slack\nT0001/U0ALICE\nalice\nteam-a";
    private static final String BOB = "slack\nT0001/U0BOB\nbob\nteam-b";
    private static final String BIND = "bind team-a-web i-demoa1";

    @Test
    void aCodeWorksForItsSenderAndCommandForTenMinutes() {
        ApplyCodes.Issued issued = CODES.issue(ALICE, BIND, PLANNED);
        assertTrue(issued.code().matches("[0-9A-HJKMNP-TV-Z]{6}"), issued.code());
        assertEquals(Instant.parse("2026-12-02T11:31:00Z"), issued.expires());
        assertEquals(ApplyCodes.Check.VALID, CODES.check(issued.code(), ALICE, BIND, PLANNED));
        assertEquals(ApplyCodes.Check.VALID, CODES.check(issued.code(), ALICE, BIND, PLANNED.plus(Duration.ofMinutes(10))));
        assertEquals(ApplyCodes.Check.VALID, CODES.check(issued.code().toLowerCase(), ALICE, BIND, PLANNED), "typed in lower case");
    }

    @Test
    void anotherSenderAnotherCommandATamperedOrAnExpiredCodeIsRefused() {
        String code = CODES.issue(ALICE, BIND, PLANNED).code();
        assertEquals(ApplyCodes.Check.WRONG, CODES.check(code, BOB, BIND, PLANNED));
        assertEquals(ApplyCodes.Check.WRONG, CODES.check(code, ALICE, BIND + " i-demoa2", PLANNED));
        char last = code.charAt(5);
        String tampered = code.substring(0, 5) + (last == 'Z' ? 'Y' : (char) (last == '9' ? 'A' : last + 1));
        assertNotEquals(code, tampered);
        assertEquals(ApplyCodes.Check.WRONG, CODES.check(tampered, ALICE, BIND, PLANNED));
        assertEquals(ApplyCodes.Check.EXPIRED, CODES.check(code, ALICE, BIND, PLANNED.plus(Duration.ofMinutes(11))));
        assertEquals(ApplyCodes.Check.WRONG, new ApplyCodes("another-key-of-at-least-thirty-two-chars").check(code, ALICE, BIND, PLANNED));
    }

    @Test
    void aCodeStopsWorkingAtItsExpiryInstant() {
        ApplyCodes.Issued issued = CODES.issue(ALICE, BIND, PLANNED);
        assertEquals(ApplyCodes.Check.VALID, CODES.check(issued.code(), ALICE, BIND, issued.expires().minusSeconds(1)));
        assertEquals(ApplyCodes.Check.EXPIRED, CODES.check(issued.code(), ALICE, BIND, issued.expires()));
    }

    @Test
    void codesAreReadAsAPersonTypesThem() {
        assertEquals("0A1B11", ApplyCodes.normalize("oa-ibl1"));
        assertTrue(ApplyCodes.looksLikeCode("7kq2mx"));
        assertTrue(!ApplyCodes.looksLikeCode("i-demoa1") && !ApplyCodes.looksLikeCode("7KQ2MXX"));
    }
}
