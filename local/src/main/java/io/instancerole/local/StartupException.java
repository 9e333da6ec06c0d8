package io.instancerole.local;

/**
 * The local stack cannot start as configured (template.yml, a callers file, a port in use, missing
 * credentials): one line that says what to fix, never a stack trace.
 */
final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StartupException(String message) {
        super(message);
    }

    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
