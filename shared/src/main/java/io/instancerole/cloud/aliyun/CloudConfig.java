package io.instancerole.cloud.aliyun;

import io.instancerole.domain.model.RegionId;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the adapters reach the cloud: an optional endpoint that replaces every RAM, ECS and STS
 * endpoint (the emulator, offline), the optional operator role, the region RAM and STS calls
 * carry, and the retry schedule.
 */
public final class CloudConfig {
    public static final String ENDPOINT_VARIABLE = "CLOUD_ENDPOINT";
    public static final String OPERATOR_ROLE_ARN_VARIABLE = "OPERATOR_ROLE_ARN";
    public static final String DEFAULT_REGION_VARIABLE = "DEFAULT_REGION_ID";

    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?");
    private static final Pattern ROLE_ARN = Pattern.compile("acs:ram::[0-9]{1,32}:role/[A-Za-z0-9.-]{1,64}");

    private final Optional<String> endpointOverride;
    private final Optional<String> operatorRoleArn;
    private final RegionId defaultRegion;
    private final Backoff backoff;

    /**
     * {@code endpointOverride}: null for the real endpoints, else {@code host[:port]} (plain HTTP),
     * e.g. {@code 127.0.0.1:8081}. {@code operatorRoleArn}: null, or the role every call is made as.
     */
    public CloudConfig(String endpointOverride, String operatorRoleArn, RegionId defaultRegion, Backoff backoff) {
        this.endpointOverride = Optional.ofNullable(blankToNull(endpointOverride)).map(CloudConfig::checkEndpoint);
        this.operatorRoleArn = Optional.ofNullable(blankToNull(operatorRoleArn)).map(CloudConfig::checkRoleArn);
        this.defaultRegion = defaultRegion;
        this.backoff = backoff;
    }

    /** From the function's environment: CLOUD_ENDPOINT, OPERATOR_ROLE_ARN, DEFAULT_REGION_ID (default cn-hangzhou). */
    public static CloudConfig fromEnvironment(Map<String, String> environment) {
        String region = blankToNull(environment.get(DEFAULT_REGION_VARIABLE));
        return new CloudConfig(environment.get(ENDPOINT_VARIABLE), environment.get(OPERATOR_ROLE_ARN_VARIABLE),
                RegionId.of(region == null ? "cn-hangzhou" : region), Backoff.DEFAULT);
    }

    public Optional<String> endpointOverride() {
        return endpointOverride;
    }

    public Optional<String> operatorRoleArn() {
        return operatorRoleArn;
    }

    public RegionId defaultRegion() {
        return defaultRegion;
    }

    public Backoff backoff() {
        return backoff;
    }

    private static String checkEndpoint(String endpoint) {
        String hostPort = endpoint.trim().replaceFirst("^http://", "");
        if (!HOST_PORT.matcher(hostPort).matches()) {
            throw new IllegalArgumentException(ENDPOINT_VARIABLE + " must be host[:port] of a plain-HTTP endpoint such as 127.0.0.1:8081, got '"
                    + endpoint + "'");
        }
        return hostPort;
    }

    private static String checkRoleArn(String arn) {
        String trimmed = arn.trim();
        if (!ROLE_ARN.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(OPERATOR_ROLE_ARN_VARIABLE + " must be a role ARN such as acs:ram::123456789012:role/instance-role-operator, got '"
                    + arn + "'");
        }
        return trimmed;
    }

    private static String blankToNull(String value) {
        return value == null || value.trim().isEmpty() ? null : value;
    }
}
