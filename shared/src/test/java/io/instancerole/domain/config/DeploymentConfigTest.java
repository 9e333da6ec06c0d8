package io.instancerole.domain.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.RegionId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeploymentConfigTest {

    @Test
    void withoutVariablesTheContractDefaultsApply() {
        DeploymentConfig config = DeploymentConfig.fromEnvironment(Map.of());
        assertEquals(RegionId.of("cn-hangzhou"), config.defaultRegion());
        assertTrue(config.allowedRegions().isEmpty());
        assertEquals(Set.of("platform"), config.adminTeams());
        assertEquals("team", config.ownerTagKey());
        assertEquals(Set.of(PolicyName.of("AdministratorAccess"), PolicyName.of("AliyunRAMFullAccess"),
                PolicyName.of("AliyunSTSAssumeRoleAccess"), PolicyName.of("AliyunECSFullAccess")), config.blockedSystemPolicies());
        assertEquals(Optional.empty(), config.operatorRoleArn());
        assertEquals(4, config.batchConcurrency());
        assertEquals(Duration.ofSeconds(20), config.batchDeadline());
    }

    @Test
    void readsEveryVariableTrimmingListEntries() {
        DeploymentConfig config = DeploymentConfig.fromEnvironment(Map.of(
                "DEFAULT_REGION_ID", "cn-beijing",
                "ALLOWED_REGIONS", " cn-hangzhou , cn-beijing ",
                "ADMIN_TEAMS", "platform,sre",
                "OWNER_TAG_KEY", "owner",
                "BLOCKED_SYSTEM_POLICIES", "AdministratorAccess",
                "OPERATOR_ROLE_ARN", "acs:ram::1234567890123456:role/instance-role-operator",
                "BATCH_CONCURRENCY", " 1 ",
                "BATCH_DEADLINE_MS", "9000"));
        assertEquals(1, config.batchConcurrency());
        assertEquals(Duration.ofSeconds(9), config.batchDeadline());
        assertEquals(RegionId.of("cn-beijing"), config.defaultRegion());
        assertEquals(Set.of(RegionId.of("cn-hangzhou"), RegionId.of("cn-beijing")), config.allowedRegions());
        assertEquals(Set.of("platform", "sre"), config.adminTeams());
        assertEquals("owner", config.ownerTagKey());
        assertEquals(Set.of(PolicyName.of("administratoraccess")), config.blockedSystemPolicies());
        assertEquals(Optional.of("acs:ram::1234567890123456:role/instance-role-operator"), config.operatorRoleArn());
    }

    @Test
    void blankVariablesTakeTheirDefaults() {
        DeploymentConfig config = DeploymentConfig.fromEnvironment(Map.of("ADMIN_TEAMS", " ", "DEFAULT_REGION_ID", "", "OPERATOR_ROLE_ARN", ""));
        assertEquals(Set.of("platform"), config.adminTeams());
        assertEquals(RegionId.of("cn-hangzhou"), config.defaultRegion());
        assertEquals(Optional.empty(), config.operatorRoleArn());
    }

    @Test
    void eachInvalidVariableIsNamed() {
        List<Map.Entry<String, String>> cases = List.of(
                Map.entry("DEFAULT_REGION_ID", "Hangzhou"),
                Map.entry("ALLOWED_REGIONS", "cn-hangzhou,not a region"),
                Map.entry("ADMIN_TEAMS", "Platform"),
                Map.entry("OWNER_TAG_KEY", "aliyun:team"),
                Map.entry("BLOCKED_SYSTEM_POLICIES", "Admin_Access"),
                Map.entry("OPERATOR_ROLE_ARN", "arn:aws:iam::123:role/x"),
                Map.entry("BATCH_CONCURRENCY", "0"),
                Map.entry("BATCH_CONCURRENCY", "four"),
                Map.entry("BATCH_CONCURRENCY", "17"),
                Map.entry("BATCH_DEADLINE_MS", "20s"),
                Map.entry("BATCH_DEADLINE_MS", "-1"));
        cases.forEach(entry -> {
            String variable = entry.getKey();
            String value = entry.getValue();
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> DeploymentConfig.fromEnvironment(Map.of(variable, value)), variable);
            assertTrue(e.getMessage().contains(variable), e.getMessage());
        });
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, String> env = new HashMap<>();
        env.put("ADMIN_TEAMS", "Platform");
        env.put("OPERATOR_ROLE_ARN", "nope");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> DeploymentConfig.fromEnvironment(env));
        for (String variable : List.of("ADMIN_TEAMS", "OPERATOR_ROLE_ARN")) {
            assertTrue(e.getMessage().contains(variable), e.getMessage());
        }
    }

    @Test
    void aDefaultRegionOutsideTheAllowedOnesIsRefused() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> DeploymentConfig.fromEnvironment(
                Map.of("ALLOWED_REGIONS", "cn-beijing")));
        assertTrue(e.getMessage().contains("DEFAULT_REGION_ID 'cn-hangzhou' is not in ALLOWED_REGIONS"), e.getMessage());
    }

    @Test
    void regionsAlibabaDoesNotHaveStopTheFunctionAtStart() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> DeploymentConfig.fromEnvironment(
                Map.of("DEFAULT_REGION_ID", "xx-nowhere", "ALLOWED_REGIONS", "cn-hangzhou,eu-nowhere-1")));
        assertTrue(e.getMessage().contains("DEFAULT_REGION_ID: 'xx-nowhere' is not one of Alibaba Cloud's public regions"), e.getMessage());
        assertTrue(e.getMessage().contains("ALLOWED_REGIONS: 'eu-nowhere-1'"), e.getMessage());
    }

    @Test
    void anEmptyListEntryIsATypo() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> DeploymentConfig.fromEnvironment(
                Map.of("ADMIN_TEAMS", "platform,,sre")));
        assertTrue(e.getMessage().contains("ADMIN_TEAMS") && e.getMessage().contains("empty entry"), e.getMessage());
    }
}
