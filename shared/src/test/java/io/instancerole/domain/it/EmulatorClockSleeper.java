package io.instancerole.domain.it;

import io.instancerole.domain.service.Sleeper;
import io.instancerole.emulator.client.EmulatorControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits by moving the emulator's account clock forward instead of sleeping: a role's propagation
 * to ECS then sees the time pass, and the test does not.
 */
final class EmulatorClockSleeper implements Sleeper {
    private final EmulatorControl control;
    private final List<Duration> waits = new ArrayList<>();
    private Duration elapsed = Duration.ZERO;

    EmulatorClockSleeper(EmulatorControl control) {
        this.control = control;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        waits.add(duration);
        elapsed = elapsed.plus(duration);
        control.setClockOffset(elapsed);
    }

    synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }
}
