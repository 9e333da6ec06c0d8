package io.instancerole.local;

import com.aliyun.fc.runtime.Credentials;
import io.instancerole.emulator.client.EmulatorControl;
import io.instancerole.emulator.client.SessionCredentials;
import io.instancerole.runtime.StsCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

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
            SessionCredentials session = control.serviceCredentials(roleName, ExecutionRole.TRUSTED_SERVICE);
            current = new StsCredentials(session.accessKeyId(), session.accessKeySecret(), session.securityToken());
            renewAt = now.plus(Duration.between(now, session.expiration()).dividedBy(2));
        }
        return current;
    }
}
