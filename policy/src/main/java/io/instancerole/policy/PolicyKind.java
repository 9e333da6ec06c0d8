package io.instancerole.policy;

/** Which grammar a document follows: an identity (permission) policy, or a role's trust policy. */
public enum PolicyKind {
    /** Has Resource/NotResource, no Principal. */
    PERMISSION,
    /** Has Principal, no Resource/NotResource. */
    TRUST
}
