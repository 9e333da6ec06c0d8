package io.instancerole.cloud.aliyun;

import java.time.Duration;

/** Waits between retries; tests pass one that only records the waits. */
public interface Sleeper {
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
