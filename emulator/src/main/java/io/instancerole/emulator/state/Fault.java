package io.instancerole.emulator.state;

/**
 * An injected error: after {@code after} calls of {@code action} (or of it for one instance) have
 * passed, the next {@code remaining} fail.
 */
public final class Fault {
    private final String action;
    private final String code;
    private final int httpStatus;
    private final String instanceId;
    private final String message;
    private int remaining;
    private int toPass;

    public Fault(String action, String code, int httpStatus, int times, int after, String instanceId, String message) {
        this.action = action;
        this.code = code;
        this.httpStatus = httpStatus;
        this.remaining = times;
        this.toPass = after;
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

    /** Counts a matching call against {@code after}; true while calls are still let through. */
    boolean letsPass() {
        if (toPass == 0) {
            return false;
        }
        toPass--;
        return true;
    }

    boolean matches(String actionName, String instance) {
        return remaining > 0 && action.equals(actionName)
                && (instanceId == null ? instance == null : instanceId.equals(instance));
    }

    void use() { remaining--; }
}
