package dev.paperboy.digest;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.LongSupplier;

/**
 * The node's clock for the leases of its claims: time measured on it since a claim was asked for is at least the
 * time that really passed, so a lease it says is held is held.
 */
@ApplicationScoped
class LeaseClock {

    /**
     * Why the wall clock is read too: the monotonic clock stops while the machine is suspended (or a virtual machine
     * paused), while the database's clock, maybe on another machine, goes on and ends the lease. A wall clock that
     * moved a second or more further than the monotonic one between two readings is counted as time passed; one
     * moved back is not.
     */
    private static final long SUSPEND_NANOS = 1_000_000_000L;

    private final LongSupplier monotonicNanos;
    private final LongSupplier wallMillis;
    private long lastMonotonic;
    private long lastWall;
    private long skipped;

    LeaseClock() {
        this(System::nanoTime, System::currentTimeMillis);
    }

    LeaseClock(LongSupplier monotonicNanos, LongSupplier wallMillis) {
        this.monotonicNanos = monotonicNanos;
        this.wallMillis = wallMillis;
        this.lastMonotonic = monotonicNanos.getAsLong();
        this.lastWall = wallMillis.getAsLong();
    }

    /** Nanoseconds from an arbitrary origin: the monotonic clock plus every stretch it did not count. */
    synchronized long nanos() {
        long monotonic = monotonicNanos.getAsLong();
        long wall = wallMillis.getAsLong();
        long uncounted = (wall - lastWall) * 1_000_000L - (monotonic - lastMonotonic);
        if (uncounted >= SUSPEND_NANOS) {
            skipped += uncounted;
        }
        lastMonotonic = monotonic;
        lastWall = wall;
        return monotonic + skipped;
    }
}
