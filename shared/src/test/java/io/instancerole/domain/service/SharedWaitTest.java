package io.instancerole.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SharedWaitTest {
    private final SharedWait shared = new SharedWait();

    @Test
    void aWaitIsMadeOnceForTheCallsThatAskedBeforeIt() {
        List<Long> waits = new ArrayList<>();
        long before = shared.ticket();

        assertTrue(shared.await(before, waits::add));
        assertFalse(shared.await(before, waits::add), "a second call sent before the wait does not wait again");
        assertTrue(shared.await(shared.ticket(), waits::add), "a call sent after it may ask for the next one");
        assertEquals(List.of(0L, 1L), waits, "waits are numbered, so delays can grow");
    }

    @Test
    void whileOneThreadWaitsTheOthersHoldBackAndDoNotWaitAgain() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        long ticket = shared.ticket();
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> shared.await(ticket, n -> {
            waiting.countDown();
            awaitQuietly(release);
        }));
        waiting.await();

        CompletableFuture<Long> nextTicket = new CompletableFuture<>();
        Thread caller = new Thread(() -> nextTicket.complete(shared.ticket()));
        caller.start();
        List<Long> secondWaits = new ArrayList<>();
        Thread throttledToo = new Thread(() -> shared.await(ticket, secondWaits::add));
        throttledToo.start();
        while (caller.getState() != Thread.State.WAITING || throttledToo.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        assertFalse(nextTicket.isDone(), "a new call holds back while the wait lasts");

        release.countDown();
        assertTrue(first.get());
        assertEquals(1L, nextTicket.get());
        throttledToo.join();
        assertEquals(List.of(), secondWaits, "a call throttled during the wait retries after it, without a wait of its own");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
