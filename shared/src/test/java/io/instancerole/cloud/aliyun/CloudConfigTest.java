package io.instancerole.cloud.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.instancerole.domain.config.InvalidConfigurationException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloudConfigTest {

    @Test
    void withoutVariablesTheRealCloudIsUsed() {
        CloudConfig config = CloudConfig.fromEnvironment(Map.of());
        assertEquals(Optional.empty(), config.endpointOverride());
        assertEquals(Optional.empty(), config.operatorRoleArn());
        assertEquals("cn-hangzhou", config.defaultRegion().value());
        assertEquals(Backoff.DEFAULT, config.backoff());
    }

    @Test
    void takesTheEndpointFromTheEnvironmentAndTheRestFromTheDeployment() {
        CloudConfig config = CloudConfig.fromEnvironment(Map.of(
                "CLOUD_ENDPOINT", "127.0.0.1:8081",
                "OPERATOR_ROLE_ARN", "acs:ram::1234567890123456:role/instance-role-operator",
                "DEFAULT_REGION_ID", "cn-shanghai"));
        assertEquals(Optional.of("127.0.0.1:8081"), config.endpointOverride());
        assertEquals(Optional.of("acs:ram::1234567890123456:role/instance-role-operator"), config.operatorRoleArn());
        assertEquals("cn-shanghai", config.defaultRegion().value());
    }

    @Test
    void acceptsAnHttpSchemeAndIgnoresABlankEndpoint() {
        assertEquals(Optional.of("localhost:9000"), CloudConfig.fromEnvironment(Map.of("CLOUD_ENDPOINT", "http://localhost:9000")).endpointOverride());
        assertEquals(Optional.empty(), CloudConfig.fromEnvironment(Map.of("CLOUD_ENDPOINT", " ")).endpointOverride());
    }

    @Test
    void refusesAMalformedEndpointNamingTheVariable() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> CloudConfig.fromEnvironment(Map.of("CLOUD_ENDPOINT", "https://emulator:8081/api")));
        assertTrue(e.getMessage().startsWith("CLOUD_ENDPOINT"), e.getMessage());
    }

    @Test
    void anInvalidOperatorRoleIsRefusedAsTheDeploymentConfigRefusesIt() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> CloudConfig.fromEnvironment(Map.of("OPERATOR_ROLE_ARN", "instance-role-operator")));
        assertTrue(e.getMessage().contains("OPERATOR_ROLE_ARN"), e.getMessage());
    }
}
