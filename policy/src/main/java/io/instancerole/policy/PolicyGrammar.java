package io.instancerole.policy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * RAM's check of a policy document on create and update, as one message: the reason for
 * MalformedPolicyDocument. The problems are those the linter reports as ERROR findings.
 *
 * <p>Over-long documents: RAM answers them with a different code
 * ({@code InvalidParameter.PolicyDocument.Length}), so callers test {@link #exceedsMaxLength} first;
 * the check still rejects one, so a caller that skips the length test cannot store it.
 */
public final class PolicyGrammar {
    private static final int MAX_PROBLEMS_REPORTED = 10;

    private PolicyGrammar() {}

    public static boolean exceedsMaxLength(String document) {
        return document.length() > PolicyDocument.MAX_DOCUMENT_LENGTH;
    }

    /** Empty when {@code document} is a valid permission policy, else every problem, each with its path. */
    public static Optional<String> checkPermissionPolicy(String document) {
        return summary(PolicyDocument.parse(document, PolicyKind.PERMISSION).problems());
    }

    /** Empty when {@code document} is a valid trust policy (with Principal), else every problem. */
    public static Optional<String> checkTrustPolicy(String document) {
        return summary(PolicyDocument.parse(document, PolicyKind.TRUST).problems());
    }

    private static Optional<String> summary(List<Problem> problems) {
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        String shown = problems.stream().limit(MAX_PROBLEMS_REPORTED).map(Problem::toString).collect(Collectors.joining(" "));
        return Optional.of(problems.size() <= MAX_PROBLEMS_REPORTED ? shown
                : shown + " And " + (problems.size() - MAX_PROBLEMS_REPORTED) + " more.");
    }
}
