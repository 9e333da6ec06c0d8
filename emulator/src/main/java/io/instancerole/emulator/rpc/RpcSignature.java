package io.instancerole.emulator.rpc;

import io.instancerole.emulator.core.ApiException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signature version 1.0 (HMAC-SHA1) of RPC calls, as the V1 SDK computes it. */
public final class RpcSignature {
    public static final String SIGNATURE = "Signature";

    private RpcSignature() {}

    /** The V1 claims of {@code request}: its {@code AccessKeyId}, {@code Timestamp}, {@code SignatureNonce} parameters. */
    static SignedCall read(RpcRequest request) {
        String accessKeyId = required(request, "AccessKeyId");
        String signature = required(request, SIGNATURE);
        String nonce = required(request, "SignatureNonce");
        if (!"HMAC-SHA1".equals(required(request, "SignatureMethod"))
                || !"1.0".equals(required(request, "SignatureVersion"))) {
            throw new ApiException(400, "InvalidSignatureMethod",
                    "Specified signature method is not supported: use SignatureMethod HMAC-SHA1 with SignatureVersion 1.0.");
        }
        String timestamp = required(request, "Timestamp");
        return new SignedCall() {
            @Override public String version() { return "1.0"; }
            @Override public String accessKeyId() { return accessKeyId; }
            @Override public String timestamp() { return timestamp; }
            @Override public String nonce() { return nonce; }
            @Override public String securityToken() { return request.param("SecurityToken"); }

            @Override
            public Optional<ApiException> mismatch(String secret) {
                String expected = stringToSign(request.method(), request.params());
                if (matches(sign(expected, secret), signature)) {
                    return Optional.empty();
                }
                // the SDK compares the text after "string to sign is:" with its own to tell a wrong secret apart
                return Optional.of(new ApiException(400, "SignatureDoesNotMatch",
                        "Specified signature is not matched with our calculation. server string to sign is:" + expected));
            }
        };
    }

    private static String required(RpcRequest request, String name) {
        String value = request.param(name);
        if (value == null) {
            throw ApiException.missingParameter(name);
        }
        return value;
    }

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
