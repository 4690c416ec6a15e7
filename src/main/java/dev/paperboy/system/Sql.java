package dev.paperboy.system;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;

/** Helpers for set-based JDBC statements: Java collections as PostgreSQL arrays (for {@code unnest}), timestamps. */
public final class Sql {

    private Sql() {
    }

    /** The values as an array of this PostgreSQL type ("bigint", "text", "timestamptz" ...), for {@code = any(?)}. */
    public static Array array(Connection connection, String type, Collection<?> values) throws SQLException {
        Object[] elements = values.stream().map(Sql::jdbcValue).toArray();
        return connection.createArrayOf(type, elements);
    }

    /** Instants travel as ISO-8601 text, which PostgreSQL reads exactly (a Timestamp would pass through a time zone). */
    private static Object jdbcValue(Object value) {
        return value instanceof Instant instant ? instant.toString() : value;
    }

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
