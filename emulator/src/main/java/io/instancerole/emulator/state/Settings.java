package io.instancerole.emulator.state;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Knobs set through {@code POST /_emulator/settings}. */
public final class Settings {
    public static final Duration DEFAULT_CREDENTIAL_LIFETIME = Duration.ofHours(6);

    private Duration propagationDelay = Duration.ZERO;
    private Duration credentialLifetime = DEFAULT_CREDENTIAL_LIFETIME;
    private Duration latency = Duration.ZERO;
    private Duration latencyJitter = Duration.ZERO;

    /** How long after CreateRole ECS still answers InvalidRamRole.NotFound (eventual consistency). */
    public Duration propagationDelay() { return propagationDelay; }
    /** Lifetime of metadata-service and service credentials. */
    public Duration credentialLifetime() { return credentialLifetime; }
    /** How long every API call takes before it answers, as calls to the real endpoints do. */
    public Duration latency() { return latency; }
    /** Each call's latency is {@link #latency()} plus or minus up to this much. */
    public Duration latencyJitter() { return latencyJitter; }

    public void setPropagationDelay(Duration delay) { this.propagationDelay = delay; }
    public void setCredentialLifetime(Duration lifetime) { this.credentialLifetime = lifetime; }
    public void setLatency(Duration latency) { this.latency = latency; }
    public void setLatencyJitter(Duration jitter) { this.latencyJitter = jitter; }

    /** One call's latency: {@link #latency()} ± a uniform share of the jitter, never below zero. */
    public Duration nextCallLatency() {
        long jitter = latencyJitter.toMillis();
        long millis = latency.toMillis() + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1));
        return Duration.ofMillis(Math.max(0, millis));
    }
}
