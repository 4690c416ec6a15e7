package dev.paperboy.matching;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Callers share looks at the window, but none gets a look that began before it asked. */
class WindowLooksTest {

    private static final Instant OLDEST = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void callersWhoAskDuringALookShareTheNextOneAndNeverTheOneUnderWay() throws Exception {
        AtomicInteger started = new AtomicInteger();
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        WindowLooks<Integer> looks = new WindowLooks<>(oldest -> {
            int number = started.incrementAndGet();
            if (number == 1) {
                firstRunning.countDown();
                await(releaseFirst);
            }
            return number;
        });
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            Future<Integer> first = pool.submit(() -> looks.look(OLDEST));
            assertTrue(firstRunning.await(30, TimeUnit.SECONDS));
            List<Future<Integer>> later = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                later.add(pool.submit(() -> looks.look(OLDEST)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (looks.waiting() < 8 && System.nanoTime() < deadline) {
                Thread.sleep(5); // until all eight wait for the next look (the first one is held)
            }
            assertEquals(8, looks.waiting());
            releaseFirst.countDown();
            assertEquals(1, first.get(30, TimeUnit.SECONDS));
            for (Future<Integer> f : later) {
                assertEquals(2, f.get(30, TimeUnit.SECONDS), "a look that began after they asked, shared");
            }
            assertEquals(2, started.get(), "nine callers, two looks");
            assertEquals(3, looks.look(OLDEST), "alone, a caller gets a look of its own");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedLookFailsItsCallersAndTheNextCallerLooksAgain() {
        AtomicInteger calls = new AtomicInteger();
        WindowLooks<Integer> looks = new WindowLooks<>(oldest -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return calls.get();
        });
        assertThrows(IllegalStateException.class, () -> looks.look(OLDEST));
        assertEquals(2, looks.look(OLDEST));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
