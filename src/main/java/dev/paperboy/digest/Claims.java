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
import java.util.List;

/**
 * Claims of digests to send, under a lease fenced by the attempt number: a batch is claimed in one statement, and
 * before each send the sender checks that its claim still holds (another sender takes over a digest whose lease ran
 * out, and a sender that stalled past its lease then sends nothing more of that batch). A lease running short is
 * renewed for the rest of the batch.
 */
@ApplicationScoped
class Claims {

    /**
     * Digests a sender may claim now, {@code d} among the unsent ones of the queue {@code q} (see V19): decided, due
     * for a retry, or held under a lease that ran out. The join's {@code + 0} keeps the planner walking the queue in
     * id order and probing each digest: told that both ids are equal, it may walk the digest's primary key instead,
     * past every digest already sent (3-13 ms a claim at 20,000 instead of 0.2).
     */
    static final String CLAIMABLE = """
            digest_queue q join digest d on d.id = q.digest_id + 0
            where (d.state = 'queued' or (d.state = 'retrying' and d.next_attempt_at <= now())
                   or (d.state = 'sending' and d.lease_until < now()))""";

    private static final String CLAIM = "with picked as (select d.id from " + CLAIMABLE + """
                and q.digest_id >= ?
                order by q.digest_id limit ?
                for update of d skip locked)
            update digest d set state = 'sending', lease_until = now() + ? * interval '1 millisecond',
                                attempts = d.attempts + 1
            from picked where d.id = picked.id
            returning d.id, d.attempts, d.subscriber_id, d.period, d.token_key, d.created_at""";

    private final AgroalDataSource dataSource;
    private final PaperboyConfig config;
    private final ClaimStart start = new ClaimStart();

    Claims(AgroalDataSource dataSource, PaperboyConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** A digest a sender holds, the attempt number that fences its claim, and what composing its mail needs. */
    record Claim(long digestId, int attempt, long subscriberId, String period, String tokenKey, Instant decidedAt) {
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
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setLong(1, fromId);
            claim.setInt(2, size);
            claim.setLong(3, config.deliveryLease().toMillis());
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    claims.add(new Claim(rows.getLong(1), rows.getInt(2), rows.getLong(3), rows.getString(4),
                            rows.getString(5), Sql.instant(rows.getTimestamp(6))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim digests to send", e);
        }
        return claims;
    }

    /**
     * Whether this claim still holds, just before its send: the digest is still 'sending' under this attempt and its
     * lease has half its length left. A lease shorter than that is renewed, with the rest of the batch.
     */
    boolean stillHeld(Claim claim, List<Claim> rest) {
        long lease = config.deliveryLease().toMillis();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement check = connection.prepareStatement("""
                     select lease_until > now() + ? * interval '1 millisecond' from digest
                     where id = ? and state = 'sending' and attempts = ?""")) {
            check.setLong(1, lease / 2);
            check.setLong(2, claim.digestId());
            check.setInt(3, claim.attempt());
            try (ResultSet row = check.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                if (row.getBoolean(1)) {
                    return true;
                }
            }
            List<Claim> renewing = new ArrayList<>(rest);
            renewing.add(0, claim);
            return renew(connection, renewing, lease);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the claim on digest " + claim.digestId(), e);
        }
    }

    /** Extends the lease of these claims; true when the first of them is still held. */
    private static boolean renew(Connection connection, List<Claim> claims, long lease) throws SQLException {
        try (PreparedStatement renew = connection.prepareStatement("""
                update digest d set lease_until = now() + ? * interval '1 millisecond'
                from unnest(?::bigint[], ?::int[]) as k(id, attempt)
                where d.id = k.id and d.state = 'sending' and d.attempts = k.attempt
                returning d.id""")) {
            renew.setLong(1, lease);
            renew.setArray(2, Sql.array(connection, "bigint", claims.stream().map(Claim::digestId).toList()));
            renew.setArray(3, Sql.array(connection, "int", claims.stream().map(Claim::attempt).toList()));
            try (ResultSet rows = renew.executeQuery()) {
                while (rows.next()) {
                    if (rows.getLong(1) == claims.get(0).digestId()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
