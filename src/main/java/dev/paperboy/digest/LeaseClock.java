package dev.paperboy.digest;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The node's monotonic clock for the leases of its claims: unlike the wall clock, it never jumps, so time measured
 * on it since a claim was asked for is at most the time that really passed.
 */
@ApplicationScoped
class LeaseClock {

    /** Nanoseconds from an arbitrary origin, as {@link System#nanoTime()}. */
    long nanos() {
        return System.nanoTime();
    }
}
