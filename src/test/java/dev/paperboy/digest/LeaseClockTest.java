package dev.paperboy.digest;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lease clock never counts less time than really passed: not across a suspend, nor when the wall clock moves. */
class LeaseClockTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong monotonic = new AtomicLong(5 * SECOND);
    private final AtomicLong wall = new AtomicLong(1_700_000_000_000L);
    private final LeaseClock clock = new LeaseClock(monotonic::get, wall::get);

    private void pass(long monotonicNanos, long wallMillis) {
        monotonic.addAndGet(monotonicNanos);
        wall.addAndGet(wallMillis);
    }

    @Test
    void runsWithTheMonotonicClockWhileBothAgree() {
        long start = clock.nanos();
        pass(300_000_000L, 300);
        pass(1_234_567L, 1);
        assertEquals(301_234_567L, clock.nanos() - start);
    }

    @Test
    void aSuspendTheMonotonicClockDidNotCountIsCountedFromTheWallClock() {
        long start = clock.nanos();
        pass(2_000_000L, 90_000); // suspended for a minute and a half: the monotonic clock saw 2 ms of it
        assertEquals(90 * SECOND, clock.nanos() - start, "a lease taken before the suspend is seen as gone");
        pass(SECOND, 1_000);
        assertEquals(91 * SECOND, clock.nanos() - start, "and the clock goes on from there");
    }

    @Test
    void aWallClockSetBackOrSlewedALittleChangesNothing() {
        long start = clock.nanos();
        pass(SECOND, -3_600_000);
        assertEquals(SECOND, clock.nanos() - start, "set back an hour: the monotonic clock still counts");
        pass(SECOND, 1_000 + 500);
        assertEquals(2 * SECOND, clock.nanos() - start, "half a second of correction is not a suspend");
    }
}
