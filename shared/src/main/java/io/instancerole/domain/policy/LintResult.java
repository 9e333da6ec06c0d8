package io.instancerole.domain.policy;

import java.util.List;

/** The findings for one document, and the document minified as it will be sent to RAM. */
public final class LintResult {
    private final List<Finding> findings;
    private final String minifiedDocument;

    public LintResult(List<Finding> findings, String minifiedDocument) {
        this.findings = List.copyOf(findings);
        this.minifiedDocument = minifiedDocument;
    }

    public List<Finding> findings() { return findings; }

    /** The document as compact JSON text; null when it is not JSON at all. */
    public String minifiedDocument() { return minifiedDocument; }

    public boolean has(FindingLevel level) {
        return findings.stream().anyMatch(f -> f.level() == level);
    }
}
