package io.instancerole.cloud.aliyun;

import java.util.Locale;
import java.util.regex.Pattern;

/** Keeps secrets out of messages built from what the cloud or the SDK said. */
final class Redaction {
    private static final Pattern URL_QUERY = Pattern.compile("(https?://[^\\s?]*)\\?\\S*");

    private Redaction() {}

    /**
     * Drops the server's string to sign (a signature error quotes it, SecurityToken included),
     * the query of any URL (signed parameters) and any literal occurrence of the secret or token.
     */
    static String clean(String message, CloudCredentials credentials) {
        String cleaned = message;
        int stringToSign = cleaned.toLowerCase(Locale.ROOT).indexOf("string to sign");
        if (stringToSign >= 0) {
            cleaned = cleaned.substring(0, stringToSign) + "string to sign withheld";
        }
        cleaned = URL_QUERY.matcher(cleaned).replaceAll("$1?(signed query withheld)");
        cleaned = cleaned.replace(credentials.accessKeySecret(), "***");
        if (credentials.securityToken() != null) {
            cleaned = cleaned.replace(credentials.securityToken(), "***");
        }
        return cleaned;
    }
}
