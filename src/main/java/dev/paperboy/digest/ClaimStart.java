package dev.paperboy.digest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a node's next claim starts looking for digests to send. A run's sent digests stay in the way of a look from
 * the first id (their index entries until a vacuum; and a plan made while the table's statistics said every digest
 * was queued walks the primary key past each of them): ten milliseconds a claim at 20,000 digests, growing with the
 * run. So a claim looks from the lowest id the last claim took. A digest below that point that becomes claimable
 * again (a retry now due, a lease run out, a claim rolled back, a digest whose decision committed late) is found by
 * the look from the first id that every {@link #WHOLE_LOOK_EVERY}th claim makes, and that follows any look that found
 * fewer than it could take.
 */
final class ClaimStart {

    /** Every this many claims, one looks from the first digest on, whatever the claims before found. */
    static final int WHOLE_LOOK_EVERY = 16;

    private final AtomicLong from = new AtomicLong();
    private final AtomicLong looks = new AtomicLong();

    /** The lowest id the next claim looks at: 0 for a look from the first digest. */
    long next() {
        return looks.getAndIncrement() % WHOLE_LOOK_EVERY == 0 ? 0 : from.get();
    }

    /** A look from {@code start} took {@code taken} of the {@code wanted}: whether to look again from the first id. */
    static boolean lookFromFirst(long start, int taken, int wanted) {
        return start > 0 && taken < wanted;
    }

    /** The claim took these digests, lowest first: the next claim starts at the lowest of them. */
    void took(long lowestId) {
        from.set(lowestId);
    }
}
