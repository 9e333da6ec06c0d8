package io.instancerole.domain.binding;

import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.port.CloudException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Works on a batch's chunks a few at a time. Chunks are started in request order; none is started
 * after a chunk failed as a whole (the cloud refusing one call usually refuses the next), nor after
 * the deadline once some chunk has had something to change. Chunks that find nothing to change
 * only read, so a repeated request goes on past them to the first chunk with work left, even late:
 * every request gets further than the one before, and repeating it finishes the job. What happened
 * to each chunk is read back once every worker has finished.
 *
 * <p>Function Compute freezes an instance between invocations, and a thread that outlived its
 * request would run on in a later one, or hold a cloud call frozen past its timeout. So the workers
 * belong to one request: {@link #run} starts them, the request's own thread works as one of them,
 * and {@link #run} returns only after every thread it started has been joined (ended). Nothing is
 * pooled across requests. With one worker, or one chunk, no thread is started at all.
 */
final class ChunkWorkers {
    private final List<List<InstanceId>> chunks;
    private final Consumer<List<InstanceId>> work;
    private final Clock clock;
    private final Instant deadline;
    private final BooleanSupplier hadWork;
    private final Map<Integer, CloudException> failures = new TreeMap<>();
    private int next;
    private RuntimeException unexpected;

    /** {@code hadWork}: whether any chunk has come to a change (made, or not made in a dry run) so far. */
    ChunkWorkers(List<List<InstanceId>> chunks, Clock clock, Instant deadline, BooleanSupplier hadWork, Consumer<List<InstanceId>> work) {
        this.chunks = chunks;
        this.work = work;
        this.clock = clock;
        this.deadline = deadline;
        this.hadWork = hadWork;
    }

    /** Runs the chunks with up to {@code concurrency} workers; threads are named after {@code requestId}. */
    void run(int concurrency, String requestId) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i < Math.min(concurrency, chunks.size()); i++) {
            Thread thread = new Thread(this::work, "batch-" + requestId + "-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        try {
            work();
        } finally {
            joinAll(threads);
        }
        synchronized (this) {
            if (unexpected != null) {
                throw unexpected;
            }
        }
    }

    /** The chunks that failed as a whole, by index, in request order. */
    synchronized Map<Integer, CloudException> failures() {
        return new TreeMap<>(failures);
    }

    /** The index of the first chunk never started; {@code chunks.size()} when all were. */
    synchronized int started() {
        return next;
    }

    private void work() {
        for (int index = claim(); index >= 0; index = claim()) {
            try {
                work.accept(chunks.get(index));
            } catch (CloudException e) {
                synchronized (this) {
                    failures.put(index, e);
                }
            } catch (RuntimeException e) {
                synchronized (this) {
                    if (unexpected == null) {
                        unexpected = e;
                    }
                }
            }
        }
    }

    /** The next chunk to start, or -1 when none may be started any more. */
    private synchronized int claim() {
        if (next >= chunks.size() || !failures.isEmpty() || unexpected != null) {
            return -1;
        }
        if (hadWork.getAsBoolean() && !clock.instant().isBefore(deadline)) {
            return -1;
        }
        return next++;
    }

    /** Waits for every worker to end, even when interrupted (then interrupting them too, and keeping the flag). */
    private static void joinAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                    threads.forEach(Thread::interrupt);
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
