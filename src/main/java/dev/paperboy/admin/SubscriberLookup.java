package dev.paperboy.admin;

import dev.paperboy.subscriber.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds subscribers by address for the operator, and reads one back whole: choices, digests, refusals. */
@ApplicationScoped
class SubscriberLookup {

    static final int MAX_MATCHES = 50;
    static final int MAX_DIGESTS = 30;

    /**
     * The exact address first, then every address containing the text, alphabetically; a later page continues after
     * the last address of the one before (by the unique email_key's index, so page 200 costs what page 1 does).
     */
    private static final String SEARCH = """
            select id, email, state, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI'),
                   coalesce(array_length(interests, 1), 0), email_key
            from subscriber where email_key like ?1 escape '\\'
              and (cast(?4 as varchar) is null or (email_key > ?4 and email_key <> ?2))
            order by cast(?4 as varchar) is null and email_key = ?2 desc, email_key limit ?3""";
    private static final String COUNT = "select count(*) from subscriber where email_key like ?1 escape '\\'";
    private static final String DIGESTS = """
            select d.id, d.run_id, d.period, d.state, d.attempts, d.last_error,
                   to_char(d.created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI'),
                   to_char(d.sent_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI'),
                   (select count(*) from digest_paper p where p.digest_id = d.id)
            from digest d where d.subscriber_id = ?1 order by d.id desc limit ?2""";

    private final EntityManager entityManager;

    SubscriberLookup(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Up to {@link #MAX_MATCHES} subscribers whose address contains {@code text}, any case, after the address key
     * {@code after} (null: the first page); one more means "more".
     */
    @Transactional
    List<Match> search(String text, String after) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        List<Object[]> rows = entityManager.createNativeQuery(SEARCH)
                .setParameter(1, pattern(key)).setParameter(2, key).setParameter(3, MAX_MATCHES + 1)
                .setParameter(4, after).getResultList();
        return rows.stream().map(r -> new Match(number(r[0]), (String) r[1], (String) r[2], (String) r[3],
                number(r[4]), (String) r[5])).toList();
    }

    /** How many subscribers' addresses contain {@code text}, any case. */
    @Transactional
    long count(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        return number(entityManager.createNativeQuery(COUNT).setParameter(1, pattern(key)).getSingleResult());
    }

    private static String pattern(String key) {
        return "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** One subscriber with their latest digests, or empty when there is none by that id. */
    @Transactional
    Optional<Detail> detail(long id) {
        Subscriber subscriber = Subscriber.findById(id);
        if (subscriber == null) {
            return Optional.empty();
        }
        List<Object[]> rows = entityManager.createNativeQuery(DIGESTS)
                .setParameter(1, id).setParameter(2, MAX_DIGESTS).getResultList();
        List<DigestRow> digests = rows.stream().map(r -> new DigestRow(number(r[0]), r[1] == null ? null : number(r[1]),
                (String) r[2], (String) r[3], number(r[4]), (String) r[5], (String) r[6], (String) r[7],
                number(r[8]))).toList();
        return Optional.of(new Detail(subscriber, digests));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** One subscriber found by a search. */
    public record Match(long id, String email, String state, String created, long interests, String key) {
    }

    /** A subscriber as the operator sees them. */
    public record Detail(Subscriber subscriber, List<DigestRow> digests) {

        /** Digests the relay refused for good, with its answer: what bounced, as far as delivery knows. */
        public List<DigestRow> refusals() {
            return digests.stream().filter(d -> "failed".equals(d.state()) && d.error() != null).toList();
        }
    }

    /** One digest of a subscriber: its period, where its delivery stands, and the relay's last answer. */
    public record DigestRow(long id, Long runId, String period, String state, long attempts, String error,
                            String decided, String sent, long papers) {
    }
}
