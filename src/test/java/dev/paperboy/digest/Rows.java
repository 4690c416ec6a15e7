package dev.paperboy.digest;

import dev.paperboy.AdminApi;
import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One test's own subscribers and their digest rows, read and set straight in the database. */
final class Rows {

    /** Import choices: the digest at 08:00 UTC. */
    static final String AT_EIGHT_UTC = ", \"hour\": 8, \"timezone\": \"UTC\"";

    private final AgroalDataSource dataSource;

    Rows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Imports an active subscriber (as an operator would); returns their id. */
    long subscribe(String email, String interest, String extraJson) {
        AdminApi.admin().contentType(ContentType.JSON)
                .body("[{\"email\": \"" + email + "\", \"interests\": [\"" + interest + "\"]" + extraJson + "}]")
                .post("/api/admin/subscribers").then().statusCode(200);
        return number("select id from subscriber where email = ?", email);
    }

    /** Imports these active subscribers in one call, all with one interest and the same choices. */
    void subscribeAll(List<String> emails, String interest, String extraJson) {
        String people = String.join(",", emails.stream()
                .map(email -> "{\"email\": \"" + email + "\", \"interests\": [\"" + interest + "\"]" + extraJson + "}")
                .toList());
        AdminApi.admin().contentType(ContentType.JSON).body("[" + people + "]")
                .post("/api/admin/subscribers").then().statusCode(200);
    }

    /** The states of this subscriber's digests, oldest first. */
    List<String> digestStates(String email) {
        return strings("select d.state from digest d join subscriber s on s.id = d.subscriber_id where s.email = ?"
                + " order by d.id", email);
    }

    /** The titles of the papers in this subscriber's digests of these states, in digest order. */
    List<String> paperTitles(String email, String state) {
        return strings("""
                select p.title from digest_paper dp join digest d on d.id = dp.digest_id
                join paper p on p.id = dp.paper_id join subscriber s on s.id = d.subscriber_id
                where s.email = ? and d.state = ? order by d.id, dp.position""", email, state);
    }

    /** The test moves the retry wait on: this subscriber's digests waiting for the relay are due now. */
    void retryNow(String email) {
        update("update digest set next_attempt_at = now() where state in ('queued', 'retrying')"
                + " and subscriber_id = (select id from subscriber where email = ?)", email);
    }

    /** Why this subscriber's newest digest did not go out, or "" when nothing went wrong. */
    String lastError(String email) {
        return string("select coalesce(d.last_error, '') from digest d join subscriber s on s.id = d.subscriber_id"
                + " where s.email = ? order by d.id desc limit 1", email);
    }

    String string(String sql, Object... args) {
        List<String> values = strings(sql, args);
        if (values.size() != 1) {
            throw new AssertionError("expected one row, got " + values + " for " + sql);
        }
        return values.get(0);
    }

    long number(String sql, Object... args) {
        return Long.parseLong(string(sql, args));
    }

    List<String> strings(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            bind(q, args);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement u = c.prepareStatement(sql)) {
            bind(u, args);
            return u.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
    }
}
