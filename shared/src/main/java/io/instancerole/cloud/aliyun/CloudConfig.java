package io.instancerole.cloud.aliyun;

import io.instancerole.domain.config.DeploymentConfig;
import io.instancerole.domain.config.InvalidConfigurationException;
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
    /** The adapters' own variable; the others come from {@link DeploymentConfig}. */
    public static final String ENDPOINT_VARIABLE = "CLOUD_ENDPOINT";

    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    private final Optional<String> endpointOverride;
    private final Optional<String> operatorRoleArn;
    private final RegionId defaultRegion;
    private final Backoff backoff;

    /**
     * {@code endpointOverride}: null for the real endpoints, else {@code host[:port]} (plain HTTP),
     * e.g. {@code 127.0.0.1:8081}. {@code operatorRoleArn}: null, or the (validated) ARN of the role
     * every call is made as.
     */
    public CloudConfig(String endpointOverride, String operatorRoleArn, RegionId defaultRegion, Backoff backoff) {
        this.endpointOverride = Optional.ofNullable(blankToNull(endpointOverride)).map(CloudConfig::checkEndpoint);
        this.operatorRoleArn = Optional.ofNullable(blankToNull(operatorRoleArn));
        this.defaultRegion = defaultRegion;
        this.backoff = backoff;
    }

    /**
     * From a function's environment: CLOUD_ENDPOINT here, DEFAULT_REGION_ID and OPERATOR_ROLE_ARN
     * read and checked by {@link DeploymentConfig}, so both agree on them.
     *
     * @throws InvalidConfigurationException when a variable has an invalid value
     */
    public static CloudConfig fromEnvironment(Map<String, String> environment) {
        DeploymentConfig deployment = DeploymentConfig.fromEnvironment(environment);
        return new CloudConfig(environment.get(ENDPOINT_VARIABLE), deployment.operatorRoleArn().orElse(null),
                deployment.defaultRegion(), Backoff.DEFAULT);
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
            throw new InvalidConfigurationException(ENDPOINT_VARIABLE + " must be host[:port] of a plain-HTTP endpoint such as 127.0.0.1:8081, got '"
                    + endpoint + "'");
        }
        return hostPort;
    }

    private static String blankToNull(String value) {
        return value == null || value.trim().isEmpty() ? null : value;
    }
}
