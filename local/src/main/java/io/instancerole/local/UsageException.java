package io.instancerole.local;

/** A command line that cannot be run as written (unknown option, missing value, bad number): exit status 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
