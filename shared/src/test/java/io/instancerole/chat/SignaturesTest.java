package io.instancerole.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The signatures against vectors the platforms published, not against this code's own output. */
class SignaturesTest {
    /** Slack's documented example ("Verifying requests from Slack"), also in its SDKs' SignatureVerifier tests. */
    static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String SLACK_TIMESTAMP = "1531420618";
    static final String SLACK_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
            + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2F"
            + "hooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    static final String SLACK_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    /**
     * DingTalk publishes the algorithm with sample code but no fixed vector; this one is the output
     * of DingTalk's own Python sample (secret "this is secret") for the timestamp of its callback
     * example, run outside this code base.
     */
    static final String DINGTALK_SECRET = "this is secret";
    static final String DINGTALK_TIMESTAMP = "1577262236757";
    static final String DINGTALK_SIGN = "hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=";

    @Test
    void slackSignatureMatchesSlacksPublishedExample() {
        assertEquals(SLACK_SIGNATURE, Signatures.slackSignature(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_BODY.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void dingTalkSignMatchesDingTalksSampleCode() {
        assertEquals(DINGTALK_SIGN, Signatures.dingTalkSign(DINGTALK_SECRET, DINGTALK_TIMESTAMP));
        assertEquals("wJM6Rv60GAp8D5sk3XpE6vyEANI5uxJiZ4ss912OHKQ=", Signatures.dingTalkSign("dev-dingtalk-secret", "1700000000000"));
    }

    @Test
    void comparisonIsExact() {
        assertTrue(Signatures.constantTimeEquals(SLACK_SIGNATURE, SLACK_SIGNATURE));
        assertFalse(Signatures.constantTimeEquals(SLACK_SIGNATURE, SLACK_SIGNATURE.toUpperCase()));
        assertFalse(Signatures.constantTimeEquals(SLACK_SIGNATURE, SLACK_SIGNATURE + " "));
        assertFalse(Signatures.constantTimeEquals(SLACK_SIGNATURE, ""));
    }
}
