package io.instancerole.domain.port;

import io.instancerole.domain.model.InstanceId;

/** What a batch call did to one instance: success, or the cloud's code and message. */
public final class InstanceOutcome {
    private final InstanceId instanceId;
    private final boolean success;
    private final String code;
    private final String message;

    private InstanceOutcome(InstanceId instanceId, boolean success, String code, String message) {
        this.instanceId = instanceId;
        this.success = success;
        this.code = code;
        this.message = message;
    }

    public static InstanceOutcome success(InstanceId id) {
        return new InstanceOutcome(id, true, null, null);
    }

    public static InstanceOutcome failure(InstanceId id, String code, String message) {
        return new InstanceOutcome(id, false, code, message);
    }

    public InstanceId instanceId() { return instanceId; }
    public boolean success() { return success; }
    /** The cloud's code when it failed, e.g. {@code InvalidNetworkType.MismatchRamRole}. */
    public String code() { return code; }
    public String message() { return message; }
}
