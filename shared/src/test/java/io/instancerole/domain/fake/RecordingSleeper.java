package io.instancerole.domain.fake;

import io.instancerole.domain.service.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A sleeper that does not sleep but remembers each requested pause. */
public final class RecordingSleeper implements Sleeper {
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
