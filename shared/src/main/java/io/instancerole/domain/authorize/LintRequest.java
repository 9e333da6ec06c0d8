package io.instancerole.domain.authorize;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.model.PolicyName;

/** {@code POST /v1/policy-lint}: {@code {"document", "policyName"?}}. */
public final class LintRequest {
    private final JsonNode document;
    private final PolicyName policyName;

    private LintRequest(JsonNode document, PolicyName policyName) {
        this.document = document;
        this.policyName = policyName;
    }

    /** {@code document} as for createPolicy (an object, or a string holding the text); {@code policyName} may be null. */
    public static LintRequest of(JsonNode document, PolicyName policyName) {
        CreatePolicyRequest.checkDocument(document);
        return new LintRequest(document.deepCopy(), policyName);
    }

    public JsonNode document() {
        return document.deepCopy();
    }

    /** Null when not given. */
    public PolicyName policyName() {
        return policyName;
    }
}
