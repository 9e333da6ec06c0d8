package io.instancerole.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RequestVerifierTest {
    private static final byte[] SLACK_BODY = SignaturesTest.SLACK_BODY.getBytes(StandardCharsets.UTF_8);
    private static final byte[] DING_BODY = "{\"msgtype\":\"text\",\"text\":{\"content\":\"whoami\"},\"msgId\":\"m1\"}".getBytes(StandardCharsets.UTF_8);

    private static RequestVerifier at(long epochMillis) {
        return new RequestVerifier(Clock.fixed(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC), new SeenSignatures(100));
    }

    private static java.util.function.Function<String, Optional<String>> headers(String... pairs) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return name -> Optional.ofNullable(map.get(name));
    }

    private static void refused(Runnable check, String because) {
        DomainException e = assertThrows(DomainException.class, check::run);
        assertEquals(ErrorCode.Unauthenticated, e.code());
        assertTrue(e.getMessage().contains(because), e.getMessage());
    }

    @Test
    void slacksExampleVerifiesInsideItsWindowOnly() {
        long signedAt = Long.parseLong(SignaturesTest.SLACK_TIMESTAMP) * 1000;
        java.util.function.Function<String, Optional<String>> signed = headers("x-slack-request-timestamp", SignaturesTest.SLACK_TIMESTAMP,
                "X-SLACK-SIGNATURE", SignaturesTest.SLACK_SIGNATURE);
        at(signedAt + 299_000).verify(ChatPlatform.SLACK, SignaturesTest.SLACK_SECRET, signed, SLACK_BODY);
        at(signedAt - 299_000).verify(ChatPlatform.SLACK, SignaturesTest.SLACK_SECRET, signed, SLACK_BODY);
        refused(() -> at(signedAt + 301_000).verify(ChatPlatform.SLACK, SignaturesTest.SLACK_SECRET, signed, SLACK_BODY), "minutes away");
        refused(() -> at(signedAt).verify(ChatPlatform.SLACK, "another-secret", signed, SLACK_BODY), "does not match");
        byte[] changed = SignaturesTest.SLACK_BODY.replace("text=", "text=bind").getBytes(StandardCharsets.UTF_8);
        refused(() -> at(signedAt).verify(ChatPlatform.SLACK, SignaturesTest.SLACK_SECRET, signed, changed), "does not match");
        refused(() -> at(signedAt).verify(ChatPlatform.SLACK, SignaturesTest.SLACK_SECRET,
                headers("X-Slack-Request-Timestamp", SignaturesTest.SLACK_TIMESTAMP), SLACK_BODY), "X-Slack-Signature' header is missing");
        refused(() -> at(signedAt).verify(ChatPlatform.SLACK, SignaturesTest.SLACK_SECRET,
                headers("X-Slack-Signature", SignaturesTest.SLACK_SIGNATURE), SLACK_BODY), "X-Slack-Request-Timestamp' header is missing");
        refused(() -> at(signedAt).verify(ChatPlatform.SLACK, SignaturesTest.SLACK_SECRET,
                headers("X-Slack-Request-Timestamp", "soon", "X-Slack-Signature", SignaturesTest.SLACK_SIGNATURE), SLACK_BODY), "not a timestamp");
    }

    @Test
    void dingTalkIsCheckedWithTheNarrowedWindow() {
        long signedAt = Long.parseLong(SignaturesTest.DINGTALK_TIMESTAMP);
        java.util.function.Function<String, Optional<String>> signed = headers("timestamp", SignaturesTest.DINGTALK_TIMESTAMP,
                "sign", SignaturesTest.DINGTALK_SIGN);
        at(signedAt + 599_000).verify(ChatPlatform.DINGTALK, SignaturesTest.DINGTALK_SECRET, signed, DING_BODY);
        // DingTalk itself would accept up to an hour; the contract says 10 minutes
        refused(() -> at(signedAt + 601_000).verify(ChatPlatform.DINGTALK, SignaturesTest.DINGTALK_SECRET, signed, DING_BODY), "at most 10");
        refused(() -> at(signedAt).verify(ChatPlatform.DINGTALK, "another-secret", signed, DING_BODY), "does not match");
        refused(() -> at(signedAt).verify(ChatPlatform.DINGTALK, SignaturesTest.DINGTALK_SECRET, headers("timestamp",
                SignaturesTest.DINGTALK_TIMESTAMP), DING_BODY), "'sign' header is missing");
        refused(() -> at(signedAt).verify(ChatPlatform.DINGTALK, SignaturesTest.DINGTALK_SECRET, headers("sign",
                SignaturesTest.DINGTALK_SIGN), DING_BODY), "'timestamp' header is missing");
    }

    @Test
    void aSeenDingTalkPairIsAcceptedAgainOnlyWithTheSameBody() {
        long signedAt = Long.parseLong(SignaturesTest.DINGTALK_TIMESTAMP);
        RequestVerifier verifier = at(signedAt + 1000);
        java.util.function.Function<String, Optional<String>> signed = headers("timestamp", SignaturesTest.DINGTALK_TIMESTAMP,
                "sign", SignaturesTest.DINGTALK_SIGN);
        verifier.verify(ChatPlatform.DINGTALK, SignaturesTest.DINGTALK_SECRET, signed, DING_BODY);
        verifier.verify(ChatPlatform.DINGTALK, SignaturesTest.DINGTALK_SECRET, signed, DING_BODY);
        byte[] other = "{\"msgtype\":\"text\",\"text\":{\"content\":\"unbind i-demoa1\"},\"msgId\":\"m2\"}".getBytes(StandardCharsets.UTF_8);
        refused(() -> verifier.verify(ChatPlatform.DINGTALK, SignaturesTest.DINGTALK_SECRET, signed, other), "already used");
    }
}
