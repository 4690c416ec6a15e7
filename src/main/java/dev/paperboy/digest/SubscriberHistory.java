package dev.paperboy.digest;

import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.system.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the planner reads and writes about a batch of subscribers, each a set query whatever the batch's size: the
 * subscribers, their digest history, their unsent digests (locked), the papers they already have, and when to look
 * at them again. Every lookup of history is one step down an index, however many digests a person has had.
 */
@ApplicationScoped
class SubscriberHistory {

    /**
     * When to look at each of a batch's subscribers again (in their narrow table, V21_1): ids and instants in two
     * arrays of the same order. Each row is found by its key and its instant by its place in the array, with no join:
     * joined to the arrays as a table, it was planned as a hash over a scan of the whole table for each batch whenever
     * the table had no statistics yet (a fresh install's first run, a list just imported).
     */
    static final String LOOK_AGAIN = """
            with k as (select ?::bigint[] as ids, ?::timestamptz[] as next)
            update subscriber_look l set next_due_at = k.next[array_position(k.ids, l.subscriber_id)]
            from k
            where l.subscriber_id = any (k.ids)
              and l.next_due_at is distinct from k.next[array_position(k.ids, l.subscriber_id)]""";

    /** An active subscriber being planned, and the period of the run's moment in their zone. */
    record Looked(Subscriber subscriber, String period) {
    }

    /** A subscriber's past: whether this period has its digest, the last decision, where their papers start. */
    record Past(boolean periodDecided, Instant lastDecided, Instant settledUntil, Instant firstSince) {
    }

    /** A digest of a subscriber that waits for its first send or a retry, or is being sent. */
    record Unsent(long digestId, String state, String period, String zone) {
    }

    /**
     * The active subscribers among {@code ids}, their rows locked until the transaction ends: one decision at a time
     * per subscriber (runs and nodes may overlap), so what is read next sees the others' decisions. One whose period
     * cannot be named is added to the failures. Read with the lock in one plain query, as detached Subscribers holding
     * what planning reads (cadence, hour, zone, weekday, confirmation): Hibernate's load of the same rows was a second
     * query, whole entities, and a dirty check of each at commit.
     */
    List<Looked> load(Connection connection, Instant runAt, List<Long> ids, List<DigestDecision.Failure> failures)
            throws SQLException {
        List<Looked> looked = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select id, cadence, hour, timezone, weekday, confirmed_at from subscriber
                where id = any(?) and state = 'active' order by id for no key update""")) {
            query.setArray(1, Sql.array(connection, "bigint", ids));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Subscriber subscriber = new Subscriber();
                    subscriber.id = rows.getLong(1);
                    subscriber.state = Subscriber.State.active;
                    try {
                        subscriber.cadence = Subscriber.Cadence.valueOf(rows.getString(2));
                        subscriber.hour = rows.getInt(3);
                        subscriber.timezone = rows.getString(4);
                        subscriber.weekdayNumber = rows.getInt(5);
                        subscriber.confirmedAt = Sql.instant(rows.getTimestamp(6));
                        looked.add(new Looked(subscriber, Period.of(subscriber, runAt)));
                    } catch (RuntimeException e) {
                        failures.add(new DigestDecision.Failure(subscriber.id, e));
                    }
                }
            }
        }
        return looked;
    }

    /** A forced run reopens the periods decided empty: nothing was sent for them. */
    void reopenEmpty(Connection connection, List<Looked> looked) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(HistoryStatements.REOPEN_EMPTY)) {
            bindPeriods(connection, delete, looked);
            delete.executeUpdate();
        }
    }

    Map<Long, Past> past(Connection connection, List<Looked> looked) throws SQLException {
        Map<Long, Past> past = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(HistoryStatements.PAST)) {
            bindPeriods(connection, query, looked);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    past.put(rows.getLong(1), new Past(rows.getBoolean(2), Sql.instant(rows.getTimestamp(3)),
                            Sql.instant(rows.getTimestamp(4)), Sql.instant(rows.getTimestamp(5))));
                }
            }
        }
        return past;
    }

    /**
     * The subscribers' unsent digests, locked until the transaction ends: no sender claims one meanwhile, and a
     * claim already under way is waited for and seen.
     */
    Map<Long, List<Unsent>> lockUnsent(Connection connection, List<Looked> looked) throws SQLException {
        Map<Long, List<Unsent>> unsent = new HashMap<>();
        looked.forEach(one -> unsent.put(one.subscriber().id, new ArrayList<>()));
        try (PreparedStatement query = connection.prepareStatement(HistoryStatements.UNSENT)) {
            query.setArray(1, Sql.array(connection, "bigint", unsent.keySet()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    unsent.get(rows.getLong(2)).add(new Unsent(rows.getLong(1), rows.getString(3), rows.getString(4),
                            rows.getString(5)));
                }
            }
        }
        return unsent;
    }

    /**
     * The papers already in a digest of each subscriber, among those that could fall in a window starting at
     * {@code oldest}: a paper ingested after it can only be in a digest whose window ends after it.
     */
    Map<Long, Set<Long>> taken(Connection connection, List<Long> subscribers, Instant oldest) throws SQLException {
        Map<Long, Set<Long>> taken = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(HistoryStatements.TAKEN)) {
            query.setArray(1, Sql.array(connection, "bigint", subscribers));
            query.setString(2, oldest.toString());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    taken.computeIfAbsent(rows.getLong(1), id -> new HashSet<>()).add(rows.getLong(2));
                }
            }
        }
        return taken;
    }

    /**
     * Writes when to look at each subscriber again: their delivery moment if it is still ahead today, else their
     * next local midnight, the earliest their next digest can be due. (Their rows are locked since they were read, so
     * no change of their choices comes in between; one after resets the look to "now", see V10 and V21_1.)
     */
    void lookAgain(Connection connection, Instant runAt, List<Looked> looked) throws SQLException {
        if (looked.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        List<Instant> next = new ArrayList<>();
        for (Looked one : looked) {
            ids.add(one.subscriber().id);
            next.add(nextLook(one.subscriber(), runAt));
        }
        try (PreparedStatement update = connection.prepareStatement(LOOK_AGAIN)) {
            update.setArray(1, Sql.array(connection, "bigint", ids));
            update.setArray(2, Sql.array(connection, "timestamptz", next));
            update.executeUpdate();
        }
    }

    /** The earliest moment after {@code at} that the subscriber's digest can become due. */
    static Instant nextLook(Subscriber subscriber, Instant at) {
        ZoneId zone = subscriber.zone();
        Instant midnight = at.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        Instant moment = Period.deliveryMoment(subscriber, at);
        return moment.isAfter(at) && moment.isBefore(midnight) ? moment : midnight;
    }

    private static void bindPeriods(Connection connection, PreparedStatement statement, List<Looked> looked)
            throws SQLException {
        statement.setArray(1, Sql.array(connection, "bigint", looked.stream().map(l -> l.subscriber().id).toList()));
        statement.setArray(2, Sql.array(connection, "text", looked.stream().map(Looked::period).toList()));
        statement.setArray(3, Sql.array(connection, "text", looked.stream().map(l -> l.subscriber().timezone).toList()));
    }
}
