package io.instancerole.emulator.state;

/** An injected error: the next {@code remaining} calls of {@code action} (or of it for one instance) fail. */
public final class Fault {
    private final String action;
    private final String code;
    private final int httpStatus;
    private final String instanceId;
    private final String message;
    private int remaining;

    public Fault(String action, String code, int httpStatus, int times, String instanceId, String message) {
        this.action = action;
        this.code = code;
        this.httpStatus = httpStatus;
        this.remaining = times;
        this.instanceId = instanceId;
        this.message = message;
    }

    public String action() { return action; }
    public String code() { return code; }
    public int httpStatus() { return httpStatus; }
    /** Null when the whole call fails. */
    public String instanceId() { return instanceId; }
    public String message() { return message; }
    public int remaining() { return remaining; }

    boolean matches(String actionName, String instance) {
        return remaining > 0 && action.equals(actionName)
                && (instanceId == null ? instance == null : instanceId.equals(instance));
    }

    void use() { remaining--; }
}
