package dev.paperboy.digest;

import dev.paperboy.matching.Match;
import dev.paperboy.matching.MatchRequest;
import dev.paperboy.matching.MatchingService;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.system.PaperboyConfig;
import dev.paperboy.system.Secrets;
import dev.paperboy.system.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides the digests of a batch of subscribers, in the caller's transaction, with a few set queries: each gets at
 * most one digest per period, of the matching papers not yet in any digest of theirs, from the end of their last
 * digest that went out (or was decided empty). An older digest still waiting for its send is superseded: cancelled,
 * its papers fall into the new one. So after an outage a person gets one digest with all that was not sent, and the
 * papers of a digest given up come back in the next one. Everyone looked at is given the moment of their next look.
 */
@ApplicationScoped
class DigestDecision {

    private final AgroalDataSource dataSource;
    private final SubscriberHistory history;
    private final DigestPapers papers;
    private final MatchingService matching;
    private final PaperboyConfig config;

    DigestDecision(AgroalDataSource dataSource, SubscriberHistory history, DigestPapers papers,
                   MatchingService matching, PaperboyConfig config) {
        this.dataSource = dataSource;
        this.history = history;
        this.papers = papers;
        this.matching = matching;
        this.config = config;
    }

    /** A subscriber whose digest could not be decided, and why. */
    record Failure(long subscriberId, RuntimeException cause) {
    }

    /** What deciding a batch did: digests decided (and how many of them have papers to send), and failures. */
    record Decided(int decided, int queued, List<Failure> failures) {
    }

    /** Decides for the active subscribers among {@code ids}; a row no period can be named for is a failure. */
    Decided decide(Plan plan, List<Long> ids) {
        try (Connection connection = dataSource.getConnection()) {
            List<Failure> failures = new ArrayList<>();
            List<SubscriberHistory.Looked> looked = history.load(connection, plan.runAt(), ids, failures);
            if (plan.forced()) {
                history.reopenEmpty(connection, looked);
            }
            Map<Long, SubscriberHistory.Past> past = history.past(connection, looked);
            Map<Long, List<SubscriberHistory.Unsent>> unsent = history.lockUnsent(connection, looked);
            List<SubscriberHistory.Looked> lookLater = new ArrayList<>();
            List<Deciding> deciding = new ArrayList<>();
            for (SubscriberHistory.Looked one : looked) {
                try {
                    switch (standing(plan, one, past.get(one.subscriber().id), unsent.get(one.subscriber().id))) {
                        case OPEN -> deciding.add(new Deciding(one, since(past.get(one.subscriber().id), plan.until())));
                        case SERVED -> lookLater.add(one);
                        case WAIT -> {
                        }
                    }
                } catch (RuntimeException e) {
                    failures.add(new Failure(one.subscriber().id, e)); // say, a zone this JDK does not know
                }
            }
            supersede(connection, deciding, unsent);
            List<DigestPapers.Decided> stored = insert(connection, plan, deciding);
            deciding.forEach(d -> lookLater.add(d.looked()));
            history.lookAgain(connection, plan.runAt(), lookLater);
            int queued = (int) stored.stream().filter(d -> !d.papers().isEmpty()).count();
            return new Decided(stored.size(), queued, failures);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not decide the digests of " + ids.size() + " subscribers", e);
        }
    }

    private enum Standing {
        /** Due, and nothing stands in the way: decide now. */
        OPEN,
        /** Not due, or its period has its digest: look again later. */
        SERVED,
        /** An older digest is being sent right now: the next pass decides, once that send settled. */
        WAIT
    }

    private Standing standing(Plan plan, SubscriberHistory.Looked one, SubscriberHistory.Past past,
                                     List<SubscriberHistory.Unsent> unsent) {
        if (past.periodDecided()) {
            return Standing.SERVED;
        }
        if (!plan.forced() && !Period.isDue(one.subscriber(), plan.runAt(), past.lastDecided(), config.catchUpLimit())) {
            return Standing.SERVED;
        }
        for (SubscriberHistory.Unsent digest : unsent) {
            if (digest.period().equals(one.period()) && digest.zone().equals(one.subscriber().timezone)) {
                return Standing.SERVED; // another run decided this period a moment ago
            }
            if ("sending".equals(digest.state())) {
                return Standing.WAIT;
            }
        }
        return Standing.OPEN;
    }

