package dev.paperboy.system;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The retry wait doubles from the first wait and never passes half an hour, however many attempts. */
class BackoffTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void theWaitDoublesWithEachAttempt() {
        assertEquals(Duration.ofMinutes(1), Backoff.after(MINUTE, 1));
        assertEquals(Duration.ofMinutes(2), Backoff.after(MINUTE, 2));
        assertEquals(Duration.ofMinutes(4), Backoff.after(MINUTE, 3));
        assertEquals(Duration.ofMinutes(16), Backoff.after(MINUTE, 5));
    }

    @Test
    void theWaitStopsAtHalfAnHour() {
        assertEquals(Duration.ofMinutes(30), Backoff.LONGEST_WAIT);
        assertEquals(Duration.ofMinutes(30), Backoff.after(MINUTE, 6), "32 minutes, capped");
        assertEquals(Duration.ofMinutes(30), Backoff.after(MINUTE, 7));
        assertEquals(Duration.ofMinutes(30), Backoff.after(Duration.ofHours(2), 1), "a first wait past the cap");
        assertEquals(Duration.ofSeconds(1L << 10), Backoff.after(Duration.ofSeconds(1), 11), "under the cap: 1,024 s");
        assertEquals(Duration.ofMinutes(30), Backoff.after(Duration.ofSeconds(1), 12), "2,048 s, capped");
    }

    /** A digest retried for days reaches huge attempt numbers: no overflow, no negative or zero wait. */
    @Test
    void manyAttemptsNeitherOverflowNorShrink() {
        for (int attempt : new int[]{21, 62, 63, 64, 1_000, Integer.MAX_VALUE}) {
            assertEquals(Duration.ofMinutes(30), Backoff.after(MINUTE, attempt), "attempt " + attempt);
        }
        assertEquals(Duration.ofMinutes(30), Backoff.after(Duration.ofMillis(1), Integer.MAX_VALUE));
    }

    @Test
    void anAttemptNumberBelowOneWaitsTheFirstWait() {
        assertEquals(MINUTE, Backoff.after(MINUTE, 0));
        assertEquals(MINUTE, Backoff.after(MINUTE, -5));
    }
}
