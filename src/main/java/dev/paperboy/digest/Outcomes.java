package dev.paperboy.digest;

import dev.paperboy.system.Sql;
import io.agroal.api.AgroalDataSource;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records what became of the digests of one delivery pass, in groups: one thread writes everything that arrived
 * while it wrote the last group, in one transaction, each outcome only if no other claim of its digest came since
 * (the attempt number fences it; an operator's hand that set the digest back to queued meanwhile does not, as its
 * sender may still have sent it: see {@link Claims.Lease}). A message the relay accepted holds one of the node's
 * in-flight permits until its outcome is committed, so at most that many messages can be sent again after a crash.
 * A digest that failed or was cancelled gives its papers back for the next digest.
 */
final class Outcomes implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Outcomes.class);
    private static final int LARGEST_GROUP = 1_000;
    /** How long a group waits for more outcomes after its first, while senders can still send. */
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(4);

    /** What became of one claimed digest: its new state, why, when to try again, and whether it was accepted. */
    record Outcome(Claims.Claim claim, String state, String error, Duration retryIn, boolean handedBack,
                   boolean accepted) {
    }

    private final AgroalDataSource dataSource;
    private final Semaphore inFlight;
    private final BlockingQueue<PermitLife.Queued> queue = new LinkedBlockingQueue<>();
    private final PermitLife life = new PermitLife();
    private long sqlDoneAt;
    private long committedAt;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicLong waitedNanos = new AtomicLong();
    private long groups;
    private long writingNanos;
    private final Thread writer;
    private volatile boolean closing;

    Outcomes(AgroalDataSource dataSource, Semaphore inFlight) {
        this.dataSource = dataSource;
        this.inFlight = inFlight;
        this.writer = new Thread(this::write, "digest-outcomes");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Just before the relay may accept a message (the end of its data): waits while the node has as many accepted
     * messages not yet recorded as it may; returns when the permit was taken (System.nanoTime).
     */
    long beforeSend() {
        if (!inFlight.tryAcquire()) {
            long start = System.nanoTime();
            inFlight.acquireUninterruptibly();
            long now = System.nanoTime();
            waitedNanos.addAndGet(now - start);
            return now;
        }
        return System.nanoTime();
    }

    /** The relay accepted the message: recorded as sent in the next group, and its permit freed then. */
    void accepted(Claims.Claim claim, long endOfData) {
        queue.add(new PermitLife.Queued(new Outcome(claim, "sent", null, null, false, true), endOfData,
                System.nanoTime()));
    }

    /**
     * The send did not happen or was refused: no permit held any more (one was if the message got as far as its end);
     * the outcome goes in the next group.
     */
    void notAccepted(Outcome outcome, boolean heldPermit) {
        if (heldPermit) {
            inFlight.release();
        }
        add(outcome);
    }

    void add(Outcome outcome) {
        queue.add(new PermitLife.Queued(outcome, 0, 0));
    }

    int sent() {
        return sent.get();
    }

    /** Waits until every outcome handed in is written. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (groups > 0) {
            // what recording costs the senders: time they waited for a permit, against the writer's time in commits
            LOG.infof("Delivery pass: %d sent, outcomes written in %d groups taking %d ms; senders waited %d ms in"
                    + " all for in-flight permits", sent.get(), groups, writingNanos / 1_000_000,
                    waitedNanos.get() / 1_000_000);
            LOG.debug(life);
        }
    }

    private void write() {
        while (!closing || !queue.isEmpty()) {
            List<PermitLife.Queued> group = new ArrayList<>();
            try {
                PermitLife.Queued first = queue.poll(20, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
            } catch (InterruptedException e) {
                continue;
            }
            queue.drainTo(group, LARGEST_GROUP - 1);
            life.picked(group, 0);
            gather(group);
            long start = System.nanoTime();
            try {
                sent.addAndGet(record(group.stream().map(PermitLife.Queued::outcome).toList()));
            } finally {
                int held = (int) group.stream().filter(q -> q.outcome().accepted()).count();
                if (held > 0) {
                    inFlight.release(held);
                }
                long released = System.nanoTime();
                life.written(start, sqlDoneAt, committedAt, released);
                groups++;
                writingNanos += released - start;
            }
        }
    }

    /**
     * Lets a group grow for a few milliseconds, fewer commits for the same outcomes (each commit is a WAL flush and a
     * round trip or three), but not once every in-flight permit is held: then the senders wait for this group.
     */
    private void gather(List<PermitLife.Queued> group) {
        long deadline = System.nanoTime() + GATHER_NANOS;
        while (!closing && group.size() < LARGEST_GROUP && inFlight.availablePermits() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                PermitLife.Queued next = queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(1)),
                        TimeUnit.NANOSECONDS);
                if (next != null) {
                    int from = group.size();
                    group.add(next);
                    queue.drainTo(group, LARGEST_GROUP - group.size());
                    life.picked(group, from);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Writes a group, trying again a few times; returns how many were recorded as sent. */
    private int record(List<Outcome> group) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write(group);
            } catch (SQLException | RuntimeException e) {
                if (attempt == 3) {
                    // the claims stay 'sending' and are taken over when their lease runs out
                    LOG.errorf(e, "Could not record the outcome of %d digests", group.size());
                    return 0;
                }
                LOG.warnf(e, "Recording the outcome of %d digests failed; trying again", group.size());
                pause(200L * attempt);
            }
        }
    }

    private int write(List<Outcome> group) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<Integer> attempts = new ArrayList<>();
        List<String> states = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Long> waits = new ArrayList<>();
        List<Integer> undo = new ArrayList<>();
        for (Outcome outcome : group) {
            ids.add(outcome.claim().digestId());
            attempts.add(outcome.claim().attempt());
            states.add(outcome.state());
            errors.add(outcome.error());
            waits.add(outcome.retryIn() == null ? -1L : outcome.retryIn().toMillis());
            undo.add(outcome.handedBack() ? 1 : 0);
        }
        int sentNow = 0;
        List<Long> freed = new ArrayList<>();
        // only a failed or cancelled digest gives its papers back, in a second statement; without one the update
        // commits on its own: one round trip, one wake-up of the backend and of this thread less for the permits
        boolean mayFree = states.contains("failed") || states.contains("cancelled");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(!mayFree);
            try (PreparedStatement update = connection.prepareStatement("""
                    update digest d set state = k.state, lease_until = null,
                           last_error = case when k.undo = 1 then d.last_error else k.error end,
                           sent_at = case when k.state = 'sent' then now() else d.sent_at end,
                           next_attempt_at = case when k.wait >= 0 then now() + k.wait * interval '1 millisecond' end,
                           attempts = d.attempts - k.undo
                    from unnest(?::bigint[], ?::int[], ?::text[], ?::text[], ?::bigint[], ?::int[])
                         as k(id, attempt, state, error, wait, undo)
                    where d.id = k.id and d.state in ('sending', 'queued', 'retrying') and d.attempts = k.attempt
                    returning d.id, d.state""")) {
                update.setArray(1, Sql.array(connection, "bigint", ids));
                update.setArray(2, Sql.array(connection, "int", attempts));
                update.setArray(3, Sql.array(connection, "text", states));
                update.setArray(4, Sql.array(connection, "text", errors));
                update.setArray(5, Sql.array(connection, "bigint", waits));
                update.setArray(6, Sql.array(connection, "int", undo));
                try (ResultSet rows = update.executeQuery()) {
                    while (rows.next()) {
                        String state = rows.getString(2);
                        sentNow += "sent".equals(state) ? 1 : 0;
                        if ("failed".equals(state) || "cancelled".equals(state)) {
                            freed.add(rows.getLong(1));
                        }
                    }
                }
            }
            if (!freed.isEmpty()) {
                try (PreparedStatement free = connection.prepareStatement(
                        "delete from digest_paper_list where digest_id = any(?)")) {
                    free.setArray(1, Sql.array(connection, "bigint", freed));
                    free.executeUpdate();
                }
            }
            sqlDoneAt = System.nanoTime(); // the commit's time is in the SQL's when the update committed on its own
            if (mayFree) {
                connection.commit();
            }
            committedAt = System.nanoTime();
        }
        return sentNow;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
