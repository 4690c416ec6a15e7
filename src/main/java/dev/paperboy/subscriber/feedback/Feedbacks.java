package dev.paperboy.subscriber.feedback;

import dev.paperboy.paper.Paper;
import dev.paperboy.subscriber.LinkTokens;
import dev.paperboy.subscriber.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A subscriber's "more like this" and "less like this": opened from a link, recorded, listed and undone. */
@ApplicationScoped
public class Feedbacks {

    /** One choice as the preferences page lists it. */
    public record Entry(long paperId, String title, boolean more, Instant at) {
        public String label() {
            return more ? "More like this" : "Less like this";
        }

        /** The day it was said, as 2026-11-29 (UTC). */
        public String day() {
            return at.toString().substring(0, 10);
        }
    }

    /** What a genuine feedback link is about. */
    record Target(Subscriber subscriber, Paper paper, boolean more) {
    }

    private final LinkTokens tokens;
    private final EntityManager entityManager;

    Feedbacks(LinkTokens tokens, EntityManager entityManager) {
        this.tokens = tokens;
        this.entityManager = entityManager;
    }

    /** The subscriber, paper and choice of a genuine token; empty for a forged or altered one, or a paper now gone. */
    @Transactional
    Optional<Target> open(String token) {
        return tokens.open(LinkTokens.Purpose.FEEDBACK, token).flatMap(FeedbackSubject::parse).flatMap(subject ->
                Subscriber.byTokenKey(subject.subscriberKey()).flatMap(subscriber ->
                        Paper.<Paper>findByIdOptional(subject.paperId())
                                .map(paper -> new Target(subscriber, paper, subject.more()))));
    }

    /** One row per subscriber and paper: the same choice again changes nothing, the other choice replaces it. */
    @Transactional
    void record(long subscriberId, long paperId, boolean more) {
        entityManager.createNativeQuery("""
                        insert into paper_feedback (subscriber_id, paper_id, more) values (?1, ?2, ?3)
                        on conflict (subscriber_id, paper_id) do update set more = excluded.more,
                            created_at = case when paper_feedback.more = excluded.more
                                              then paper_feedback.created_at else now() end""")
                .setParameter(1, subscriberId).setParameter(2, paperId).setParameter(3, more).executeUpdate();
    }

    /** Forgets one choice; its effect on ranking goes with it, from the next digest on. */
    @Transactional
    boolean undo(long subscriberId, long paperId) {
        return entityManager.createNativeQuery("delete from paper_feedback where subscriber_id = ?1 and paper_id = ?2")
                .setParameter(1, subscriberId).setParameter(2, paperId).executeUpdate() > 0;
    }

    /** The subscriber's choices, newest first. */
    @Transactional
    public List<Entry> of(long subscriberId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select f.paper_id, p.title, f.more, f.created_at from paper_feedback f
                        join paper p on p.id = f.paper_id where f.subscriber_id = ?1
                        order by f.created_at desc, f.paper_id""")
                .setParameter(1, subscriberId).getResultList();
        return rows.stream().map(row -> new Entry(((Number) row[0]).longValue(), (String) row[1],
                (Boolean) row[2], instant(row[3]))).toList();
    }

    /** A timestamptz as the driver hands it (the type depends on the Hibernate and driver versions). */
    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime at) {
            return at.toInstant();
        }
        return value instanceof java.sql.Timestamp at ? at.toInstant() : (Instant) value;
    }
}
