package io.instancerole.domain.service;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * One wait shared by the threads of a request that call the same cloud: when a call is told to
 * wait (throttled, or a role not visible yet), every thread holds back for the same wait instead
 * of each waiting on its own and calling again as soon as its own wait ends.
 *
 * <p>Before a call, a thread takes a {@link #ticket()}, which blocks while a wait is in progress.
 * When the call is told to wait, {@link #await} waits only if no other thread started a wait since
 * that ticket was taken; otherwise the thread just waits for that other wait to end. Waits are
 * numbered from 0, so a growing delay can follow how many waits the request has made.
 */
public final class SharedWait {
    private final ReentrantLock lock = new ReentrantLock();
    private long waits;

    /** Waits out a wait in progress, then answers the number of waits made so far. */
    public long ticket() {
        lock.lock();
        try {
            return waits;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called after a call made with {@code ticket} was told to wait. Runs {@code wait} (given the
     * wait's number), holding every other thread's next {@link #ticket()} back until it returns,
     * unless another thread has started a wait since {@code ticket}: then only waits for that one.
     *
     * @return true when this thread made the wait
     */
    public boolean await(long ticket, LongConsumer wait) {
        lock.lock();
        try {
            if (waits != ticket) {
                return false;
            }
            wait.accept(waits);
            waits++;
            return true;
        } finally {
            lock.unlock();
        }
    }
}
