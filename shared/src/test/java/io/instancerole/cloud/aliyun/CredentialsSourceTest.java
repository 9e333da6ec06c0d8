package io.instancerole.cloud.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsSourceTest {

    @Test
    void environmentCredentialsReadTheStandardVariables() {
        CloudCredentials key = EnvironmentCredentials.from(Map.of(
                "ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIid", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "s3cret")).current().orElseThrow();
        assertEquals("LTAIid", key.accessKeyId());
        assertEquals("s3cret", key.accessKeySecret());
        assertNull(key.securityToken());

        CloudCredentials session = EnvironmentCredentials.from(Map.of(
                "ALIBABA_CLOUD_ACCESS_KEY_ID", "STS.id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "s3cret",
                "ALIBABA_CLOUD_SECURITY_TOKEN", "tok3n")).current().orElseThrow();
        assertEquals("tok3n", session.securityToken());

        assertFalse(EnvironmentCredentials.from(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIid")).current().isPresent());
    }

    @Test
    void executionCredentialsFollowTheLatestInvocation() {
        ExecutionCredentials execution = new ExecutionCredentials();
        assertFalse(execution.current().isPresent());
        execution.update("STS.one", "secret-one", "token-one");
        execution.update("STS.two", "secret-two", "token-two");
        assertEquals("STS.two", execution.current().orElseThrow().accessKeyId());
        execution.update(null, null, null); // a service without a role: keep what we had
        assertEquals("STS.two", execution.current().orElseThrow().accessKeyId());
    }

    @Test
    void theChainTakesTheFirstSourceThatHasCredentials() {
        ExecutionCredentials execution = new ExecutionCredentials();
        CredentialsSource environment = EnvironmentCredentials.from(Map.of(
                "ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret"));
        CredentialsSource chain = CredentialsSource.firstAvailable(execution, environment);
        assertEquals("LTAIenv", chain.current().orElseThrow().accessKeyId());
        execution.update("STS.fc", "fc-secret", "fc-token");
        assertEquals("STS.fc", chain.current().orElseThrow().accessKeyId());
    }

    @Test
    void credentialsNeverPrintTheirSecretOrToken() {
        String printed = new CloudCredentials("STS.id", "the-secret", "the-token").toString();
        assertTrue(printed.contains("STS.id"));
        assertFalse(printed.contains("the-secret") || printed.contains("the-token"), printed);
    }
}
