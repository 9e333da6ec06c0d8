package io.instancerole.emulator.ram;

import io.instancerole.emulator.state.ManagedPolicy;
import java.time.Instant;
import java.util.List;

/** The system policies every account has, with documents that mean what the real ones mean. */
public final class SystemPolicies {
    /** A fixed date, so that system policies look the same in every run. */
    private static final Instant CREATED = Instant.parse("2015-04-28T16:00:00Z");

    private SystemPolicies() {}

    public static List<ManagedPolicy> all() {
        return List.of(
                policy("AdministratorAccess", "管理所有阿里云资源的权限",
                        allow("\"*\"")),
                policy("AliyunECSFullAccess", "管理云服务器服务(ECS)的权限",
                        allow("\"ecs:*\"", "[\"vpc:DescribeVpcs\",\"vpc:DescribeVSwitches\"]")),
                policy("AliyunECSReadOnlyAccess", "只读访问云服务器服务(ECS)的权限",
                        allow("[\"ecs:Describe*\",\"ecs:List*\"]", "[\"vpc:DescribeVpcs\",\"vpc:DescribeVSwitches\"]")),
                policy("AliyunOSSFullAccess", "管理对象存储服务(OSS)权限",
                        allow("\"oss:*\"")),
                policy("AliyunOSSReadOnlyAccess", "只读访问对象存储服务(OSS)的权限",
                        allow("[\"oss:Get*\",\"oss:List*\"]")),
                policy("AliyunRAMFullAccess", "管理访问控制(RAM)的权限,即管理用户以及授权的权限",
                        allow("\"ram:*\"")),
                policy("AliyunRAMReadOnlyAccess", "只读访问访问控制(RAM)的权限,即查看用户、用户组以及授权信息的权限",
                        allow("[\"ram:Get*\",\"ram:List*\"]")),
                policy("AliyunSTSAssumeRoleAccess", "调用STS服务AssumeRole接口的权限",
                        allow("\"sts:AssumeRole\"")));
    }

    private static ManagedPolicy policy(String name, String description, String document) {
        return new ManagedPolicy(name, ManagedPolicy.SYSTEM, description, document, CREATED);
    }

    /** One Allow statement on every resource per action list. */
    private static String allow(String... actionLists) {
        StringBuilder statements = new StringBuilder();
        for (String actions : actionLists) {
            if (statements.length() > 0) {
                statements.append(',');
            }
            statements.append("{\"Action\":").append(actions).append(",\"Resource\":\"*\",\"Effect\":\"Allow\"}");
        }
        return "{\"Version\":\"1\",\"Statement\":[" + statements + "]}";
    }
}
