package io.instancerole.cloud.aliyun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * STS RoleSessionName from a caller id, so the cloud's own audit trail names the person: 2-32
 * characters of {@code [A-Za-z0-9.@_-]}. A valid id is used as it is; any other is sanitized,
 * shortened, and suffixed with a hash of the original, so the name stays stable and two ids that
 * sanitize alike still get different names.
 */
final class RoleSessionNames {
    static final int MAX_LENGTH = 32;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9.@_-]{2," + MAX_LENGTH + "}");
    private static final Pattern INVALID_CHARACTER = Pattern.compile("[^A-Za-z0-9.@_-]");
    private static final int HASH_LENGTH = 8;

    private RoleSessionNames() {}

    static String forCaller(String callerId) {
        if (VALID.matcher(callerId).matches()) {
            return callerId;
        }
        String sanitized = INVALID_CHARACTER.matcher(callerId).replaceAll("-");
        int prefixLength = Math.min(sanitized.length(), MAX_LENGTH - HASH_LENGTH - 1);
        return sanitized.substring(0, prefixLength) + "-" + hash(callerId);
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; hex.length() < HASH_LENGTH; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
