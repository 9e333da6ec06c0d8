package io.instancerole.emulator.rpc;

import io.instancerole.emulator.core.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signature V3 ({@code ACS3-HMAC-SHA256}), as the Tea-based SDKs send it: {@code Authorization:
 * ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<a;b;…>,Signature=<hex>} over the
 * canonical request (method, {@code /}, canonical query, canonical headers, signed headers, hex
 * SHA-256 of the body).
 */
public final class AcsSignatureV3 {
    public static final String ALGORITHM = "ACS3-HMAC-SHA256";
    private static final String ACS_HEADER_PREFIX = "x-acs-";

    private AcsSignatureV3() {}

    /** True when the request is signed with V3 (it has an {@code Authorization} header of that scheme family). */
    static boolean applies(RpcRequest request) {
        String authorization = request.header("authorization");
        return authorization != null && authorization.startsWith("ACS3-");
    }

    static SignedCall read(RpcRequest request) {
        String authorization = request.header("authorization");
        int space = authorization.indexOf(' ');
        String algorithm = space < 0 ? authorization : authorization.substring(0, space);
        if (!ALGORITHM.equals(algorithm)) {
            throw new ApiException(400, "InvalidSignatureMethod",
                    "Specified signature method " + algorithm + " is not supported: use " + ALGORITHM + ".");
        }
        Map<String, String> fields = new TreeMap<>();
        for (String field : authorization.substring(space + 1).split(",")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                fields.put(field.substring(0, eq).trim(), field.substring(eq + 1).trim());
            }
        }
        String accessKeyId = fields.get("Credential");
        String signedHeaders = fields.get("SignedHeaders");
        String signature = fields.get("Signature");
        if (isEmpty(accessKeyId) || isEmpty(signedHeaders) || isEmpty(signature)) {
            throw incomplete("the Authorization header needs Credential, SignedHeaders and Signature");
        }
        List<String> signed = Arrays.asList(signedHeaders.split(";"));
        for (String required : List.of("host", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256")) {
            if (request.header(required) == null) {
                throw ApiException.missingParameter(required);
            }
        }
        // an unsigned x-acs-* header (a security token above all) could be swapped after signing
        for (String header : acsHeaders(request)) {
            if (!signed.contains(header)) {
                throw incomplete("the header " + header + " is not in SignedHeaders: every x-acs-* header sent must be signed");
            }
        }
        if (!signed.contains("host")) {
            throw incomplete("host is not in SignedHeaders");
        }
        return new V3Call(request, accessKeyId, signedHeaders, signed, signature);
    }

    /** The canonical request the server rebuilds; the body enters through the server's own hash of it. */
    static String canonicalRequest(RpcRequest request, String signedHeaders, List<String> signed) {
        StringJoiner query = new StringJoiner("&");
        // TreeMap's natural order is the SDK's Arrays.sort order
        new TreeMap<>(request.query()).forEach((name, value) ->
                query.add(RpcSignature.percentEncode(name) + "=" + RpcSignature.percentEncode(value)));
        StringBuilder headers = new StringBuilder();
        List<String> sorted = new ArrayList<>(signed);
        Collections.sort(sorted);
        for (String name : sorted) {
            String value = request.header(name);
            headers.append(name).append(':').append(value == null ? "" : value.trim()).append('\n');
        }
        return request.method() + "\n/\n" + query + "\n" + headers + "\n" + signedHeaders + "\n" + request.bodySha256();
    }

    public static String stringToSign(String canonicalRequest) {
        return ALGORITHM + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    public static String sign(String stringToSign, String accessKeySecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(accessKeySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return hex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return hex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return out.toString();
    }

    private static List<String> acsHeaders(RpcRequest request) {
        List<String> names = new ArrayList<>();
        for (String name : request.headers().keySet()) {
            if (name.startsWith(ACS_HEADER_PREFIX)) {
                names.add(name);
            }
        }
        return names;
    }

    // The code of an Authorization header that lacks parts is UNVERIFIED; IncompleteSignature is the
    // gateway's documented code for a signature it cannot read.
    private static ApiException incomplete(String why) {
        return new ApiException(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards: " + why + ".");
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static final class V3Call implements SignedCall {
        private final RpcRequest request;
        private final String accessKeyId;
        private final String signedHeaders;
        private final List<String> signed;
        private final String signature;

        V3Call(RpcRequest request, String accessKeyId, String signedHeaders, List<String> signed, String signature) {
            this.request = request;
            this.accessKeyId = accessKeyId;
            this.signedHeaders = signedHeaders;
            this.signed = signed;
            this.signature = signature;
        }

        @Override public String version() { return "3"; }
        @Override public String accessKeyId() { return accessKeyId; }
        @Override public String timestamp() { return request.header("x-acs-date"); }
        @Override public String nonce() { return request.header("x-acs-signature-nonce"); }
        @Override public String securityToken() { return request.header("x-acs-security-token"); }

        // A body changed after signing is caught here: the server hashes the body it received, so the
        // canonical request differs and the signature does not match. Whether the real gateway reports
        // a wrong x-acs-content-sha256 with its own code is UNVERIFIED; SignatureDoesNotMatch is what
        // its signature check must give. The message format is the one the real V3 gateway writes.
        @Override
        public Optional<ApiException> mismatch(String secret) {
            String stringToSign = stringToSign(canonicalRequest(request, signedHeaders, signed));
            if (RpcSignature.matches(sign(stringToSign, secret), signature.toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
            return Optional.of(new ApiException(400, "SignatureDoesNotMatch",
                    "Specified signature does not match our calculation. server StringToSign is [" + stringToSign + "]"));
        }
    }
}
