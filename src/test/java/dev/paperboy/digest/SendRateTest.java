package dev.paperboy.digest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** PAPERBOY_SMTP_RATE: the node's senders together send no faster than the cap; without one, nobody waits. */
class SendRateTest {

    @Test
    void sendersSharingACapOfTwentyASecondTakeAtLeastASecondForTwentyOneMessages() throws Exception {
        SendRate rate = new SendRate(OptionalDouble.of(20));
        ExecutorService senders = Executors.newFixedThreadPool(3);
        long start = System.nanoTime();
        try {
            Future<?>[] done = new Future<?>[3];
            for (int i = 0; i < done.length; i++) {
                done[i] = senders.submit(() -> {
                    for (int message = 0; message < 7; message++) {
                        rate.acquire();
                    }
                });
            }
            for (Future<?> sender : done) {
                sender.get(30, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // 21 slots 50 ms apart: the last one starts 1 s after the first, however the three senders interleave
        assertTrue(took.toMillis() >= 990, "21 messages at 20 a second took " + took);
    }

    @Test
    void withoutACapNobodyWaits() {
        SendRate rate = new SendRate(OptionalDouble.empty());
        long start = System.nanoTime();
        for (int message = 0; message < 100_000; message++) {
            rate.acquire();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.toSeconds() < 5, "100,000 uncapped acquisitions took " + took);
    }
}
