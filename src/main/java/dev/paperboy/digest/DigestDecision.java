package dev.paperboy.digest;

import dev.paperboy.matching.Match;
import dev.paperboy.matching.MatchingService;
import dev.paperboy.matching.PaperIndex;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.system.PaperboyConfig;
import dev.paperboy.system.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides one subscriber's digest for one period, once: the matching papers not yet in any digest of theirs, from
 * the end of their last digest that went out (or was decided empty). An older digest still waiting for its send is
 * superseded: cancelled, its papers fall into this one. So after an outage a person gets one digest with all that
 * was not sent, and the papers of a digest given up come back in the next one.
 */
@ApplicationScoped
class DigestDecision {

    private final EntityManager entityManager;
    private final MatchingService matching;
    private final PaperboyConfig config;

    DigestDecision(EntityManager entityManager, MatchingService matching, PaperboyConfig config) {
        this.entityManager = entityManager;
        this.matching = matching;
        this.config = config;
    }

    /**
     * Decides, in the caller's transaction; false when the period is decided already, or when an older digest of
     * the subscriber is being sent right now (a later pass decides once that send has settled, so that its papers,
     * should it fail, are not left behind a window that moved on).
     */
    boolean decide(long runId, Subscriber subscriber, String period, PaperIndex index, Instant until, Instant runAt,
                   boolean forced) {
        if (forced) {
            entityManager.createNativeQuery(
                            "delete from digest where subscriber_id = ?1 and period = ?2 and zone = ?3 and state = 'empty'")
                    .setParameter(1, subscriber.id).setParameter(2, period).setParameter(3, subscriber.timezone)
                    .executeUpdate();
        }
        // one decision at a time per subscriber (runs and nodes may overlap): the checks below then see the others'
        entityManager.createNativeQuery("select id from subscriber where id = ?1 for no key update")
                .setParameter(1, subscriber.id).getResultList();
        if (Digest.count("subscriberId = ?1 and period = ?2 and zone = ?3", subscriber.id, period, subscriber.timezone) > 0) {
            return false;
        }
        if (!supersedeUnsent(subscriber, period)) {
            return false;
        }
        Instant since = since(subscriber.id, until);
        Set<Long> taken = new HashSet<>(entityManager.createNativeQuery(
                        "select paper_id from digest_paper where subscriber_id = ?1", Long.class)
                .setParameter(1, subscriber.id).getResultList());
        List<Match> matches = index.rank(subscriber.interestList(), since, until, taken,
                config.digest().maxPapers(), config.digest().minScore());
        List<?> inserted = entityManager.createNativeQuery("""
                        insert into digest (token_key, subscriber_id, period, zone, run_id, state, papers_since,
                                            papers_until, decided_as_of)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        on conflict (subscriber_id, period, zone) do nothing
                        returning id""", Long.class)
                .setParameter(1, Secrets.randomToken(16)).setParameter(2, subscriber.id).setParameter(3, period)
                .setParameter(4, subscriber.timezone).setParameter(5, runId)
                .setParameter(6, matches.isEmpty() ? "empty" : "queued")
                .setParameter(7, since).setParameter(8, until).setParameter(9, runAt)
                .getResultList();
        if (inserted.isEmpty()) {
            return false; // another node decided this period first
        }
        long digestId = ((Number) inserted.get(0)).longValue();
        int position = 0;
        for (Match match : matches) {
            entityManager.createNativeQuery("""
                            insert into digest_paper (digest_id, subscriber_id, paper_id, position, score, reason)
                            values (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, digestId).setParameter(2, subscriber.id).setParameter(3, match.paperId())
                    .setParameter(4, position++).setParameter(5, match.score()).setParameter(6, match.reason())
                    .executeUpdate();
        }
        return true;
    }

    /**
     * Cancels the subscriber's digests that wait for a first send or a retry, and frees their papers for the digest
     * being decided; false, changing nothing, when one is being sent right now. The rows are locked first, so no
     * sender claims one of them meanwhile, and a claim already under way is waited for and seen.
     */
    private boolean supersedeUnsent(Subscriber subscriber, String period) {
        List<Object[]> unsent = entityManager.createNativeQuery("""
                        select id, state from digest
                        where subscriber_id = ?1 and state in ('queued', 'retrying', 'sending')
                          and not (period = ?2 and zone = ?3)
                        for update""")
                .setParameter(1, subscriber.id).setParameter(2, period).setParameter(3, subscriber.timezone)
                .getResultList();
        if (unsent.stream().anyMatch(row -> "sending".equals(row[1]))) {
            return false;
        }
        for (Object[] row : unsent) {
            long digestId = ((Number) row[0]).longValue();
            entityManager.createNativeQuery("""
                            update digest set state = 'cancelled', lease_until = null, next_attempt_at = null,
                                   last_error = 'superseded: its papers went into the digest of ' || ?2
                            where id = ?1""")
                    .setParameter(1, digestId).setParameter(2, period).executeUpdate();
            entityManager.createNativeQuery("delete from digest_paper where digest_id = ?1")
                    .setParameter(1, digestId).executeUpdate();
        }
        return true;
    }

    /**
     * Papers count from the end of the last digest that went out or was decided empty: those of a digest given up
     * or superseded are not behind it. With none of those, from the recent window, or from the start of an earlier
     * first digest that did not go out. Never further back than the matching index reaches.
     */
    private Instant since(long subscriberId, Instant until) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        select max(papers_until) filter (where state in ('sent', 'empty')), min(papers_since)
                        from digest where subscriber_id = ?1""")
                .setParameter(1, subscriberId).getSingleResult();
        Instant since;
        if (row[0] != null) {
            since = DigestPlanner.toInstant(row[0]);
        } else {
            Instant recent = until.minus(config.recentWindow());
            since = row[1] == null ? recent : earlier(recent, DigestPlanner.toInstant(row[1]));
        }
        Instant floor = until.minus(matching.window());
        return since.isBefore(floor) ? floor : since;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
