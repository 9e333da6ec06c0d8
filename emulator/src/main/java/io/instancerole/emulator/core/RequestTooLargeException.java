package io.instancerole.emulator.core;

/** A request body larger than any call of these APIs needs; refused rather than buffered. */
public final class RequestTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RequestTooLargeException(int limit) {
        super("the request body is larger than " + limit + " bytes", null, false, false);
    }
}
