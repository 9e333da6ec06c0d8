package io.instancerole.domain.policy;

import static io.instancerole.domain.policy.FindingLevel.ERROR;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.config.DeploymentConfig;
import io.instancerole.domain.model.Caller;
import io.instancerole.policy.PolicyDocument;
import io.instancerole.policy.PolicyJson;
import io.instancerole.policy.PolicyKind;
import io.instancerole.policy.PolicyStatement;
import java.util.List;

/**
 * Lints permission policy documents before they reach RAM (the contract's "Policy lint"), for a
 * caller: the one entry point of the REST handlers, the lint-only route and the chat bot. Errors are
 * the problems RAM's own grammar finds ({@link PolicyDocument}, which the emulator enforces too);
 * the breadth and team rules ask the same engine how far each statement reaches. Findings come in
 * document order, each with a level, a stable code, the path of the element it is about and a
 * message that says how to write it instead.
 */
public final class PolicyLinter {
    private final DeploymentConfig config;

    public PolicyLinter(DeploymentConfig config) {
        this.config = config;
    }

    /** {@code document} is a JSON object, or a JSON string holding the document's text. */
    public LintResult lint(JsonNode document, Caller caller) {
        if (document == null || document.isNull() || document.isMissingNode()) {
            return notJson("there is no document: send the policy as a JSON object, or as a string holding one.");
        }
        JsonNode root = document;
        if (document.isTextual()) {
            try {
                root = PolicyJson.parse(document.textValue());
            } catch (JsonProcessingException e) {
                return notJson(PolicyJson.syntaxError(e));
            }
        }
        PolicyDocument policy = PolicyDocument.read(root, PolicyKind.PERMISSION);
        if (!root.isObject()) {
            return notJson(policy.problems().get(0).message());
        }
        String minified = PolicyJson.minify(root);
        Findings findings = new Findings(root);
        PolicyDocument.sizeProblem(minified).ifPresent(problem -> findings.add(ERROR, problem));
        policy.problems().forEach(problem -> findings.add(ERROR, problem));
        StatementRules rules = new StatementRules(findings, caller.team(), config.isAdminTeam(caller.team()),
                config.ownerTagKey());
        for (PolicyStatement statement : policy.statements()) {
            rules.check(statement);
        }
        return new LintResult(findings.inDocumentOrder(), minified);
    }

    private static LintResult notJson(String message) {
        return new LintResult(List.of(new Finding(ERROR, "JSON_SYNTAX", message, "")), null);
    }
}
