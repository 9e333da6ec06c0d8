package io.instancerole.local;

import com.aliyun.fc.runtime.Credentials;
import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.emulator.client.EmulatorControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Execution credentials as Function Compute gives them: an STS session of the service's role,
 * obtained from the emulator as if {@code fc.aliyuncs.com} had assumed it, and renewed at half
 * its lifetime so a function never receives credentials about to expire.
 */
final class ServiceRoleSession implements ExecutionCredentials {
    private final EmulatorControl control;
    private final String roleName;
    private final Clock clock;
    private StsCredentials current; // guarded by this
    private Instant renewAt; // guarded by this

    ServiceRoleSession(EmulatorControl control, String roleName, Clock clock) {
        this.control = control;
        this.roleName = roleName;
        this.clock = clock;
    }

    @Override
    public synchronized Credentials current() {
        Instant now = clock.instant();
        if (current == null || !now.isBefore(renewAt)) {
            JsonNode session = control.serviceCredentials(roleName, ExecutionRole.TRUSTED_SERVICE);
            current = new StsCredentials(session.path("AccessKeyId").asText(), session.path("AccessKeySecret").asText(),
                    session.path("SecurityToken").asText());
            renewAt = now.plus(Duration.between(now, expiration(session, now)).dividedBy(2));
        }
        return current;
    }

    private static Instant expiration(JsonNode session, Instant now) {
        try {
            return Instant.parse(session.path("Expiration").asText());
        } catch (DateTimeParseException e) {
            return now; // unknown lifetime: ask again next time rather than hand out an expired session
        }
    }
}
