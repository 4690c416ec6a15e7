package dev.paperboy.digest;

import dev.paperboy.matching.MatchingService;
import dev.paperboy.paper.PaperImporter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Decides digests a batch of a few hundred subscribers at a time, one transaction each, with one matcher for the
 * run's paper window. The subscribers come in id order, from an index: every active one for a forced run, else those
 * whose next look has come (nobody, in most passes of the clock).
 */
@ApplicationScoped
class DigestPlanner {

    private static final Logger LOG = Logger.getLogger(DigestPlanner.class);
    static final int BATCH = 250;

    private final EntityManager entityManager;
    private final MatchingService matching;
    private final DigestDecision decision;

    DigestPlanner(EntityManager entityManager, MatchingService matching, DigestDecision decision) {
        this.entityManager = entityManager;
        this.matching = matching;
        this.decision = decision;
    }

    /**
     * The end of a run's paper window. Taken under the ingest lock: imports still writing finish first, and later
     * ones stamp their papers after it, so no paper commits late into a window already read.
     */
    Instant paperWindowEnd() {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("select pg_advisory_xact_lock(" + PaperImporter.INGEST_LOCK + ")")
                    .getSingleResult();
            return toInstant(entityManager.createNativeQuery("select clock_timestamp()").getSingleResult());
        });
    }

    /** The subscribers with ids in [firstId, lastId] a run at {@code runAt} looks at, in id order. */
    List<Long> candidates(Instant runAt, boolean forced, long firstId, long lastId) {
        // the clock's: who is due, from the looks' index first (nobody, in most passes), then each probed by key
        String due = forced ? "" : " and id = any (array(select subscriber_id from subscriber_look"
                + " where next_due_at <= ?3 and subscriber_id between ?1 and ?2))";
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery("select id from subscriber where state = 'active'"
                    + " and id between ?1 and ?2" + due + " order by id", Long.class)
                    .setParameter(1, firstId).setParameter(2, lastId);
            if (!forced) {
                query.setParameter(3, runAt);
            }
            return query.getResultList();
        });
    }

    /**
     * A matcher over the run's window, shared by every batch of a shard; made once, before the first batch with
     * someone to decide, so a pass with nobody to look at builds no index.
     */
    Plan plan(long runId, Instant runAt, boolean forced, Instant until) {
        return new Plan(runId, runAt, forced, until, new OnceMatcher(() -> matching.batch(until.minus(matching.window()), until)));
    }

    /**
     * Decides for these subscribers, a batch per transaction, until done or {@code stop} says so; after each batch,
     * {@code progress} hears what it did. A batch that fails is decided again one subscriber at a time, so a bad row
     * costs only its own digest; a subscriber who still fails is counted, and the others go on.
     */
    Planned decide(Plan plan, List<Long> ids, BooleanSupplier stop, Consumer<Planned> progress) {
        Planned total = Planned.NONE;
        if (!ids.isEmpty() && !stop.getAsBoolean()) {
            // outside any deciding transaction: embedding the papers new to the window takes a while after an import
            plan.matcher().prepare();
        }
        for (int from = 0; from < ids.size() && !stop.getAsBoolean(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            Planned planned;
            try {
                planned = Planned.of(batch, QuarkusTransaction.requiringNew().call(() -> decision.decide(plan, batch)));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Deciding a batch of %d subscribers failed; deciding them one at a time", batch.size());
                planned = oneByOne(plan, batch);
            }
            total = total.plus(planned);
            progress.accept(planned);
        }
        return total;
    }

    private Planned oneByOne(Plan plan, List<Long> batch) {
        Planned planned = Planned.NONE;
        for (Long id : batch) {
            try {
                planned = planned.plus(Planned.of(List.of(id),
                        QuarkusTransaction.requiringNew().call(() -> decision.decide(plan, List.of(id)))));
            } catch (RuntimeException e) {
                planned = planned.plus(Planned.failed(id, e));
            }
        }
        return planned;
    }

    /**
     * What deciding did: digests decided (and how many have papers to send), subscribers that could not be decided,
     * the first reason, and the last subscriber id gone through.
     */
    record Planned(int decided, int queued, int undecided, String firstError, long through) {

        static final Planned NONE = new Planned(0, 0, 0, null, 0);

        static Planned of(List<Long> batch, DigestDecision.Decided decided) {
            Planned planned = new Planned(decided.decided(), decided.queued(), 0, null, batch.get(batch.size() - 1));
            for (DigestDecision.Failure failure : decided.failures()) {
                planned = planned.plus(failed(failure.subscriberId(), failure.cause()));
            }
            return planned;
        }

        static Planned failed(long subscriberId, RuntimeException e) {
            LOG.errorf(e, "Could not decide the digest of subscriber %d", subscriberId);
            return new Planned(0, 0, 1, "subscriber " + subscriberId + ": " + e, subscriberId);
        }

        Planned plus(Planned other) {
            return new Planned(decided + other.decided, queued + other.queued, undecided + other.undecided,
                    firstError != null ? firstError : other.firstError, Math.max(through, other.through));
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
