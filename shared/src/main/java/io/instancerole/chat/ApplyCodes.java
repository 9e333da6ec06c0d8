package io.instancerole.chat;

import io.instancerole.domain.model.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The short codes of plan-then-apply: an HMAC, with the deployment's key, over who planned (the
 * platform, sender and caller), the normalized command and the minute it expires. Stateless, so
 * any instance can check one; a code fits its sender and command only.
 */
public final class ApplyCodes {
    public static final Duration VALIDITY = Duration.ofMinutes(10);
    /** How far back an expired code is still recognized as expired rather than wrong. */
    private static final int RECOGNIZED_EXPIRED_MINUTES = 24 * 60;
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    static final int LENGTH = 6;

    private final byte[] key;

    public ApplyCodes(String key) {
        this.key = Signatures.utf8(key);
    }

    /** What checking a code found. */
    public enum Check { VALID, EXPIRED, WRONG }

    /** Who a code is for: the platform, the sender's directory key, and the caller they act as (a group's team counts). */
    public static String subject(ChatPlatform platform, String directoryKey, Caller caller) {
        return platform.wire() + "\n" + directoryKey + "\n" + caller.id() + "\n" + caller.team();
    }

    /** A code valid for 10 to 11 minutes (the expiry is rounded up to a whole minute). */
    public Issued issue(String subject, String normalizedCommand, Instant now) {
        long expiryMinute = now.getEpochSecond() / 60 + VALIDITY.toMinutes() + 1;
        return new Issued(code(subject, normalizedCommand, expiryMinute), Instant.ofEpochSecond(expiryMinute * 60));
    }

    public Check check(String code, String subject, String normalizedCommand, Instant now) {
        String wanted = normalize(code);
        long nowMinute = now.getEpochSecond() / 60;
        boolean expired = false;
        for (long minute = nowMinute + VALIDITY.toMinutes() + 1; minute >= nowMinute - RECOGNIZED_EXPIRED_MINUTES; minute--) {
            if (Signatures.constantTimeEquals(code(subject, normalizedCommand, minute), wanted)) {
                // a code stops working at its expiry instant, not a second after it
                if (minute * 60 > now.getEpochSecond()) {
                    return Check.VALID;
                }
                expired = true;
            }
        }
        return expired ? Check.EXPIRED : Check.WRONG;
    }

    /** As a person may type it: any case, O for 0, I or L for 1, hyphens ignored (Crockford's Base32). */
    public static String normalize(String code) {
        return code.toUpperCase(Locale.ROOT).replace("-", "").replace('O', '0').replace('I', '1').replace('L', '1');
    }

    /** True for a word that could be a code. */
    public static boolean looksLikeCode(String word) {
        return normalize(word).matches("[0-9A-HJKMNP-TV-Z]{" + LENGTH + "}");
    }

    private String code(String subject, String normalizedCommand, long expiryMinute) {
        byte[] mac = Signatures.hmacSha256(key, Signatures.utf8("apply-code-v1\n" + subject + "\n" + expiryMinute + "\n" + normalizedCommand));
        long bits = ((mac[0] & 0xFFL) << 24) | ((mac[1] & 0xFFL) << 16) | ((mac[2] & 0xFFL) << 8) | (mac[3] & 0xFFL);
        char[] out = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (bits & 31)];
            bits >>>= 5;
        }
        return new String(out);
    }

    /** A code and the moment it stops working. */
    public static final class Issued {
        private final String code;
        private final Instant expires;

        Issued(String code, Instant expires) {
            this.code = code;
            this.expires = expires;
        }

        public String code() {
            return code;
        }

        public Instant expires() {
            return expires;
        }
    }
}
