package dev.paperboy.digest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The triggers take a digest out of the queue by probing the queue's key, whatever plan the session would make: a
 * connection that first planned them over a small queue used to scan the whole queue for every later group of outcomes.
 * Here the session is told to scan (no index scans), its cached plans are dropped, and the queue is still only probed.
 */
@QuarkusTest
class QueueProbeTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSentOrDeletedDigestLeavesTheQueueByItsKey() throws SQLException {
        Rows rows = new Rows(dataSource);
        long person = rows.subscribe("queue.probe@example.org", "narwhal tusks", "");
        try (Connection connection = dataSource.getConnection()) {
            try (Statement discard = connection.createStatement()) {
                discard.execute("discard plans");
            }
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("set local enable_indexscan = off");
                sql.execute("set local enable_bitmapscan = off");
                sql.execute("insert into digest (token_key, subscriber_id, period, zone, state, papers_since,"
                        + " papers_until, decided_as_of, lease_until) select 'probe-' || p, " + person + ", p, 'UTC',"
                        + " 'sending', now() - interval '1 day', now(), now(), now() + interval '1 day'"
                        + " from (values ('2001-02-01'), ('2001-02-02')) as v(p)");
                assertEquals(2, count(sql, "select count(*) from digest_queue where subscriber_id = " + person));
                long scansBefore = count(sql, "select seq_scan from pg_stat_xact_user_tables where relname = 'digest_queue'");
                sql.execute("update digest set state = 'sent', sent_at = now() where token_key = 'probe-2001-02-01'");
                sql.execute("delete from digest where token_key = 'probe-2001-02-02'");
                long scansAfter = count(sql, "select seq_scan from pg_stat_xact_user_tables where relname = 'digest_queue'");
                long probes = count(sql, "select idx_scan from pg_stat_xact_user_tables where relname = 'digest_queue'");
                assertEquals(scansBefore, scansAfter, "the queue was never scanned");
                assertTrue(probes > 0, "the queue was probed by its key");
                assertEquals(0, count(sql, "select count(*) from digest_queue where subscriber_id = " + person),
                        "both digests left the queue");
            } finally {
                connection.rollback();
            }
        } finally {
            rows.update("delete from subscriber where id = ?", person);
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
