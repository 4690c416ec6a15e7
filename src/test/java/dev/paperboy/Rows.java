package dev.paperboy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A test's own rows, read straight from the test database: a subscriber's state and digests, found by the test's
 * unique address. Plain JDBC, so the packaged-jar tests (*IT) read them too.
 */
public final class Rows {

    private static final String URL = "test-rows.jdbc-url";
    private static final String USER = "test-rows.jdbc-user";
    private static final String PASSWORD = "test-rows.jdbc-password";

    private Rows() {
    }

    /** One digest of a subscriber: its period, state, the run that decided it, and how many papers it holds. */
    public record DigestRow(String period, String state, long runId, int papers) {
    }

    /** Called by {@link TestServers} for the database of the app now running. */
    static void use(String jdbcUrl, String user, String password) {
        System.setProperty(URL, jdbcUrl);
        System.setProperty(USER, user);
        System.setProperty(PASSWORD, password);
    }

    /** The subscriber's state ("pending", "active", ...), or empty when no subscriber has this address. */
    public static Optional<String> subscriberState(String email) {
        List<List<Object>> rows = query("select state from subscriber where email_key = ?", key(email));
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0).get(0));
    }

    /** Subscribers under this address (its case-folded key): 0 or 1. */
    public static long subscribersAt(String email) {
        return count("select count(*) from subscriber where email_key = ?", key(email));
    }

    /** The subscriber's digests, oldest first. */
    public static List<DigestRow> digests(String email) {
        return query("""
                select d.period, d.state, d.run_id, (select count(*) from digest_paper p where p.digest_id = d.id)
                from digest d join subscriber s on s.id = d.subscriber_id
                where s.email_key = ? order by d.id""", key(email)).stream()
                .map(r -> new DigestRow((String) r.get(0), (String) r.get(1), ((Number) r.get(2)).longValue(),
                        ((Number) r.get(3)).intValue()))
                .toList();
    }

    /** The subscriber's digest for this period; fails the test when there is none. */
    public static DigestRow digest(String email, String period) {
        return digests(email).stream().filter(d -> d.period().equals(period)).findFirst()
                .orElseGet(() -> fail("no digest for " + email + " and " + period + "; has " + digests(email)));
    }

    /** How many times the subscriber's digests were claimed for sending, all together. */
    public static long attempts(String email) {
        return count("select coalesce(sum(d.attempts), 0) from digest d join subscriber s on s.id = d.subscriber_id"
                + " where s.email_key = ?", key(email));
    }

    /** Subscribers (any address) one of whose interests contains {@code text}. */
    public static long subscribersInterestedIn(String text) {
        return count("select count(*) from subscriber where array_to_string(interests, chr(10)) like ?",
                "%" + text + "%");
    }

    /** Papers whose title contains {@code text}. */
    public static long papersTitled(String text) {
        return count("select count(*) from paper where title like ?", "%" + text + "%");
    }

    /** Digest runs requested as of exactly this instant. */
    public static long runsAt(Instant at) {
        return count("select count(*) from digest_run where run_at = ?", Timestamp.from(at));
    }

    /** Runs one update of the test's own rows; returns how many rows it changed. */
    public static int update(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement statement = prepare(c, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** One number (a count, an id) from the first row of a query of the test's own rows. */
    public static long number(String sql, Object... parameters) {
        return count(sql, parameters);
    }

    /** One value, as text, from the first row of a query of the test's own rows. */
    public static String text(String sql, Object... parameters) {
        return String.valueOf(query(sql, parameters).get(0).get(0));
    }

    private static long count(String sql, Object... parameters) {
        return ((Number) query(sql, parameters).get(0).get(0)).longValue();
    }

    private static List<List<Object>> query(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement statement = prepare(c, sql, parameters);
             ResultSet rs = statement.executeQuery()) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static Connection connect() throws SQLException {
        String url = System.getProperty(URL);
        if (url == null) {
            throw new IllegalStateException("no test database: Rows works inside a test run by TestServers");
        }
        return DriverManager.getConnection(url, System.getProperty(USER), System.getProperty(PASSWORD));
    }

    private static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
