package io.instancerole.emulator.state;

import java.time.Duration;

/** Knobs set through {@code POST /_emulator/settings}. */
public final class Settings {
    public static final Duration DEFAULT_CREDENTIAL_LIFETIME = Duration.ofHours(6);

    private Duration propagationDelay = Duration.ZERO;
    private Duration credentialLifetime = DEFAULT_CREDENTIAL_LIFETIME;

    /** How long after CreateRole ECS still answers InvalidRamRole.NotFound (eventual consistency). */
    public Duration propagationDelay() { return propagationDelay; }
    /** Lifetime of metadata-service and service credentials. */
    public Duration credentialLifetime() { return credentialLifetime; }

    public void setPropagationDelay(Duration delay) { this.propagationDelay = delay; }
    public void setCredentialLifetime(Duration lifetime) { this.credentialLifetime = lifetime; }
}
