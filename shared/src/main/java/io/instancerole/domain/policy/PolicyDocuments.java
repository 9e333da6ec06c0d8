package io.instancerole.domain.policy;

/** Comparing policy documents by meaning, not text. */
public final class PolicyDocuments {
    private PolicyDocuments() {}

    /**
     * True when two documents mean the same: key order, whitespace, a string versus a one-element
     * list, and the order of values in Action/Resource/Principal lists do not matter.
     */
    public static boolean sameMeaning(String a, String b) {
        throw new UnsupportedOperationException("built by the linter work");
    }

    /** True when the trust policy lets {@code service} (e.g. ecs.aliyuncs.com) assume the role; principal key case ignored. */
    public static boolean trustsService(String trustPolicyDocument, String service) {
        throw new UnsupportedOperationException("built by the linter work");
    }
}