    /**
     * Papers count from the end of the last digest that went out or was decided empty: those of a digest given up
     * or superseded are not behind it. With none of those, from the recent window, or from the start of an earlier
     * first digest that did not go out. Never further back than the matching index reaches.
     */
    private Instant since(SubscriberHistory.Past past, Instant until) {
        Instant since;
        if (past.settledUntil() != null) {
            since = past.settledUntil();
        } else {
            Instant recent = until.minus(config.recentWindow());
            since = past.firstSince() == null || recent.isBefore(past.firstSince()) ? recent : past.firstSince();
        }
        Instant floor = until.minus(matching.window());
        return since.isBefore(floor) ? floor : since;
    }

    /** Cancels the unsent digests of those being decided, and frees their papers for the new digest. */
    private static void supersede(Connection connection, List<Deciding> deciding,
                                  Map<Long, List<SubscriberHistory.Unsent>> unsent) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<String> periods = new ArrayList<>();
        for (Deciding one : deciding) {
            for (SubscriberHistory.Unsent digest : unsent.get(one.looked().subscriber().id)) {
                ids.add(digest.digestId());
                periods.add(one.looked().period());
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement cancel = connection.prepareStatement("""
                update digest d set state = 'cancelled', lease_until = null, next_attempt_at = null,
                       last_error = 'superseded: its papers went into the digest of ' || k.period
                from unnest(?::bigint[], ?::text[]) as k(id, period) where d.id = k.id""");
             PreparedStatement free = connection.prepareStatement(
                     "delete from digest_paper_list where digest_id = any(?)")) {
            cancel.setArray(1, Sql.array(connection, "bigint", ids));
            cancel.setArray(2, Sql.array(connection, "text", periods));
            cancel.executeUpdate();
            free.setArray(1, Sql.array(connection, "bigint", ids));
            free.executeUpdate();
        }
    }

    /** Ranks the batch and writes its digests with one multi-row insert; a period another node decided is skipped. */
    private List<DigestPapers.Decided> insert(Connection connection, Plan plan, List<Deciding> deciding)
            throws SQLException {
        if (deciding.isEmpty()) {
            return List.of();
        }
        Instant oldest = deciding.stream().map(Deciding::since).min(Instant::compareTo).orElseThrow();
        Map<Long, Set<Long>> taken = history.taken(connection, deciding.stream()
                .map(d -> d.looked().subscriber().id).toList(), oldest);
        List<MatchRequest> requests = deciding.stream().map(d -> new MatchRequest(d.looked().subscriber().id,
                d.since(), plan.until(), taken.getOrDefault(d.looked().subscriber().id, Set.of()))).toList();
        Map<Long, List<Match>> ranked = plan.matcher().rank(requests);
        Map<Long, List<Match>> chosen = new HashMap<>();
        List<String> tokens = new ArrayList<>();
        List<Long> subscribers = new ArrayList<>();
        List<String> periods = new ArrayList<>();
        List<String> zones = new ArrayList<>();
        List<String> states = new ArrayList<>();
        List<Instant> since = new ArrayList<>();
        for (Deciding one : deciding) {
            long id = one.looked().subscriber().id;
            List<Match> matches = ranked.getOrDefault(id, List.of());
            chosen.put(id, matches); // all that pass (at most Match.MAX_LISTED): the mail shows the subscriber's number
            tokens.add(Secrets.randomToken(16));
            subscribers.add(id);
            periods.add(one.looked().period());
            zones.add(one.looked().subscriber().timezone);
            states.add(chosen.get(id).isEmpty() ? "empty" : "queued");
            since.add(one.since());
        }
        List<DigestPapers.Decided> decided = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into digest (token_key, subscriber_id, period, zone, run_id, state, papers_since, papers_until,
                                    decided_as_of)
                select k.token, k.id, k.period, k.zone, ?, k.state, k.since, ?::timestamptz, ?::timestamptz
                from unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                     as k(token, id, period, zone, state, since)
                on conflict (subscriber_id, period, zone) do nothing
                returning id, subscriber_id""")) {
            insert.setLong(1, plan.runId());
            insert.setString(2, plan.until().toString());
            insert.setString(3, plan.runAt().toString());
            insert.setArray(4, Sql.array(connection, "text", tokens));
            insert.setArray(5, Sql.array(connection, "bigint", subscribers));
            insert.setArray(6, Sql.array(connection, "text", periods));
            insert.setArray(7, Sql.array(connection, "text", zones));
            insert.setArray(8, Sql.array(connection, "text", states));
            insert.setArray(9, Sql.array(connection, "timestamptz", since));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    long subscriber = rows.getLong(2);
                    decided.add(new DigestPapers.Decided(rows.getLong(1), subscriber, chosen.get(subscriber)));
                }
            }
        }
        papers.store(connection, decided);
        return decided;
    }

    /** One subscriber being decided, and where their papers start. */
    private record Deciding(SubscriberHistory.Looked looked, Instant since) {
    }
}
