package dev.paperboy.digest;

import dev.paperboy.matching.MatchingService;
import dev.paperboy.matching.PaperIndex;
import dev.paperboy.paper.PaperImporter;
import dev.paperboy.subscriber.Subscriber;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides a run's digests: for every active subscriber whose period has no digest yet (and, unless forced, whose
 * local hour has come), one {@link DigestDecision} each, on one index and one paper window closed under the ingest lock.
 */
@ApplicationScoped
class DigestPlanner {

    private static final Logger LOG = Logger.getLogger(DigestPlanner.class);

    private final EntityManager entityManager;
    private final MatchingService matching;
    private final DigestDecision decision;

    DigestPlanner(EntityManager entityManager, MatchingService matching, DigestDecision decision) {
        this.entityManager = entityManager;
        this.matching = matching;
        this.decision = decision;
    }

    /** Decides the digests of one run; a subscriber whose deciding throws is counted, and the others go on. */
    Planned plan(long runId, Instant runAt, boolean forced) {
        Instant until = QuarkusTransaction.requiringNew().call(this::databaseNow);
        Failures failures = new Failures();
        List<Subscriber> due = QuarkusTransaction.requiringNew().call(() -> open(runAt, forced, failures));
        if (due.isEmpty()) {
            return failures.planned(0); // the usual pass: nobody's hour has come, and no index is built for nothing
        }
        PaperIndex index = matching.recentIndex(until.minus(matching.window()));
        int decided = 0;
        for (Subscriber subscriber : due) {
            try {
                String period = Period.of(subscriber, runAt);
                if (QuarkusTransaction.requiringNew().call(
                        () -> decision.decide(runId, subscriber, period, index, until, runAt, forced))) {
                    decided++;
                }
            } catch (RuntimeException e) {
                failures.add(subscriber, e);
            }
        }
        return failures.planned(decided);
    }

    /**
     * The active subscribers whose digest for the period around {@code runAt} is still open: not decided yet and
     * due (or forced); a forced run also reopens a period that was decided empty, since nothing was sent for it.
     */
    private List<Subscriber> open(Instant runAt, boolean forced, Failures failures) {
        Map<String, String> decided = new HashMap<>();
        Map<Long, Instant> lastDecided = new HashMap<>();
        List<Object[]> rows = entityManager.createNativeQuery("""
                select subscriber_id, period, zone, state, decided_as_of from digest
                where created_at > now() - interval '9 days'""").getResultList();
        for (Object[] row : rows) {
            decided.put(row[0] + "/" + row[1] + "/" + row[2], (String) row[3]);
            lastDecided.merge(((Number) row[0]).longValue(), toInstant(row[4]), (a, b) -> a.isAfter(b) ? a : b);
        }
        List<Subscriber> open = new ArrayList<>();
        for (Subscriber s : Subscriber.<Subscriber>list("state", Subscriber.State.active)) {
            try {
                String state = decided.get(s.id + "/" + Period.of(s, runAt) + "/" + s.timezone);
                if ((forced || Period.isDue(s, runAt, lastDecided.get(s.id)))
                        && (state == null || (forced && "empty".equals(state)))) {
                    open.add(s);
                }
            } catch (RuntimeException e) {
                failures.add(s, e); // a row no period can be named for (say, a zone this JDK does not know)
            }
        }
        return open;
    }

    /**
     * The end of this run's paper window. Taken under the ingest lock: imports still writing finish first, and
     * later ones stamp their papers after it, so no paper commits late into a window already read.
     */
    private Instant databaseNow() {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(" + PaperImporter.INGEST_LOCK + ")").getSingleResult();
        return toInstant(entityManager.createNativeQuery("select clock_timestamp()").getSingleResult());
    }

    /** What a planning pass did: the digests it decided, and the subscribers it could not decide one for. */
    record Planned(int decided, int undecided, String firstError) {
    }

    /** The subscribers whose deciding threw: logged each, counted, and the first reason kept for the run. */
    private static final class Failures {
        private int count;
        private String first;

        void add(Subscriber subscriber, RuntimeException e) {
            LOG.errorf(e, "Could not decide the digest of subscriber %d", subscriber.id);
            if (count++ == 0) {
                first = "subscriber " + subscriber.id + ": " + e;
            }
        }

        Planned planned(int decided) {
            return new Planned(decided, count, first);
        }
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
