package io.instancerole.emulator.rpc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signature version 1.0 (HMAC-SHA1) of RPC calls, as the V1 SDK computes it. */
public final class RpcSignature {
    public static final String SIGNATURE = "Signature";

    private RpcSignature() {}

    /** {@code METHOD&%2F&percentEncode(sorted, encoded name=value pairs joined by &)}; {@code Signature} excluded. */
    public static String stringToSign(String method, Map<String, String> params) {
        StringJoiner canonical = new StringJoiner("&");
        // TreeMap's natural String order is the SDK's Arrays.sort order (case-sensitive code units)
        new TreeMap<>(params).forEach((name, value) -> {
            if (!SIGNATURE.equals(name)) {
                canonical.add(percentEncode(name) + "=" + percentEncode(value));
            }
        });
        return method + "&" + percentEncode("/") + "&" + percentEncode(canonical.toString());
    }

    public static String sign(String stringToSign, String accessKeySecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    /** Constant-time comparison, so the check leaks nothing about the expected signature. */
    public static boolean matches(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** UTF-8 URL encoding with {@code +}→{@code %20}, {@code *}→{@code %2A}, {@code %7E}→{@code ~}. */
    static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
