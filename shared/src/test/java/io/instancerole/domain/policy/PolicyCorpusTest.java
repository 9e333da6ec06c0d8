package io.instancerole.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.instancerole.domain.config.DeploymentConfig;
import io.instancerole.domain.guard.Guardrails;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The attacker's corpus: every try gets the finding it must, with a message that says what to write instead. */
class PolicyCorpusTest {
    private static final DeploymentConfig CONFIG = DeploymentConfig.defaults();
    private final PolicyLinter linter = new PolicyLinter(CONFIG);
    private final Guardrails guardrails = new Guardrails(CONFIG);

    static Stream<PolicyCorpus.Case> attacks() {
        return PolicyCorpus.attacks();
    }

    static Stream<PolicyCorpus.Case> benign() {
        return PolicyCorpus.benign();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void everyAttackGetsItsFinding(PolicyCorpus.Case attack) {
        LintResult result = linter.lint(attack.document, attack.caller);
        List<String> found = result.findings().stream().map(f -> f.level() + " " + f.code() + " " + f.path())
                .collect(Collectors.toList());
        for (String expected : attack.expected) {
            assertTrue(found.contains(expected), () -> expected + " not in " + result.findings());
        }
        for (Finding finding : result.findings()) {
            assertTrue(finding.message().length() > 40 && finding.message().matches("(?s).*(write|[Nn]ame|[Ll]imit|[Ll]ist|"
                    + "[Ll]eave|[Aa]sk|[Rr]emove|[Aa]dd|[Ss]plit|[Cc]heck|keep|narrow).*"),
                    () -> "the message does not say what to do instead: " + finding);
        }
        // a team is refused (422 for errors, 403 PolicyTooBroad for security warnings); an admin only for errors
        assertTrue(result.has(FindingLevel.ERROR) || result.has(FindingLevel.SECURITY_WARNING), result.findings()::toString);
        if (!result.has(FindingLevel.ERROR)) {
            if (guardrails.isAdmin(attack.caller)) {
                guardrails.checkFindings(attack.caller, result);
            } else {
                DomainException refused = assertThrows(DomainException.class, () -> guardrails.checkFindings(attack.caller, result));
                assertEquals(ErrorCode.PolicyTooBroad, refused.code());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benign")
    void ordinaryTeamPoliciesPassUntouched(PolicyCorpus.Case benign) {
        LintResult result = linter.lint(benign.document, benign.caller);
        assertFalse(result.has(FindingLevel.ERROR), result.findings()::toString);
        assertFalse(result.has(FindingLevel.SECURITY_WARNING), result.findings()::toString);
        guardrails.checkFindings(benign.caller, result);
    }
}
