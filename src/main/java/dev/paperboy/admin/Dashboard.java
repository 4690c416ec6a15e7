package dev.paperboy.admin;

import dev.paperboy.digest.RunReport;
import dev.paperboy.paper.source.SourceView;
import dev.paperboy.paper.source.Sources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the operator's dashboard shows, each part from one named query that reads only what exists: any state a row
 * is in is counted (a state added later shows up as it is), and each part is a record of its own, so adding a figure
 * is one query and one column.
 */
@ApplicationScoped
class Dashboard {

    static final int DAYS = 7;
    static final int RUNS = 10;
    static final int FAILURES = 20;

    private static final String PAPERS_BY_SOURCE = """
            select source, count(*), to_char(max(ingested_at) at time zone 'UTC', 'YYYY-MM-DD HH24:MI')
            from paper group by source order by count(*) desc, source""";
    private static final String PAPERS_BY_SOURCE_AND_DAY = """
            select source, to_char(ingested_at at time zone 'UTC', 'YYYY-MM-DD'), count(*)
            from paper where ingested_at >= ?1 group by 1, 2""";
    private static final String FAILED_DIGESTS = """
            select d.id, d.run_id, s.id, s.email, d.period, d.state, d.attempts, d.last_error,
                   to_char(d.next_attempt_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS')
            from digest d join subscriber s on s.id = d.subscriber_id
            where d.state in ('failed', 'retrying') and d.last_error is not null
            order by d.id desc limit ?1""";

    private final EntityManager entityManager;
    private final AdminStats stats;
    private final Sources sources;

    Dashboard(EntityManager entityManager, AdminStats stats, Sources sources) {
        this.entityManager = entityManager;
        this.stats = stats;
        this.sources = sources;
    }

    /** Everything the dashboard shows, read now. */
    @Transactional
    Overview overview() {
        @SuppressWarnings("unchecked")
        Map<String, Long> subscribers = (Map<String, Long>) stats.counts().get("subscribers");
        return new Overview(subscribers, papers(LocalDate.now(ZoneOffset.UTC)), sources.list(), runs(), failures());
    }

    List<RunReport> runs() {
        return RunReport.recent(RUNS);
    }

    /** Papers per source: all time, and per UTC day for the last {@link #DAYS} days, newest day first. */
    PaperCounts papers(LocalDate today) {
        List<String> days = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            days.add(today.minusDays(i).toString());
        }
        Map<String, Map<String, Long>> perDay = new LinkedHashMap<>();
        List<Object[]> dayRows = entityManager.createNativeQuery(PAPERS_BY_SOURCE_AND_DAY)
                .setParameter(1, today.minusDays(DAYS - 1).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime())
                .getResultList();
        for (Object[] row : dayRows) {
            perDay.computeIfAbsent((String) row[0], s -> new LinkedHashMap<>()).put((String) row[1], number(row[2]));
        }
        List<SourceCount> sources = new ArrayList<>();
        List<Object[]> rows = entityManager.createNativeQuery(PAPERS_BY_SOURCE).getResultList();
        for (Object[] row : rows) {
            Map<String, Long> counts = perDay.getOrDefault((String) row[0], Map.of());
            sources.add(new SourceCount((String) row[0], number(row[1]), (String) row[2],
                    days.stream().map(day -> counts.getOrDefault(day, 0L)).toList()));
        }
        return new PaperCounts(days, sources);
    }

    /** The latest digests the relay would not take, with its answer: given up, or waiting for another try. */
    List<Failure> failures() {
        List<Object[]> rows = entityManager.createNativeQuery(FAILED_DIGESTS).setParameter(1, FAILURES).getResultList();
        return rows.stream().map(r -> new Failure(number(r[0]), r[1] == null ? null : number(r[1]), number(r[2]),
                (String) r[3], (String) r[4], (String) r[5], number(r[6]), (String) r[7], (String) r[8])).toList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** The dashboard's parts. */
    public record Overview(Map<String, Long> subscribers, PaperCounts papers, List<SourceView> sources,
                           List<RunReport> runs, List<Failure> failures) {

        /** A run still deciding or sending: the page without script reloads itself while there is one. */
        public boolean runActive() {
            return runs.stream().anyMatch(run -> "queued".equals(run.state()) || "running".equals(run.state()));
        }
    }

    /** Papers per source; {@code perDay} follows {@code days}. */
    public record PaperCounts(List<String> days, List<SourceCount> sources) {
    }

    /** One source's papers: in all, when the last came (UTC), and per day. */
    public record SourceCount(String source, long total, String lastIngested, List<Long> perDay) {
    }

    /** One digest the relay refused, and what it answered. */
    public record Failure(long digestId, Long runId, long subscriberId, String email, String period, String state,
                   long attempts, String error, String nextAttempt) {
    }
}
