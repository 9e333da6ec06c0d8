package io.instancerole.chat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platforms' request signatures, computed one way for the function that checks them and for
 * the local {@code chat} command that plays the platform.
 */
public final class Signatures {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Signatures() {}

    /** DingTalk: Base64(HmacSHA256(key = app secret, data = timestamp + "\n" + app secret)). */
    public static String dingTalkSign(String appSecret, String timestamp) {
        return Base64.getEncoder().encodeToString(hmacSha256(utf8(appSecret), utf8(timestamp + "\n" + appSecret)));
    }

    /** Slack: "v0=" + hex(HmacSHA256(key = signing secret, data = "v0:" + timestamp + ":" + raw body)). */
    public static String slackSignature(String signingSecret, String timestamp, byte[] rawBody) {
        byte[] prefix = utf8("v0:" + timestamp + ":");
        byte[] data = new byte[prefix.length + rawBody.length];
        System.arraycopy(prefix, 0, data, 0, prefix.length);
        System.arraycopy(rawBody, 0, data, prefix.length, rawBody.length);
        return "v0=" + hex(hmacSha256(utf8(signingSecret), data));
    }

    /** Compares in time that does not depend on where the values differ. */
    public static boolean constantTimeEquals(String expected, String received) {
        return MessageDigest.isEqual(utf8(expected), utf8(received));
    }

    static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }
}
