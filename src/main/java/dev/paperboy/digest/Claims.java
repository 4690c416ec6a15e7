package dev.paperboy.digest;

import dev.paperboy.system.PaperboyConfig;
import dev.paperboy.system.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Claims of digests to send, under a lease fenced by the attempt number: a batch is claimed in one statement, and
 * before each send the sender makes sure that its claim still holds (another sender takes over a digest whose lease
 * ran out, and a sender that stalled past its lease then sends nothing more of that batch). The node knows on its own
 * monotonic clock how long a lease surely lasts (see {@link Lease}); only once half of it may be gone does it ask the
 * database, renewing the lease of the rest of the batch in the same statement.
 */
@ApplicationScoped
class Claims {

    /**
     * Whether the digest {@code d} (one of the queue's, see V19) may be claimed now: decided, due for a retry, or held
     * under a lease that ran out. A queued or retrying digest whose lease has not ended waits for it: only an operator's
     * hand sets a digest that is being sent back like that, and its sender may still send it (see {@link Lease}), so it
     * is taken over when a lease that ran out would be.
     */
    static final String CLAIMABLE = """
            ((d.state = 'queued' or (d.state = 'retrying' and d.next_attempt_at <= now()))
             and (d.lease_until is null or d.lease_until < now())
             or (d.state = 'sending' and d.lease_until < now()))""";

    /**
     * Walks the queue in id order and probes each digest by its key, locking those it may claim. The lateral subquery
     * with its own lock is the only shape the planner can run it in: as a join, with no statistics on digest yet (a
     * fresh install's first run, before autovacuum's first analyze) it estimated a row or two claimable and hashed the
     * whole table for every claim (13-33 ms a claim at 20,000 instead of 0.3-2). The update finds the picked digests
     * by the same key, for the same reason.
     */
    static final String CLAIM = """
            with picked as (
                select c.id from digest_queue q
                cross join lateral (select d.id from digest d where d.id = q.digest_id and %s
                                    for update skip locked) c
                where q.digest_id >= ?
                order by q.digest_id limit ?)
            update digest d set state = 'sending', lease_until = now() + ? * interval '1 millisecond',
                                attempts = d.attempts + 1
            where d.id = any (array(select id from picked))
            returning d.id, d.attempts, d.subscriber_id, d.period, d.token_key, d.created_at""".formatted(CLAIMABLE);

    private final AgroalDataSource dataSource;
    private final PaperboyConfig config;
    private final LeaseClock clock;
    private final ClaimStart start = new ClaimStart();

    Claims(AgroalDataSource dataSource, PaperboyConfig config, LeaseClock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A digest a sender holds, the attempt number that fences its claim, what composing its mail needs, and how long
     * the node knows its lease to last.
     */
    record Claim(long digestId, int attempt, long subscriberId, String period, String tokenKey, Instant decidedAt,
                 Lease lease) {
    }

    /**
     * Until when, on the node's {@link LeaseClock}, a claim surely holds. The statement that claimed (or renewed) it
     * set its lease to end at the database's {@code now()} plus the lease's length, and that {@code now()} came after
     * the node noted its clock before sending the statement: so the lease ends no earlier than that note plus the
     * length. No other sender takes the digest over before its lease ends ({@link #CLAIMABLE}), and a recorded outcome
     * is fenced by the attempt. So while half the lease is left on this clock, a send needs no query (the other half is
     * the margin for the send itself, as when the database was asked each time); once it may not be, the database is
     * asked. Lost once the database said the claim no longer holds: it never holds again (attempts only grow).
     */
    static final class Lease {
        private volatile long until;
        private volatile boolean lost;

        private Lease(long until) {
            this.until = until;
        }
    }

    /**
     * Claims up to {@code size} digests that are due, oldest first from where the node's claims have got to (see
     * {@link ClaimStart}), skipping those another sender is claiming.
     */
    List<Claim> claim(int size) {
        long from = start.next();
        List<Claim> claims = claim(size, from);
        if (ClaimStart.lookFromFirst(from, claims.size(), size)) {
            claims.addAll(claim(size - claims.size(), 0));
        }
        claims.sort(java.util.Comparator.comparingLong(Claim::digestId));
        if (!claims.isEmpty()) {
            start.took(claims.get(0).digestId());
        }
        return claims;
    }

    private List<Claim> claim(int size, long fromId) {
        List<Claim> claims = new ArrayList<>();
        long leaseUntil = clock.nanos() + config.deliveryLease().toNanos();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setLong(1, fromId);
            claim.setInt(2, size);
            claim.setLong(3, config.deliveryLease().toMillis());
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    claims.add(new Claim(rows.getLong(1), rows.getInt(2), rows.getLong(3), rows.getString(4),
                            rows.getString(5), Sql.instant(rows.getTimestamp(6)), new Lease(leaseUntil)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim digests to send", e);
        }
        return claims;
    }

    /**
     * Whether this claim still holds, just before its send, with half its lease left: known on the node's clock, or
     * else asked of the database while renewing the lease of this claim and the rest of its batch.
     */
    boolean stillHeld(Claim claim, Supplier<List<Claim>> rest) {
        if (claim.lease().lost) {
            return false;
        }
        long lease = config.deliveryLease().toNanos();
        if (claim.lease().until - clock.nanos() > lease / 2) {
            return true;
        }
        List<Claim> renewing = new ArrayList<>();
        renewing.add(claim);
        rest.get().stream().filter(c -> !c.lease().lost).forEach(renewing::add);
        return renew(renewing, lease);
    }

    /**
     * Extends the lease of these claims where they still hold, and marks the others lost; true when the first of them
     * still holds.
     */
    private boolean renew(List<Claim> claims, long lease) {
        long leaseUntil = clock.nanos() + lease;
        Set<Long> held = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement renew = connection.prepareStatement("""
                     update digest d set lease_until = now() + ? * interval '1 millisecond'
                     from unnest(?::bigint[], ?::int[]) as k(id, attempt)
                     where d.id = k.id and d.state = 'sending' and d.attempts = k.attempt
                     returning d.id""")) {
            renew.setLong(1, TimeUnit.NANOSECONDS.toMillis(lease));
            renew.setArray(2, Sql.array(connection, "bigint", claims.stream().map(Claim::digestId).toList()));
            renew.setArray(3, Sql.array(connection, "int", claims.stream().map(Claim::attempt).toList()));
            try (ResultSet rows = renew.executeQuery()) {
                while (rows.next()) {
                    held.add(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the claim on digest " + claims.get(0).digestId(), e);
        }
        for (Claim claim : claims) {
            if (held.contains(claim.digestId())) {
                claim.lease().until = leaseUntil;
            } else {
                claim.lease().lost = true;
            }
        }
        return held.contains(claims.get(0).digestId());
    }
}
