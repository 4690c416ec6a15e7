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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An installation's digest_paper rows from before V18 (a row per paper) move into one row per digest: every reader,
 * through the view of the same name, sees the same papers in the same order with the same values, and the keys'
 * guarantees hold for them. Migrated in a schema of its own ({@link MigrationSchema}).
 */
@QuarkusTest
class DigestPaperListMigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anOldInstallationsRowsReadTheSameAfterTheMigration() throws SQLException {
        try (MigrationSchema schema = new MigrationSchema(dataSource, "before_v18_")) {
            schema.migrate("17");
            schema.run(sql -> {
                sql.execute("""
                        insert into subscriber (id, token_key, email, email_key, state, interests, cadence, hour, timezone)
                        values (1, 'k1', 'old@example.org', 'old@example.org', 'active', '{kelp}', 'daily', 8, 'UTC'),
                               (2, 'k2', 'two@example.org', 'two@example.org', 'active', '{kelp}', 'daily', 8, 'UTC')""");
                sql.execute("""
                        insert into paper (id, title_key, title, abstract, source)
                        select i, 'kelp ' || i, 'Kelp ' || i, 'About kelp.', 'test' from generate_series(1, 5) i""");
                sql.execute("""
                        insert into digest (id, token_key, subscriber_id, period, zone, state, papers_since, papers_until,
                                            decided_as_of)
                        values (10, 't10', 1, '2026-11-01', 'UTC', 'sent', now() - interval '2 days', now() - interval '1 day', now()),
                               (11, 't11', 1, '2026-11-02', 'UTC', 'sent', now() - interval '1 day', now(), now()),
                               (12, 't12', 2, '2026-11-02', 'UTC', 'empty', now() - interval '1 day', now(), now())""");
                // written out of order, an old digest's interest null, a reason with what arrays and COPY escape
                sql.execute("""
                        insert into digest_paper (digest_id, subscriber_id, paper_id, position, score, reason, interest,
                                                  trending)
                        values (10, 1, 3, 2, 0.25, 'third', null, false),
                               (10, 1, 1, 0, 0.75, 'first "quoted" \\ {brace}, comma', 'kelp', true),
                               (10, 1, 2, 1, 0.5, E'second\\ttab\\nline', 'kelp', false),
                               (11, 1, 5, 0, 1.0, 'only', 'kelp forests', false)""");
            });
            List<String> before = rows(schema);
            assertEquals(4, before.size());

            schema.migrate("latest");
            assertEquals(before, rows(schema), "the view reads what the table held");
            schema.run(sql -> {
                assertEquals(2, number(sql, "select count(*) from digest_paper_list"), "one row per digest with papers");
                assertEquals("{1,2,3}", text(sql, "select paper_ids::text from digest_paper_list where digest_id = 10"));
                assertEquals(List.of(1L, 2L, 3L, 5L), longs(sql, "select unnest(l.paper_ids) from digest d join"
                        + " digest_paper_list l on l.digest_id = d.id where d.subscriber_id = 1 order by 1"),
                        "the planner's already-sent check reads them");
                SQLException kept = assertThrows(SQLException.class, () -> sql.execute("delete from paper where id = 2"));
                assertTrue(kept.getMessage().contains("is in a digest"), kept.getMessage());
                assertThrows(SQLException.class, () -> sql.execute("""
                        insert into digest_paper_list (digest_id, subscriber_id, paper_ids, scores, reasons, interests,
                                                       trending)
                        values (12, 1, '{4}', '{1}', '{r}', '{i}', '{f}')"""), "a list belongs to its digest's subscriber");
                sql.execute("delete from subscriber where id = 1");
                assertEquals(0, number(sql, "select count(*) from digest_paper_list"), "gone with their subscriber");
                assertEquals(5, sql.executeUpdate("delete from paper"), "and then the papers can go");
            });
        }
    }

    private static List<String> rows(MigrationSchema schema) throws SQLException {
        List<String> rows = new ArrayList<>();
        schema.run(sql -> {
            try (ResultSet result = sql.executeQuery("""
                    select digest_id, subscriber_id, paper_id, position, score, reason, interest, trending
                    from digest_paper order by digest_id, position""")) {
                while (result.next()) {
                    rows.add(result.getLong(1) + "|" + result.getLong(2) + "|" + result.getLong(3) + "|"
                            + result.getInt(4) + "|" + result.getFloat(5) + "|" + result.getString(6) + "|"
                            + result.getString(7) + "|" + result.getBoolean(8));
                }
            }
        });
        return rows;
    }

    private static long number(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String text(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }

    private static List<Long> longs(Statement sql, String query) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                values.add(result.getLong(1));
            }
        }
        return values;
    }
}
