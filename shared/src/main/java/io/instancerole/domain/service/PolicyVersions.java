package io.instancerole.domain.service;

import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.port.RamPort;
import java.util.LinkedHashMap;
import java.util.Map;

/** Changing a custom policy's document, the one way both createPolicy and PassRole grants do it. */
public final class PolicyVersions {
    private PolicyVersions() {}

    /**
     * Creates a version with {@code document} and makes it the default; RAM deletes the oldest
     * non-default version when the policy is at its limit of 5. Returns the new version's id.
     */
    public static String newDefault(RequestContext ctx, RamPort ram, PolicyName policy, String document) {
        String version = ram.createPolicyVersion(policy, document, true, true);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("policyName", policy.value());
        change.put("versionId", version);
        ctx.recordChange("CreatePolicyVersion", change);
        return version;
    }
}
