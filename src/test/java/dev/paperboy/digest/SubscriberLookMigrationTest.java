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
 * V21_1's narrow table of looks: a running installation's next looks are carried over (anyone not active is never
 * due), and whoever writes a subscriber afterwards keeps it right: a new active subscriber is due now and a pending one
 * never, any change of an active subscriber's row brings their look back to now and a pause or an unsubscription to
 * never, the planner's own write of a look is kept, and a deleted subscriber's look goes with them. Migrated in a
 * schema of its own ({@link MigrationSchema}).
 */
@QuarkusTest
class SubscriberLookMigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRunningInstallationsLooksAreCarriedOverAndStayInStepWithTheirSubscribers() throws SQLException {
        try (MigrationSchema schema = new MigrationSchema(dataSource, "before_v21_1_")) {
            schema.migrate("21");
            schema.run(sql -> sql.execute("""
                    insert into subscriber (id, token_key, email, email_key, state, interests, cadence, hour, timezone,
                                            next_due_at)
                    values (1, 'k1', '1@example.org', '1@example.org', 'active', '{kelp}', 'daily', 8, 'UTC',
                            '2031-01-02 08:00+00'),
                           (2, 'k2', '2@example.org', '2@example.org', 'active', '{kelp}', 'daily', 8, 'UTC', '-infinity'),
                           (3, 'k3', '3@example.org', '3@example.org', 'paused', '{kelp}', 'daily', 8, 'UTC',
                            '2031-01-02 08:00+00')"""));

            schema.migrate("latest");
            schema.run(sql -> {
                assertEquals(List.of("1:2031-01-02 08:00", "2:-infinity", "3:infinity"), looks(sql),
                        "carried over as they were; not active: never due");

                sql.execute("""
                        insert into subscriber (id, token_key, email, email_key, state, interests, cadence, hour,
                                                timezone)
                        values (4, 'k4', '4@example.org', '4@example.org', 'active', '{kelp}', 'daily', 8, 'UTC'),
                               (5, 'k5', '5@example.org', '5@example.org', 'pending', '{kelp}', 'daily', 8, 'UTC')""");
                assertEquals(List.of("1:2031-01-02 08:00", "2:-infinity", "3:infinity", "4:-infinity",
                        "5:infinity"), looks(sql), "a new active subscriber is due now, a pending one never");

                sql.execute("update subscriber_look set next_due_at = '2031-01-03 08:00+00' where subscriber_id = 4");
                sql.execute("update subscriber set hour = 9 where id = 1");
                sql.execute("update subscriber set state = 'active' where id in (3, 5)");
                sql.execute("update subscriber set state = 'unsubscribed' where id = 2");
                assertEquals(List.of("1:-infinity", "2:infinity", "3:-infinity", "4:2031-01-03 08:00",
                        "5:-infinity"), looks(sql), "a change: look now (active) or never; the planner's look stays");

                sql.execute("delete from subscriber where id = 4");
                assertEquals(4, looks(sql).size(), "a deleted subscriber's look goes with them");
            });
        }
    }

    private static List<String> looks(Statement sql) throws SQLException {
        List<String> looks = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("""
                select subscriber_id || ':' || case when isfinite(next_due_at)
                       then to_char(next_due_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') else next_due_at::text end
                from subscriber_look order by subscriber_id""")) {
            while (rows.next()) {
                looks.add(rows.getString(1));
            }
        }
        return looks;
    }
}
