package io.instancerole.emulator.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RAM's syntax check of policy documents, run on create and update: the reason for MalformedPolicyDocument.
 *
 * <p>Over-long documents: RAM answers them with a different code
 * ({@code InvalidParameter.PolicyDocument.Length} / {@code InvalidParameter.AssumeRolePolicyDocument.Length}),
 * so callers test {@link #exceedsMaxLength} first. The check methods still reject an over-long document
 * (with a message saying so), so a caller that skips the length test cannot store one.
 *
 * <p>The message lists every problem found (up to {@value #MAX_PROBLEMS_REPORTED}), separated by "; ",
 * each saying where it is, e.g. {@code Statement[0].Action[1] 'ecs: CreateInstance' is not of the
 * form <service>:<action> (it contains whitespace)}. Condition operators are checked for shape only:
 * RAM may know operators this emulator does not evaluate, and the evaluator denies on those.
 */
public final class PolicyGrammar {
    /** RAM's current document size limit, in characters. */
    public static final int MAX_DOCUMENT_LENGTH = 6144;

    private static final int MAX_PROBLEMS_REPORTED = 10;

    /** Duplicate keys and trailing text would make the document mean something other than it says. */
    private static final ObjectReader JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build()
            .reader();

    private PolicyGrammar() {}

    /** True when {@code document} is longer than {@link #MAX_DOCUMENT_LENGTH} characters: RAM's *.Length error, not MalformedPolicyDocument. */
    public static boolean exceedsMaxLength(String document) {
        return document.length() > MAX_DOCUMENT_LENGTH;
    }

    /** Empty when {@code document} is a valid permission policy, else the message for MalformedPolicyDocument. */
    public static Optional<String> checkPermissionPolicy(String document) {
        return check(document, PolicyKind.PERMISSION);
    }

    /** Empty when {@code document} is a valid trust policy (with Principal), else the message for MalformedPolicyDocument. */
    public static Optional<String> checkTrustPolicy(String document) {
        return check(document, PolicyKind.TRUST);
    }

    private static Optional<String> check(String document, PolicyKind kind) {
        if (document == null || document.isBlank()) {
            return Optional.of("the policy document is empty");
        }
        if (exceedsMaxLength(document)) {
            return Optional.of("the policy document is " + document.length() + " characters long; the limit is "
                    + MAX_DOCUMENT_LENGTH);
        }
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            return Optional.of("the policy document is not valid JSON: " + e.getOriginalMessage() + at(e.getLocation()));
        }
        PolicyDocument policy = PolicyDocument.read(root, kind);
        List<String> problems = new ArrayList<>(policy.problems());
        for (PolicyStatement statement : policy.statements()) {
            problems.addAll(statement.problems());
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(summary(problems));
    }

    private static String summary(List<String> problems) {
        if (problems.size() <= MAX_PROBLEMS_REPORTED) {
            return String.join("; ", problems);
        }
        return String.join("; ", problems.subList(0, MAX_PROBLEMS_REPORTED))
                + "; and " + (problems.size() - MAX_PROBLEMS_REPORTED) + " more";
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
