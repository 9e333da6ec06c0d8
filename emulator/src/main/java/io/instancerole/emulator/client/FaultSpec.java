package io.instancerole.emulator.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error to inject: {@code FaultSpec.of("AttachInstanceRamRole", "Throttling.User", 400).times(2)};
 * with {@link #instanceId}, only that instance fails inside a batch answer.
 */
public final class FaultSpec {
    private final String action;
    private final String code;
    private final int httpStatus;
    private final int times;
    private final String instanceId;
    private final String message;

    private FaultSpec(String action, String code, int httpStatus, int times, String instanceId, String message) {
        this.action = action;
        this.code = code;
        this.httpStatus = httpStatus;
        this.times = times;
        this.instanceId = instanceId;
        this.message = message;
    }

    public static FaultSpec of(String action, String code, int httpStatus) {
        return new FaultSpec(action, code, httpStatus, 1, null, null);
    }

    public FaultSpec times(int count) {
        return new FaultSpec(action, code, httpStatus, count, instanceId, message);
    }

    public FaultSpec instanceId(String id) {
        return new FaultSpec(action, code, httpStatus, times, id, message);
    }

    public FaultSpec message(String text) {
        return new FaultSpec(action, code, httpStatus, times, instanceId, text);
    }

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        json.put("action", action);
        json.put("code", code);
        json.put("httpStatus", httpStatus);
        json.put("times", times);
        if (instanceId != null) {
            json.put("instanceId", instanceId);
        }
        if (message != null) {
            json.put("message", message);
        }
        return json;
    }
}
