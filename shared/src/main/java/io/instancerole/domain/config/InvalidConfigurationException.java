package io.instancerole.domain.config;

/** The deployment's environment variables are wrong: an operator must fix the template, no request can succeed. */
public final class InvalidConfigurationException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String message) {
        super(message);
    }
}
