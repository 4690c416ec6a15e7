package dev.paperboy.digest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run's report counts its digests by state from counts kept as the digests are written: whoever writes them, in
 * whatever statements, from several sessions at once, its figures are those of counting the digests themselves (and of
 * those deleted since: a run's figures stay when its subscribers delete themselves).
 */
@QuarkusTest
class RunCountsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theReportCountsWhatTheDigestsSayAfterEveryKindOfWrite() throws SQLException {
        Rows rows = new Rows(dataSource);
        long first = run(rows);
        long second = run(rows);
        List<Long> people = List.of(rows.subscribe("counts.a@example.org", "narwhal tusks", ""),
                rows.subscribe("counts.b@example.org", "narwhal tusks", ""),
                rows.subscribe("counts.c@example.org", "narwhal tusks", ""));
        try {
            // one statement writes digests of both runs; queued ones are leased far ahead so no sender takes them
            int period = 0;
            StringBuilder values = new StringBuilder();
            String[] states = {"queued", "queued", "queued", "queued", "sending", "retrying", "empty", "sent"};
            for (long person : people) {
                for (String state : states) {
                    long run = period % 3 == 2 ? second : first;
                    values.append(values.isEmpty() ? "" : ",").append("('counts-").append(person).append('-')
                            .append(period).append("', ").append(person).append(", '2001-01-").append(10 + period % 20)
                            .append("', 'UTC', ").append(run).append(", '").append(state).append("')");
                    period++;
                }
            }
            rows.update("insert into digest (token_key, subscriber_id, period, zone, run_id, state, papers_since,"
                    + " papers_until, decided_as_of, lease_until, next_attempt_at) select t, s, p, z, r, st,"
                    + " now() - interval '1 day', now(), now(), now() + interval '1 day', now() + interval '1 day'"
                    + " from (values " + values + ") as v(t, s, p, z, r, st)");
            assertCounted(rows, first, second);

            // claims, outcomes of several kinds in one statement, a lease renewed, a digest moved to the other run
            rows.update("update digest set state = 'sending' where token_key like 'counts-%' and state = 'queued'"
                    + " and period < '2001-01-14'");
            assertCounted(rows, first, second);
            rows.update("update digest set state = case when period < '2001-01-12' then 'sent'"
                    + " when period < '2001-01-13' then 'retrying' else 'failed' end"
                    + " where token_key like 'counts-%' and state = 'sending'");
            assertCounted(rows, first, second);
            rows.update("update digest set lease_until = now() + interval '2 days' where token_key like 'counts-%'");
            assertCounted(rows, first, second);
            rows.update("update digest set run_id = ?, state = 'cancelled' where token_key like 'counts-%'"
                    + " and state = 'retrying' and run_id = ?", second, first);
            assertCounted(rows, first, second);

            // two sessions write the same run at once: neither waits for the other
            try (Connection one = dataSource.getConnection(); Connection two = dataSource.getConnection()) {
                one.setAutoCommit(false);
                two.setAutoCommit(false);
                try (Statement a = one.createStatement(); Statement b = two.createStatement()) {
                    b.execute("set local lock_timeout = '2s'");
                    a.executeUpdate("update digest set state = 'sent' where token_key like 'counts-%'"
                            + " and state = 'queued' and subscriber_id = " + people.get(1));
                    b.executeUpdate("update digest set state = 'sent' where token_key like 'counts-%'"
                            + " and state = 'queued' and subscriber_id = " + people.get(2));
                }
                two.commit();
                one.commit();
            }
            assertCounted(rows, first, second);

            // a subscriber deleted takes their digests along, but not the runs' figures: a digest that had its outcome
            // stays counted as it was, one still waiting for its send counts as cancelled
            List<String> gone = rows.strings("select run_id || ' ' || case when state in ('queued', 'sending', 'retrying')"
                    + " then 'cancelled' else state end from digest where subscriber_id = ?", people.get(2));
            assertTrue(gone.stream().anyMatch(g -> g.endsWith("cancelled")) && gone.stream().anyMatch(g -> g.endsWith("sent")),
                    "both kinds are deleted: " + gone);
            rows.update("delete from digest_paper_list where digest_id in (select id from digest where subscriber_id = ?)",
                    people.get(2));
            rows.update("delete from subscriber where id = ?", people.get(2));
            assertCounted(rows, gone, first, second);
        } finally {
            rows.update("delete from digest where token_key like 'counts-%'");
            rows.update("delete from digest_run where id in (?, ?)", first, second);
        }
        assertEquals(0, rows.number("select count(*) from digest_run_count where run_id in (?, ?)", first, second),
                "a run's counts go with it");
    }

    private static long run(Rows rows) {
        return rows.number("insert into digest_run (state, forced, run_at, started_at, finished_at)"
                + " values ('finished', true, now(), now(), now()) returning id");
    }

    private static void assertCounted(Rows rows, long... runs) {
        assertCounted(rows, List.of(), runs);
    }

    /** As {@link #assertCounted(Rows, long...)}, with digests deleted since, each "run state" as it still counts. */
    private static void assertCounted(Rows rows, List<String> deleted, long... runs) {
        for (long run : runs) {
            Map<String, Long> counted = new TreeMap<>();
            for (String row : rows.strings("select state || '=' || count(*) from digest where run_id = ?"
                    + " group by state", run)) {
                counted.put(row.substring(0, row.indexOf('=')), Long.parseLong(row.substring(row.indexOf('=') + 1)));
            }
            for (String gone : deleted) {
                if (gone.startsWith(run + " ")) {
                    counted.merge(gone.substring(gone.indexOf(' ') + 1), 1L, Long::sum);
                }
            }
            RunReport report = RunReport.of(run).orElseThrow();
            Map<String, Long> reported = new TreeMap<>();
            Map.of("queued", report.queued(), "sending", report.sending(), "retrying", report.retrying(),
                    "sent", report.sent(), "empty", report.skippedEmpty(), "failed", report.failed(),
                    "cancelled", report.cancelled()).forEach((state, n) -> {
                        if (n != 0) {
                            reported.put(state, n);
                        }
                    });
            assertEquals(counted, reported, "run " + run);
            assertEquals(counted.values().stream().mapToLong(Long::longValue).sum(), report.due(), "run " + run);
        }
    }
}
