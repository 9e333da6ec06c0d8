package io.instancerole.emulator.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error to inject: {@code FaultSpec.of("AttachInstanceRamRole", "Throttling.User", 400).times(2)};
 * with {@link #instanceId}, only that instance fails inside a batch answer; with {@link #after},
 * that many matching calls pass first.
 */
public final class FaultSpec {
    private final String action;
    private final String code;
    private final int httpStatus;
    private final int times;
    private final int after;
    private final String instanceId;
    private final String message;

    private FaultSpec(String action, String code, int httpStatus, int times, int after, String instanceId, String message) {
        this.action = action;
        this.code = code;
        this.httpStatus = httpStatus;
        this.times = times;
        this.after = after;
        this.instanceId = instanceId;
        this.message = message;
    }

    public static FaultSpec of(String action, String code, int httpStatus) {
        return new FaultSpec(action, code, httpStatus, 1, 0, null, null);
    }

    public FaultSpec times(int count) {
        return new FaultSpec(action, code, httpStatus, count, after, instanceId, message);
    }

    /** The first {@code calls} matching calls pass; the fault then hits the next {@link #times}. */
    public FaultSpec after(int calls) {
        return new FaultSpec(action, code, httpStatus, times, calls, instanceId, message);
    }

    public FaultSpec instanceId(String id) {
        return new FaultSpec(action, code, httpStatus, times, after, id, message);
    }

    public FaultSpec message(String text) {
        return new FaultSpec(action, code, httpStatus, times, after, instanceId, text);
    }

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        json.put("action", action);
        json.put("code", code);
        json.put("httpStatus", httpStatus);
        json.put("times", times);
        if (after != 0) {
            json.put("after", after);
        }
        if (instanceId != null) {
            json.put("instanceId", instanceId);
        }
        if (message != null) {
            json.put("message", message);
        }
        return json;
    }
}
