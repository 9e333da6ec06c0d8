package io.instancerole.emulator.ram;

import io.instancerole.emulator.core.ApiException;
import io.instancerole.policy.PolicyDocument;
import io.instancerole.policy.PolicyGrammar;
import java.util.regex.Pattern;

/** RAM's name and length rules (reference 4.1) with their error codes (reference 3.2). */
final class RamRules {
    /** The older API regex {@code ^[a-zA-Z0-9\.@\-]+$}; current docs drop {@code @}, which stays accepted here. */
    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z0-9.@-]+");
    private static final Pattern POLICY_NAME = Pattern.compile("[A-Za-z0-9-]+");
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    static final long MIN_SESSION_DURATION = 3600;
    static final long MAX_SESSION_DURATION = 43200;
    static final int MAX_ROLES = 1000;
    static final int MAX_CUSTOM_POLICIES = 1500;
    static final int MAX_VERSIONS = 5;
    static final int MAX_CUSTOM_POLICIES_PER_PRINCIPAL = 5;
    static final int MAX_SYSTEM_POLICIES_PER_PRINCIPAL = 20;

    private RamRules() {}

    static void roleName(String name) {
        name("RoleName", name, 64, ROLE_NAME, "letters, digits, '.', '@' and '-'");
    }

    static void policyName(String name) {
        name("PolicyName", name, 128, POLICY_NAME, "letters, digits and '-'");
    }

    static void userName(String name) {
        name("UserName", name, 64, USER_NAME, "letters, digits, '.', '_' and '-'");
    }

    private static void name(String param, String value, int maxLength, Pattern allowed, String allowedText) {
        if (value.length() > maxLength) {
            throw ApiException.invalidParameter("InvalidParameter." + param + ".Length",
                    "The parameter " + param + " must be 1 to " + maxLength + " characters long.");
        }
        if (!allowed.matcher(value).matches()) {
            throw ApiException.invalidParameter("InvalidParameter." + param + ".InvalidChars",
                    "The parameter " + param + " may contain only " + allowedText + ": \"" + value + "\".");
        }
    }

    static void maxLength(String param, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw ApiException.invalidParameter("InvalidParameter." + param + ".Length",
                    "The parameter " + param + " must be at most " + maxLength + " characters long (it has "
                            + value.length() + ").");
        }
    }

    /** Length, then grammar: {@code InvalidParameter.<param>.Length} or {@code MalformedPolicyDocument}. */
    static void permissionPolicy(String param, String document) {
        maxLength(param, document, PolicyDocument.MAX_DOCUMENT_LENGTH);
        PolicyGrammar.checkPermissionPolicy(document).ifPresent(RamRules::malformed);
    }

    static void trustPolicy(String param, String document) {
        maxLength(param, document, PolicyDocument.MAX_DOCUMENT_LENGTH);
        PolicyGrammar.checkTrustPolicy(document).ifPresent(RamRules::malformed);
    }

    private static void malformed(String reason) {
        throw ApiException.invalidParameter("MalformedPolicyDocument", "The policy document is malformed: " + reason);
    }

    static long sessionDuration(String param, String value, long defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        long seconds;
        try {
            seconds = Long.parseLong(value);
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < MIN_SESSION_DURATION || seconds > MAX_SESSION_DURATION) {
            throw ApiException.invalidParameter("InvalidParameter." + param,
                    "The parameter " + param + " must be a number of seconds from 3600 to 43200: \"" + value + "\".");
        }
        return seconds;
    }

    /** {@code Custom} or {@code System}; {@code InvalidParameter.PolicyType} otherwise. */
    static String policyType(String value) {
        if (!"Custom".equals(value) && !"System".equals(value)) {
            throw ApiException.invalidParameter("InvalidParameter.PolicyType",
                    "The parameter PolicyType must be \"Custom\" or \"System\": \"" + value + "\".");
        }
        return value;
    }

    static boolean bool(String param, String value) {
        if (value == null) {
            return false;
        }
        if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
            throw ApiException.invalidParameter("InvalidParameter." + param,
                    "The parameter " + param + " must be true or false: \"" + value + "\".");
        }
        return Boolean.parseBoolean(value);
    }
}
