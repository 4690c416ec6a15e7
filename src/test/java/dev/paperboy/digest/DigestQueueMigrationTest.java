package dev.paperboy.digest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * V19's queue of unsent digests: a running installation's queued, retrying and sending digests are carried into it
 * (and nothing else), and whoever writes a digest row afterwards keeps it right: a new unsent digest comes in, a
 * claim keeps it, an outcome or a cancellation takes it out, a row set back to queued by hand comes back, and a
 * deleted subscriber's digests leave it. Migrated in a schema of its own ({@link MigrationSchema}).
 */
@QuarkusTest
class DigestQueueMigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRunningInstallationsUnsentDigestsAreQueuedAndStayInStepWithTheirRows() throws SQLException {
        try (MigrationSchema schema = new MigrationSchema(dataSource, "before_v19_")) {
            schema.migrate("18");
            schema.run(sql -> {
                sql.execute("""
                        insert into subscriber (id, token_key, email, email_key, state, interests, cadence, hour, timezone)
                        select i, 'k' || i, i || '@example.org', i || '@example.org', 'active', '{kelp}', 'daily', 8,
                               'UTC' from generate_series(1, 3) i""");
                sql.execute("""
                        insert into digest (id, token_key, subscriber_id, period, zone, state, papers_since, papers_until,
                                            decided_as_of, attempts, lease_until, next_attempt_at)
                        values (10, 't10', 1, '2026-11-01', 'UTC', 'sent', now() - interval '2 days', now(), now(), 1, null, null),
                               (11, 't11', 1, '2026-11-02', 'UTC', 'queued', now() - interval '1 day', now(), now(), 0, null, null),
                               (12, 't12', 2, '2026-11-01', 'UTC', 'retrying', now() - interval '1 day', now(), now(), 1, null, now()),
                               (13, 't13', 2, '2026-11-02', 'UTC', 'sending', now() - interval '1 day', now(), now(), 1, now(), null),
                               (14, 't14', 3, '2026-11-01', 'UTC', 'failed', now() - interval '1 day', now(), now(), 5, null, null),
                               (15, 't15', 3, '2026-11-02', 'UTC', 'empty', now() - interval '1 day', now(), now(), 0, null, null),
                               (16, 't16', 3, '2026-11-03', 'UTC', 'cancelled', now() - interval '1 day', now(), now(), 0, null, null)""");
            });

            schema.migrate("latest");
            schema.run(sql -> {
                assertEquals(List.of("11:1", "12:2", "13:2"), queue(sql), "exactly the unsent digests, with their owner");

                sql.execute("update digest set state = 'sending', attempts = attempts + 1 where id = 11");
                sql.execute("update digest set state = 'retrying', next_attempt_at = now() where id = 13");
                assertEquals(List.of("11:1", "12:2", "13:2"), queue(sql), "claimed or waiting for a retry: still to send");

                sql.execute("update digest set state = 'sent', sent_at = now() where id = 11");
                sql.execute("update digest set state = case id when 12 then 'failed' else 'cancelled' end"
                        + " where id in (12, 13)");
                assertEquals(List.of(), queue(sql), "sent, failed or cancelled: out of the queue");

                sql.execute("update digest set state = 'queued' where id in (10, 14)");
                sql.execute("""
                        insert into digest (id, token_key, subscriber_id, period, zone, state, papers_since, papers_until,
                                            decided_as_of)
                        values (17, 't17', 2, '2026-11-03', 'UTC', 'queued', now(), now(), now()),
                               (18, 't18', 2, '2026-11-04', 'UTC', 'empty', now(), now(), now())""");
                assertEquals(List.of("10:1", "14:3", "17:2"), queue(sql), "set back to queued by hand, or new");

                sql.execute("delete from subscriber where id = 1");
                sql.execute("delete from digest where id = 17");
                assertEquals(List.of("14:3"), queue(sql), "a deleted digest leaves the queue");
            });
        }
    }

    private static List<String> queue(Statement sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery("select digest_id, subscriber_id from digest_queue order by 1")) {
            while (result.next()) {
                rows.add(result.getLong(1) + ":" + result.getLong(2));
            }
        }
        return rows;
    }
}
