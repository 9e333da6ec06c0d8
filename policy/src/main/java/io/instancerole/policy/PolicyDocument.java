package io.instancerole.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A policy document read against RAM's grammar: every problem (with code and path) and its
 * statements, each read on its own. The emulator rejects a document with problems as
 * MalformedPolicyDocument; the linter reports the same problems as ERROR findings.
 */
public final class PolicyDocument {
    /** RAM's current document size limit, in characters of the text it is given. */
    public static final int MAX_DOCUMENT_LENGTH = 6144;
    private static final List<String> TOP_LEVEL_ELEMENTS = List.of("Version", "Statement");

    private final List<Problem> documentProblems;
    private final List<PolicyStatement> statements;

    private PolicyDocument(List<Problem> documentProblems, List<PolicyStatement> statements) {
        this.documentProblems = List.copyOf(documentProblems);
        this.statements = List.copyOf(statements);
    }

    /** The text as RAM reads it on create and update: size, JSON syntax, then the grammar. */
    public static PolicyDocument parse(String text, PolicyKind kind) {
        if (text == null || text.isBlank()) {
            return broken("JSON_SYNTAX", "the document is empty: write {\"Version\": \"1\", \"Statement\": [ ... ]}.");
        }
        Optional<Problem> size = sizeProblem(text);
        if (size.isPresent()) {
            return new PolicyDocument(List.of(size.get()), List.of());
        }
        try {
            return read(PolicyJson.parse(text), kind);
        } catch (JsonProcessingException e) {
            return broken("JSON_SYNTAX", PolicyJson.syntaxError(e));
        }
    }

    /** DOCUMENT_TOO_LARGE when the text RAM is given is over its limit. */
    public static Optional<Problem> sizeProblem(String text) {
        if (text.length() <= MAX_DOCUMENT_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new Problem("DOCUMENT_TOO_LARGE", "", "the document is " + text.length() + " characters long;"
                + " RAM accepts at most " + MAX_DOCUMENT_LENGTH
                + ": split it into several policies and attach them all."));
    }

    /** An already parsed document (its size is the caller's to check, with {@link #sizeProblem}). */
    public static PolicyDocument read(JsonNode root, PolicyKind kind) {
        if (root == null || root.isMissingNode()) {
            return broken("JSON_SYNTAX", "the document is empty: write {\"Version\": \"1\", \"Statement\": [ ... ]}.");
        }
        if (!root.isObject()) {
            return broken("JSON_SYNTAX", "the document is " + PolicyJson.kind(root)
                    + ", not a JSON object: write {\"Version\": \"1\", \"Statement\": [ ... ]}.");
        }
        List<Problem> problems = new ArrayList<>();
        List<PolicyStatement> statements = new ArrayList<>();
        if (!root.has("Version")) {
            problems.add(new Problem("INVALID_VERSION", "Version", "the document has no Version: add \"Version\": \"1\"."));
        }
        if (!root.has("Statement")) {
            problems.add(new Problem("MISSING_STATEMENT", "Statement", "the document has no Statement: add \"Statement\":"
                    + " [{\"Effect\": \"Allow\", \"Action\": [ ... ], \"Resource\": [ ... ]}]."));
        }
        for (Map.Entry<String, JsonNode> element : root.properties()) {
            String key = element.getKey();
            JsonNode value = element.getValue();
            if (key.equals("Version")) {
                if (!value.isTextual() || !value.textValue().equals("1")) {
                    String found = value.isTextual() ? PolicyJson.quote(value.textValue()) : PolicyJson.kind(value);
                    problems.add(new Problem("INVALID_VERSION", "Version", "Version is " + found
                            + ", but RAM's policy language has only one version, the string \"1\": write \"Version\": \"1\"."));
                }
            } else if (key.equals("Statement")) {
                readStatements(value, kind, problems, statements);
            } else {
                problems.add(new Problem("UNKNOWN_ELEMENT", key,
                        PolicyStatement.unknownElement(key, TOP_LEVEL_ELEMENTS, "a RAM policy")));
            }
        }
        return new PolicyDocument(problems, statements);
    }

    private static void readStatements(JsonNode value, PolicyKind kind, List<Problem> problems,
            List<PolicyStatement> statements) {
        if (value.isObject()) {
            // RAM takes a single value wherever it takes a list: one statement written without the list
            statements.add(PolicyStatement.read(value, "Statement", kind));
        } else if (!value.isArray()) {
            problems.add(new Problem("MISSING_STATEMENT", "Statement", "Statement is " + PolicyJson.kind(value)
                    + "; it must be a list of statement objects: \"Statement\": [ {...} ]."));
        } else if (value.isEmpty()) {
            problems.add(new Problem("MISSING_STATEMENT", "Statement", "Statement is empty: add at least one statement"
                    + " {\"Effect\": ..., \"Action\": ..., \"Resource\": ...}."));
        } else {
            for (int i = 0; i < value.size(); i++) {
                statements.add(PolicyStatement.read(value.get(i), "Statement[" + i + "]", kind));
            }
        }
    }

    private static PolicyDocument broken(String code, String message) {
        return new PolicyDocument(List.of(new Problem(code, "", message)), List.of());
    }

    /** Problems of the document as a whole (size, syntax, Version, Statement, top-level elements). */
    public List<Problem> documentProblems() {
        return documentProblems;
    }

    /** Every problem: the document's, then each statement's. Empty when RAM accepts the document. */
    public List<Problem> problems() {
        List<Problem> all = new ArrayList<>(documentProblems);
        statements.forEach(statement -> all.addAll(statement.problems()));
        return all;
    }

    public List<PolicyStatement> statements() {
        return statements;
    }
}
