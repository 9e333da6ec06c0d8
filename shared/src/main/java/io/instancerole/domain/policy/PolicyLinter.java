package io.instancerole.domain.policy;

import com.fasterxml.jackson.databind.JsonNode;

/** Lints permission policy documents before they reach RAM (see the contract's "Policy lint"). */
public final class PolicyLinter {
    /** {@code document} is a JSON object, or a JSON string holding the document's text. */
    public LintResult lint(JsonNode document) {
        throw new UnsupportedOperationException("built by the linter work");
    }
}
