package io.instancerole.chat;

import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks that a request comes from the platform before anything else of it is read: the signature
 * headers, the timestamp's window, and the signature compared in constant time. Any failure is
 * {@code 401 Unauthenticated}. Thread-safe.
 */
public final class RequestVerifier {
    /** DingTalk allows an hour; it delivers within seconds, so the contract narrows it. */
    public static final Duration DINGTALK_WINDOW = Duration.ofMinutes(10);
    public static final Duration SLACK_WINDOW = Duration.ofMinutes(5);
    public static final String DINGTALK_TIMESTAMP = "timestamp";
    public static final String DINGTALK_SIGN = "sign";
    public static final String SLACK_TIMESTAMP = "X-Slack-Request-Timestamp";
    public static final String SLACK_SIGNATURE = "X-Slack-Signature";

    private final Clock clock;
    private final SeenSignatures seen;

    public RequestVerifier(Clock clock, SeenSignatures seen) {
        this.clock = clock;
        this.seen = seen;
    }

    /** @param header a request header by name, matched case-insensitively by the caller */
    public void verify(ChatPlatform platform, String secret, Function<String, Optional<String>> header, byte[] rawBody) {
        if (platform == ChatPlatform.DINGTALK) {
            verifyDingTalk(secret, header, rawBody);
        } else {
            verifySlack(secret, header, rawBody);
        }
    }

    private void verifyDingTalk(String secret, Function<String, Optional<String>> header, byte[] rawBody) {
        String timestamp = required(header, DINGTALK_TIMESTAMP, "DingTalk");
        String sign = required(header, DINGTALK_SIGN, "DingTalk");
        checkWindow(parse(timestamp, DINGTALK_TIMESTAMP, 13), 1, DINGTALK_WINDOW, DINGTALK_TIMESTAMP);
        if (!Signatures.constantTimeEquals(Signatures.dingTalkSign(secret, timestamp), sign)) {
            throw refused("the 'sign' header does not match this app's secret");
        }
        // The signature covers the timestamp, not the body: a captured pair may come back only with the same body.
        if (!seen.admit(timestamp + "\n" + sign, Signatures.sha256(rawBody), clock.instant(), DINGTALK_WINDOW)) {
            throw refused("this timestamp and sign were already used with another message");
        }
    }

    private void verifySlack(String secret, Function<String, Optional<String>> header, byte[] rawBody) {
        String timestamp = required(header, SLACK_TIMESTAMP, "Slack");
        String signature = required(header, SLACK_SIGNATURE, "Slack");
        checkWindow(parse(timestamp, SLACK_TIMESTAMP, 10), 1000, SLACK_WINDOW, SLACK_TIMESTAMP);
        if (!Signatures.constantTimeEquals(Signatures.slackSignature(secret, timestamp, rawBody), signature)) {
            throw refused("the X-Slack-Signature header does not match this app's signing secret and the body");
        }
    }

    private static String required(Function<String, Optional<String>> header, String name, String platform) {
        return header.apply(name).filter(v -> !v.isBlank()).map(String::trim)
                .orElseThrow(() -> refused("the '" + name + "' header is missing: only " + platform + " may call this route"));
    }

    private static long parse(String value, String name, int maxDigits) {
        if (!value.matches("[0-9]{1," + maxDigits + "}")) {
            throw refused("the '" + name + "' header is not a timestamp");
        }
        return Long.parseLong(value);
    }

    /** {@code unitMillis}: 1 for milliseconds (DingTalk), 1000 for seconds (Slack). */
    private void checkWindow(long timestamp, long unitMillis, Duration window, String name) {
        long skew = Math.abs(clock.millis() - timestamp * unitMillis);
        if (skew > window.toMillis()) {
            throw refused("the '" + name + "' header is " + (skew / 60_000) + " minutes away from now; at most "
                    + window.toMinutes() + " minutes are accepted");
        }
    }

    private static DomainException refused(String why) {
        return new DomainException(ErrorCode.Unauthenticated, "request not verified: " + why);
    }
}
