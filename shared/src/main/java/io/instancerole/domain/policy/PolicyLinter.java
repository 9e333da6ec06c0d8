package io.instancerole.domain.policy;

import static io.instancerole.domain.policy.FindingLevel.ERROR;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Lints permission policy documents before they reach RAM (see the contract's "Policy lint").
 * Findings come in document order; each has a level, a stable code, a message that says how to fix
 * it, and the path of the element it is about (a missing element: the path where it belongs).
 */
public final class PolicyLinter {
    /** RAM's current limit for a policy document, in characters of its minified text. */
    public static final int MAX_DOCUMENT_LENGTH = 6144;
    private static final List<String> TOP_LEVEL_ELEMENTS = List.of("Version", "Statement");

    /** {@code document} is a JSON object, or a JSON string holding the document's text. */
    public LintResult lint(JsonNode document) {
        if (document == null || document.isNull() || document.isMissingNode()) {
            return notJson("there is no document: send the policy as a JSON object, or as a string holding one.");
        }
        JsonNode root = document;
        if (document.isTextual()) {
            try {
                root = PolicyJson.parse(document.textValue());
            } catch (JsonProcessingException e) {
                return notJson(PolicyJson.describe(e));
            }
            if (root.isMissingNode()) {
                return notJson("the document is empty: write {\"Version\": \"1\", \"Statement\": [ ... ]}.");
            }
        }
        if (!root.isObject()) {
            return notJson("the document is " + StatementLinter.kind(root)
                    + ", not a JSON object: write {\"Version\": \"1\", \"Statement\": [ ... ]}.");
        }
        String minified = PolicyJson.minify(root);
        Findings findings = new Findings(root);
        if (minified.length() > MAX_DOCUMENT_LENGTH) {
            findings.add(ERROR, "DOCUMENT_TOO_LARGE", "", "the document is " + minified.length()
                    + " characters once minified; RAM accepts at most " + MAX_DOCUMENT_LENGTH
                    + ": split it into several policies and attach them all.");
        }
        if (!root.has("Version")) {
            findings.add(ERROR, "INVALID_VERSION", "Version", "the document has no Version: add \"Version\": \"1\".");
        }
        if (!root.has("Statement")) {
            findings.add(ERROR, "MISSING_STATEMENT", "Statement", "the document has no Statement: add \"Statement\":"
                    + " [{\"Effect\": \"Allow\", \"Action\": [ ... ], \"Resource\": [ ... ]}].");
        }
        StatementLinter statements = new StatementLinter(findings);
        for (Map.Entry<String, JsonNode> element : root.properties()) {
            String key = element.getKey();
            if (key.equals("Version")) {
                checkVersion(element.getValue(), findings);
            } else if (key.equals("Statement")) {
                checkStatements(element.getValue(), statements, findings);
            } else {
                findings.add(ERROR, "UNKNOWN_ELEMENT", key,
                        StatementLinter.unknownElement(key, TOP_LEVEL_ELEMENTS, "a RAM policy"));
            }
        }
        return new LintResult(findings.inDocumentOrder(), minified);
    }

    private static void checkVersion(JsonNode version, Findings findings) {
        if (version.isTextual() && version.textValue().equals("1")) return;
        String found = version.isTextual() ? "\"" + version.textValue() + "\"" : StatementLinter.kind(version);
        findings.add(ERROR, "INVALID_VERSION", "Version", "Version is " + found
                + ", but RAM's policy language has only one version, the string \"1\": write \"Version\": \"1\".");
    }

    private static void checkStatements(JsonNode statements, StatementLinter linter, Findings findings) {
        if (statements.isNull() || (statements.isArray() && statements.isEmpty())) {
            findings.add(ERROR, "MISSING_STATEMENT", "Statement",
                    "Statement is empty: add at least one statement {\"Effect\": ..., \"Action\": ..., \"Resource\": ...}.");
        } else if (statements.isArray()) {
            for (int i = 0; i < statements.size(); i++) linter.lint(statements.get(i), JsonPaths.item("Statement", i));
        } else if (statements.isObject()) {
            findings.add(ERROR, "INVALID_STATEMENT", "Statement",
                    "Statement is a single object; RAM takes a list: write \"Statement\": [ {...} ].");
            linter.lint(statements, "Statement");
        } else {
            findings.add(ERROR, "INVALID_STATEMENT", "Statement", "Statement is " + StatementLinter.kind(statements)
                    + "; it must be a list of statement objects: \"Statement\": [ {...} ].");
        }
    }

    private static LintResult notJson(String message) {
        return new LintResult(List.of(new Finding(ERROR, "JSON_SYNTAX", message, "")), null);
    }
}
