package io.instancerole.domain.port;

import io.instancerole.domain.model.InstanceId;
import java.util.Map;

/** An ECS instance, with what the workflows look at: name, network type, status and tags. */
public final class CloudInstance {
    private final InstanceId instanceId;
    private final String instanceName;
    private final String networkType;
    private final String status;
    private final Map<String, String> tags;

    public CloudInstance(InstanceId instanceId, String instanceName, String networkType, String status, Map<String, String> tags) {
        this.instanceId = instanceId;
        this.instanceName = instanceName;
        this.networkType = networkType;
        this.status = status;
        this.tags = Map.copyOf(tags);
    }

    public InstanceId instanceId() { return instanceId; }
    /** ECS's display name; may be empty. */
    public String instanceName() { return instanceName; }
    /** {@code vpc} or {@code classic}. */
    public String networkType() { return networkType; }
    public String status() { return status; }
    public Map<String, String> tags() { return tags; }

    public boolean isVpc() {
        return "vpc".equalsIgnoreCase(networkType);
    }

    /** ECS attaches a RAM role only to a Running or Stopped instance (IncorrectInstanceStatus otherwise). */
    public boolean canTakeRole() {
        return "Running".equals(status) || "Stopped".equals(status);
    }
}
