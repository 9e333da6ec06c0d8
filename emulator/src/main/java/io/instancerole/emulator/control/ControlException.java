package io.instancerole.emulator.control;

/** A refused control call: status, a stable code and what to change. */
final class ControlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    ControlException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() { return status; }
    String code() { return code; }
}
