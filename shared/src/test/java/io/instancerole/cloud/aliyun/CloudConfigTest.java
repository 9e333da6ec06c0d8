package io.instancerole.cloud.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void readsEndpointRoleAndRegion() {
        CloudConfig config = CloudConfig.fromEnvironment(Map.of(
                "CLOUD_ENDPOINT", "127.0.0.1:8081",
                "OPERATOR_ROLE_ARN", "acs:ram::1234567890123456:role/instance-role-operator",
                "DEFAULT_REGION_ID", "cn-shanghai"));
        assertEquals(Optional.of("127.0.0.1:8081"), config.endpointOverride());
        assertEquals(Optional.of("acs:ram::1234567890123456:role/instance-role-operator"), config.operatorRoleArn());
        assertEquals("cn-shanghai", config.defaultRegion().value());
    }

    @Test
    void acceptsAnHttpSchemeAndIgnoresBlankValues() {
        CloudConfig config = CloudConfig.fromEnvironment(Map.of("CLOUD_ENDPOINT", "http://localhost:9000", "OPERATOR_ROLE_ARN", " "));
        assertEquals(Optional.of("localhost:9000"), config.endpointOverride());
        assertFalse(config.operatorRoleArn().isPresent());
    }

    @Test
    void refusesMalformedValuesNamingTheVariable() {
        IllegalArgumentException endpoint = assertThrows(IllegalArgumentException.class,
                () -> CloudConfig.fromEnvironment(Map.of("CLOUD_ENDPOINT", "https://emulator:8081/api")));
        assertTrue(endpoint.getMessage().startsWith("CLOUD_ENDPOINT"), endpoint.getMessage());
        IllegalArgumentException role = assertThrows(IllegalArgumentException.class,
                () -> CloudConfig.fromEnvironment(Map.of("OPERATOR_ROLE_ARN", "instance-role-operator")));
        assertTrue(role.getMessage().startsWith("OPERATOR_ROLE_ARN"), role.getMessage());
    }
}
