package dev.paperboy.digest;

import java.util.OptionalDouble;
import java.util.concurrent.locks.LockSupport;

/** A cap on messages per second for this node's senders together, for relays that limit; none when unset. */
final class SendRate {

    private final long interval;
    private long next = System.nanoTime();

    SendRate(OptionalDouble perSecond) {
        this.interval = perSecond.isPresent() && perSecond.getAsDouble() > 0
                ? Math.max(1, (long) (1_000_000_000L / perSecond.getAsDouble())) : 0;
    }

    /** Waits for this sender's turn: each message gets its own slot, one interval after the last. */
    void acquire() {
        if (interval == 0) {
            return;
        }
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = next - now > 0 ? next : now; // nanoTime may be negative: compare differences
            next = slot + interval;
        }
        for (long wait = slot - System.nanoTime(); wait > 0; wait = slot - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }
}
