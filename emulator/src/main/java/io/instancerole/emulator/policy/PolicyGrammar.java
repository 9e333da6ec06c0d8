package io.instancerole.emulator.policy;

import java.util.Optional;

/** RAM's syntax check of policy documents, run on create and update: the reason for MalformedPolicyDocument. */
public final class PolicyGrammar {
    /** RAM's current document size limit, in characters. */
    public static final int MAX_DOCUMENT_LENGTH = 6144;

    private PolicyGrammar() {}

    /** Empty when {@code document} is a valid permission policy, else the message for MalformedPolicyDocument. */
    public static Optional<String> checkPermissionPolicy(String document) {
        throw new UnsupportedOperationException("built by the policy evaluator work");
    }

    /** Empty when {@code document} is a valid trust policy (with Principal), else the message for MalformedPolicyDocument. */
    public static Optional<String> checkTrustPolicy(String document) {
        throw new UnsupportedOperationException("built by the policy evaluator work");
    }
}
