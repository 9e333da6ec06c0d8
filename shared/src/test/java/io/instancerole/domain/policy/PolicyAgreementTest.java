package io.instancerole.domain.policy;

import static io.instancerole.emulator.testing.SdkRequests.createPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.instancerole.domain.config.DeploymentConfig;
import io.instancerole.domain.model.Caller;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.policy.PolicyDocument;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The linter and RAM agree: every document of the corpus (and a few more about the grammar's edges)
 * goes to the linter and, through the unmodified SDK, to the emulator's CreatePolicy. What the linter
 * calls an ERROR, RAM rejects (MalformedPolicyDocument, or the length code for DOCUMENT_TOO_LARGE),
 * and what RAM rejects, the linter calls an ERROR.
 */
class PolicyAgreementTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();
    private static final Caller ADMIN = Caller.of("root", "platform");
    private static DefaultAcsClient root;
    private final PolicyLinter linter = new PolicyLinter(DeploymentConfig.defaults());

    @BeforeAll
    static void rootClient() {
        root = EMULATOR.root();
    }

    static Stream<Arguments> documents() {
        Stream<Arguments> corpus = Stream.concat(PolicyCorpus.attacks(), PolicyCorpus.benign())
                .map(c -> Arguments.of(c.name, c.document));
        String statement = "{\"Effect\":\"Allow\",\"Action\":\"ecs:DescribeInstances\",\"Resource\":\"acs:oss:*:*:b/";
        return Stream.concat(corpus, Stream.of(
                text("at the size limit", padded(statement, PolicyDocument.MAX_DOCUMENT_LENGTH)),
                text("one character over the size limit", padded(statement, PolicyDocument.MAX_DOCUMENT_LENGTH + 1)),
                text("not JSON", "Version: 1"),
                text("a JSON array", "[{\"Version\":\"1\"}]"),
                text("an empty document", "{}"),
                text("Statement is a string", "{\"Version\":\"1\",\"Statement\":\"Allow everything\"}"),
                text("a top-level Id", "{\"Version\":\"1\",\"Id\":\"x\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*:Get*\",\"Resource\":\"*\"}]}"),
                text("Resource and NotResource", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecs:A\","
                        + "\"Resource\":\"*\",\"NotResource\":\"acs:ecs:*:*:instance/i-1\"}]}"),
                text("a region with a wildcard and an empty account", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"ecs:DescribeInstances\",\"Resource\":\"acs:ecs:cn-*::instance/i-?\"}]}"),
                text("an action with an underscore and a hyphenated service", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":"
                        + "\"Allow\",\"Action\":[\"vpc-x:Get_Thing\",\"ECS:describeinstances\"],\"Resource\":\"*\"}]}"),
                text("an action with a dot", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"ecs:Describe.Instances\",\"Resource\":\"*\"}]}"),
                text("a condition key without values", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"ecs:DescribeInstances\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"k\":[]}}}]}"),
                text("an operator without keys", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"ecs:DescribeInstances\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{}}}]}"),
                text("numbers and booleans as condition values", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"ecs:DescribeInstances\",\"Resource\":\"*\",\"Condition\":{\"NumericLessThan\":{\"k\":3},"
                        + "\"Bool\":{\"acs:MFAPresent\":true}}}]}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void whatTheLinterCallsAnErrorRamRejectsAndTheReverse(String name, JsonNode document) {
        LintResult lint = linter.lint(document, ADMIN);
        String sent = lint.minifiedDocument() != null ? lint.minifiedDocument() : document.textValue();
        Optional<String> ramError = ramError(sent);

        List<String> errors = lint.findings().stream().filter(f -> f.level() == FindingLevel.ERROR)
                .map(Finding::code).collect(Collectors.toList());
        String expected = errors.isEmpty() ? "accepted"
                : errors.equals(List.of("DOCUMENT_TOO_LARGE")) ? "InvalidParameter.PolicyDocument.Length"
                : "MalformedPolicyDocument";
        assertEquals(expected, ramError.orElse("accepted"), () -> "linter: " + lint.findings());
    }

    /** RAM's error code, or empty when it created the policy. */
    private static Optional<String> ramError(String document) {
        try {
            EMULATOR.send(root, createPolicy("agreement", document));
            return Optional.empty();
        } catch (ClientException e) {
            return Optional.of(e.getErrCode());
        }
    }

    private static Arguments text(String name, String text) {
        return Arguments.of(name, TextNode.valueOf(text));
    }

    private static String padded(String statementHead, int length) {
        String head = "{\"Version\":\"1\",\"Statement\":[" + statementHead;
        String tail = "\"}]}";
        return head + "x".repeat(length - head.length() - tail.length()) + tail;
    }
}
