/**
 * The cloud ports on Alibaba Cloud's V1 Java SDK ({@code aliyun-java-sdk-core} 4.7.3 with the RAM,
 * ECS and STS request classes).
 *
 * <p>Wiring: {@link io.instancerole.cloud.aliyun.AliyunCloudSessions} from a
 * {@link io.instancerole.cloud.aliyun.CloudConfig} ({@code CloudConfig.fromEnvironment(environment)})
 * and a {@link io.instancerole.cloud.aliyun.CredentialsSource}: in a function,
 * {@code CredentialsSource.firstAvailable(executionCredentials, EnvironmentCredentials.from(environment))}
 * with the handler calling {@link io.instancerole.cloud.aliyun.ExecutionCredentials#update} from
 * {@code Context.getExecutionCredentials()} at every invocation. {@link io.instancerole.cloud.aliyun.AliyunCloudModule}
 * does the same in a Dagger component that binds those two (and the domain's Sleeper and Clock).
 */
package io.instancerole.cloud.aliyun;
