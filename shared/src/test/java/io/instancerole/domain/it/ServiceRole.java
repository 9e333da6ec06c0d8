package io.instancerole.domain.it;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.instancerole.cloud.aliyun.ExecutionCredentials;
import io.instancerole.emulator.Emulator;
import io.instancerole.emulator.client.SessionCredentials;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.emulator.testing.SdkClients;
import io.instancerole.emulator.testing.SdkRequests;
import io.instancerole.emulator.testing.TrustPolicies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The deployment's own role as {@code template.yml} declares it: the service's {@code Policies},
 * created in the emulator, and a session of it as Function Compute hands it to the functions
 * (execution credentials). The services under test thus run with exactly the permissions the
 * template gives them: a permission missing there is denied here, as it would be in the cloud.
 * The one fixture for this: the functions' tests use it too, through this module's test-jar.
 */
public final class ServiceRole {
    public static final String ROLE_NAME = "instance-role-api";
    /** The operator role's name that the template lets the service role assume. */
    static final String OPERATOR_ROLE_NAME = "instance-role-api-operator";
    static final String SERVICE_NAME = "instance-role-api";
    private static final List<String> POLICY_DOCUMENTS = readTemplatePolicies();

    private final SessionCredentials session;

    private ServiceRole(SessionCredentials session) {
        this.session = session;
    }

    static ServiceRole createIn(EmulatorExtension emulator) {
        return createIn(emulator.emulator());
    }

    /** Creates the role and its policies with the account's root key, then takes a session of it as Function Compute would. */
    public static ServiceRole createIn(Emulator emulator) {
        DefaultAcsClient root = SdkClients.client(emulator.rootAccessKeyId(), emulator.rootAccessKeySecret(), EmulatorExtension.REGION);
        try {
            send(emulator, root, SdkRequests.createRole(ROLE_NAME, TrustPolicies.service("fc.aliyuncs.com")));
            for (int i = 0; i < POLICY_DOCUMENTS.size(); i++) {
                send(emulator, root, SdkRequests.createPolicy(policyName(i), POLICY_DOCUMENTS.get(i)));
                send(emulator, root, SdkRequests.attachPolicyToRole("Custom", policyName(i), ROLE_NAME));
            }
        } catch (ClientException e) {
            throw new IllegalStateException("could not create the service role in the emulator: " + e.getErrCode(), e);
        }
        return new ServiceRole(emulator.control().serviceCredentials(ROLE_NAME));
    }

    private static void send(Emulator emulator, DefaultAcsClient root, AcsRequest<?> request) throws ClientException {
        root.getAcsResponse(SdkClients.at(emulator.endpoint(), request));
    }

    /**
     * The operator role of the template's comment: trusted by the service role, with the same
     * permissions. Returns its ARN, the value of OPERATOR_ROLE_ARN.
     */
    String createOperatorRole(EmulatorExtension emulator) {
        String trust = "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"RAM\":[\"acs:ram::"
                + emulator.accountId() + ":role/" + ROLE_NAME + "\"]}}],\"Version\":\"1\"}";
        try {
            DefaultAcsClient root = emulator.root();
            emulator.send(root, SdkRequests.createRole(OPERATOR_ROLE_NAME, trust));
            for (int i = 0; i < POLICY_DOCUMENTS.size(); i++) {
                emulator.send(root, SdkRequests.attachPolicyToRole("Custom", policyName(i), OPERATOR_ROLE_NAME));
            }
        } catch (ClientException e) {
            throw new IllegalStateException("could not create the operator role in the emulator: " + e.getErrCode(), e);
        }
        return "acs:ram::" + emulator.accountId() + ":role/" + OPERATOR_ROLE_NAME;
    }

    /** The STS session Function Compute would hand the functions ({@code Context.getExecutionCredentials()}). */
    public SessionCredentials session() {
        return session;
    }

    /** What a handler does with {@code Context.getExecutionCredentials()}. */
    ExecutionCredentials executionCredentials() {
        ExecutionCredentials execution = new ExecutionCredentials();
        execution.update(session.accessKeyId(), session.accessKeySecret(), session.securityToken());
        return execution;
    }

    /** The parts of the session that must never appear in a log line or a message. */
    List<String> secrets() {
        return List.of(session.accessKeySecret(), session.securityToken());
    }

    private static String policyName(int index) {
        return ROLE_NAME + "-policy-" + (index + 1);
    }

    /** {@code Resources.<service>.Properties.Policies}, each as a JSON policy document. */
    private static List<String> readTemplatePolicies() {
        Path template = findTemplate();
        try {
            JsonNode policies = new YAMLMapper().readTree(template.toFile())
                    .path("Resources").path(SERVICE_NAME).path("Properties").path("Policies");
            List<String> documents = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            for (JsonNode policy : policies) {
                if (!policy.isObject()) {
                    throw new IllegalStateException(template + ": the service's Policies hold '" + policy.asText()
                            + "'; these tests give the role inline documents only, so teach ServiceRole to attach named policies");
                }
                documents.add(json.writeValueAsString(policy));
            }
            if (documents.isEmpty()) {
                throw new IllegalStateException(template + " declares no Policies for the service " + SERVICE_NAME);
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + template, e);
        }
    }

    /** Tests run in the module's directory; the template is at the project's root. */
    private static Path findTemplate() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path template = dir.resolve("template.yml");
            if (Files.isRegularFile(template)) {
                return template;
            }
        }
        throw new IllegalStateException("template.yml not found above " + Paths.get("").toAbsolutePath());
    }
}
