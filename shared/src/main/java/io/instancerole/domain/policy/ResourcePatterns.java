package io.instancerole.domain.policy;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The syntax of Resource values ({@code *} or {@code acs:<service>:<region>:<account-id>:<relative-id>},
 * wildcards allowed inside the parts) and what a pattern covers.
 */
final class ResourcePatterns {
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9_*?-]+");
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9*?-]*");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9*?]*");
    private static final String FORM = "use \"*\" or acs:<service>:<region>:<account-id>:<relative-id>"
            + " (region and account id may be * or empty), e.g. \"acs:ram:*:<account-id>:role/<role-name>\"";

    private ResourcePatterns() {}

    /** Empty when the value is {@code *} or a well-formed ARN; else why not and what to write instead. */
    static Optional<String> problem(String resource) {
        Optional<String> reason = reason(resource);
        if (reason.isEmpty()) return reason;
        String squeezed = resource.replaceAll("\\s+", "");
        String fix = !squeezed.equals(resource) && reason(squeezed).isEmpty() ? "write \"" + squeezed + "\"" : FORM;
        return Optional.of("\"" + resource + "\" is not a resource: " + reason.get() + "; " + fix + ".");
    }

    static boolean coversEveryResource(String pattern) {
        return Glob.coversEvery(pattern, "acs:", regionAndAccount(pattern), "");
    }

    static boolean coversEveryResourceOf(String pattern, String service) {
        return Glob.coversEvery(pattern, "acs:" + service + regionAndAccount(pattern), "");
    }

    /** Every role of an account counts as every role: roles are only ever passed within their own account. */
    static boolean coversEveryRole(String pattern) {
        return Glob.coversEvery(pattern, "acs:ram" + regionAndAccount(pattern) + "role/", "");
    }

    /** The service part of an ARN when it is a plain name (no wildcard), e.g. "oss" for "acs:oss:*:*:*". */
    static Optional<String> literalService(String pattern) {
        String[] parts = pattern.split(":", 5);
        return parts.length == 5 && !parts[1].contains("*") && !parts[1].contains("?")
                ? Optional.of(parts[1].toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static Optional<String> reason(String resource) {
        if (resource.equals("*")) return Optional.empty();
        if (resource.chars().anyMatch(Character::isWhitespace)) return Optional.of("it contains spaces");
        String[] parts = resource.split(":", 5);
        if (parts[0].equalsIgnoreCase("arn")) return Optional.of("it is an AWS ARN, RAM's start with acs:");
        if (parts.length < 5) return Optional.of("it has " + parts.length + " of the 5 parts separated by ':'");
        if (!parts[0].equalsIgnoreCase("acs")) return Optional.of("it starts with \"" + parts[0] + "\" instead of acs");
        if (!SERVICE.matcher(parts[1]).matches()) return Optional.of("\"" + parts[1] + "\" is not a service code such as ecs or ram");
        if (!REGION.matcher(parts[2]).matches()) return Optional.of("\"" + parts[2] + "\" is not a region such as cn-hangzhou");
        if (!ACCOUNT.matcher(parts[3]).matches()) return Optional.of("the account id \"" + parts[3] + "\" is not digits");
        if (parts[4].isEmpty()) return Optional.of("the relative id after the account id is empty");
        return Optional.empty();
    }

    /**
     * ":<region>:<account>:" as the pattern names them, made concrete: region and account are not what
     * "every role" or "every resource of a service" is about, so the coverage tests take whatever the
     * pattern asks for there.
     */
    private static String regionAndAccount(String pattern) {
        String[] parts = pattern.split(":", 5);
        return parts.length == 5 ? ":" + example(parts[2]) + ":" + example(parts[3]) + ":" : ":::";
    }

    private static String example(String glob) {
        return glob.replace("*", "").replace('?', '0');
    }
}
