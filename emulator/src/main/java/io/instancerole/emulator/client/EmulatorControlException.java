package io.instancerole.emulator.client;

/** A control call the emulator refused (or could not be reached for). */
public final class EmulatorControlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public EmulatorControlException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public EmulatorControlException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.code = null;
    }

    /** The HTTP status, or -1 when the emulator could not be reached. */
    public int status() { return status; }
    /** The emulator's error code, e.g. {@code NotFound}; null when none. */
    public String code() { return code; }
}
