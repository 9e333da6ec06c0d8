package io.instancerole.domain.service;

import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.UserName;
import io.instancerole.domain.port.CloudPolicy;
import io.instancerole.domain.port.CloudPolicyVersion;
import io.instancerole.domain.port.CloudUser;
import io.instancerole.domain.port.RamPort;

/** Reads that must find something, with the contract's 404 when they do not. */
public final class Lookups {
    private Lookups() {}

    public static CloudUser requireUser(RamPort ram, UserName user) {
        return ram.getUser(user).orElseThrow(() -> new DomainException(ErrorCode.UserNotFound,
                "RAM user '" + user + "' does not exist"));
    }

    /** A custom policy's default document, read from its versions when GetPolicy did not return it; null when none is found. */
    public static String defaultDocument(RamPort ram, PolicyName name, CloudPolicy policy) {
        if (policy.defaultDocument() != null) {
            return policy.defaultDocument();
        }
        return ram.listPolicyVersions(name).stream()
                .filter(CloudPolicyVersion::isDefault)
                .map(CloudPolicyVersion::document)
                .findFirst()
                .orElse(null);
    }
}
