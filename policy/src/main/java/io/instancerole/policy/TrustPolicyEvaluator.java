package io.instancerole.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Evaluates a role's trust policy (AssumeRolePolicyDocument) for sts:AssumeRole by a principal.
 *
 * <p>The principal is trusted when an Allow statement for sts:AssumeRole names it and no Deny
 * statement that names it applies. Fails closed: a malformed document trusts nobody; an Allow
 * with a Condition does not count (there is no request context to evaluate it against); a Deny
 * that might apply (a Condition, an unreadable part) blocks. Principal values are compared
 * case-insensitively, without wildcards.
 */
public final class TrustPolicyEvaluator {
    private static final String ASSUME_ROLE = "sts:AssumeRole";

    private TrustPolicyEvaluator() {}

    /** The services the trust policy names as principals and lets assume the role, in document order. */
    public static List<String> trustedServices(String trustPolicy) {
        JsonNode root = PolicyJson.tryParse(trustPolicy).orElse(null);
        Set<String> named = new LinkedHashSet<>();
        for (PolicyStatement statement : PolicyDocument.read(root, PolicyKind.TRUST).statements()) {
            named.addAll(statement.principals("service"));
        }
        List<String> trusted = new ArrayList<>();
        for (String service : named) {
            if (trustsService(root, service)) {
                trusted.add(service);
            }
        }
        return trusted;
    }

    /** {@link #trustsService(JsonNode, String)} of a document's text; text that is not JSON trusts nobody. */
    public static boolean trustsService(String trustPolicy, String serviceName) {
        return trustsService(PolicyJson.tryParse(trustPolicy).orElse(null), serviceName);
    }

    /** True when the trust policy lets {@code serviceName} (e.g. {@code ecs.aliyuncs.com}) assume the role. */
    public static boolean trustsService(JsonNode trustPolicy, String serviceName) {
        return trusts(trustPolicy, "service", serviceName::equalsIgnoreCase);
    }

    /**
     * True when the trust policy lets a RAM principal of the account assume the role: {@code principalArn}
     * is {@code acs:ram::<account>:root}, {@code acs:ram::<account>:user/<name>} or
     * {@code acs:ram::<account>:assumed-role/<role>/<session>}.
     *
     * <p>The trust policy may name the account ({@code acs:ram::<account>:root}: any principal of it,
     * as far as the principal's own policies allow), the user, or the role (which matches its
     * sessions). A principal ARN that is not of {@code accountId} is never trusted.
     */
    public static boolean trustsRamPrincipal(JsonNode trustPolicy, String accountId, String principalArn) {
        String accountPrefix = "acs:ram::" + accountId.toLowerCase(Locale.ROOT) + ":";
        String principal = principalArn.toLowerCase(Locale.ROOT);
        if (!principal.startsWith(accountPrefix)) {
            return false;
        }
        String asNamed = asNamedInTrustPolicy(accountPrefix, principal.substring(accountPrefix.length()));
        String account = accountPrefix + "root";
        return trusts(trustPolicy, "ram", value -> {
            String named = value.toLowerCase(Locale.ROOT);
            return named.equals(account) || named.equals(asNamed);
        });
    }

    /** A session of a role is named in trust policies by its role: assumed-role/r/s is role/r. */
    private static String asNamedInTrustPolicy(String accountPrefix, String relativeId) {
        if (relativeId.startsWith("assumed-role/")) {
            String roleAndSession = relativeId.substring("assumed-role/".length());
            int slash = roleAndSession.indexOf('/');
            return accountPrefix + "role/" + (slash < 0 ? roleAndSession : roleAndSession.substring(0, slash));
        }
        return accountPrefix + relativeId;
    }

    private static boolean trusts(JsonNode trustPolicy, String principalType, Predicate<String> namesPrincipal) {
        PolicyDocument document = PolicyDocument.read(trustPolicy, PolicyKind.TRUST);
        if (!document.documentProblems().isEmpty()) {
            return false;
        }
        boolean allowed = false;
        for (PolicyStatement statement : document.statements()) {
            Match match = statement.actionMatches(ASSUME_ROLE)
                    .and(statement.principalMatches(principalType, namesPrincipal))
                    .and(statement.otherElementsUnderstood())
                    .and(statement.hasNoCondition());
            if (match.isNo()) {
                continue;
            }
            boolean allowStatement = statement.effect().ok()
                    && statement.effect().value() == PolicyStatement.Effect.ALLOW;
            if (!allowStatement) {
                return false;
            }
            allowed |= match.isYes();
        }
        return allowed;
    }
}
