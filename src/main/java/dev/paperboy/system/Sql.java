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

    /**
     * The values as an array of this PostgreSQL type ("bigint", "text", "timestamptz" ...), for {@code = any(?)}.
     * Instants travel as ISO-8601 text, which PostgreSQL reads exactly (a Timestamp would pass through a time zone).
     */
    public static Array array(Connection connection, String type, Collection<?> values) throws SQLException {
        return connection.createArrayOf(type, typed(elements(values)));
    }

    // the loop apart from the driver's call: one method holding both was compiled by C2 three times a run, with the
    // driver's array encoding inlined each time
    private static Object[] elements(Collection<?> values) {
        Object[] elements = new Object[values.size()];
        int i = 0;
        Instant last = null;
        String lastText = null;
        for (Object value : values) {
            if (value instanceof Instant instant) {
                // a planner's batch holds the same few instants hundreds of times: each formatted once
                if (!instant.equals(last)) {
                    last = instant;
                    lastText = instant.toString();
                }
                value = lastText;
            }
            elements[i++] = value;
        }
        return elements;
    }

    /**
     * The elements in an array of their common class (Long[], Integer[], String[] ...): the driver writes the numbers
     * of such an array as they are, while it quotes and escapes every element of an Object[] as text (a planner
     * writing ten papers a digest spent a fifth of its time there).
     */
    private static Object[] typed(Object[] elements) {
        Class<?> common = null;
        for (Object element : elements) {
            if (element != null) {
                if (common != null && common != element.getClass()) {
                    return elements;
                }
                common = element.getClass();
            }
        }
        if (common == null) {
            return elements;
        }
        Object[] typed = (Object[]) java.lang.reflect.Array.newInstance(common, elements.length);
        System.arraycopy(elements, 0, typed, 0, elements.length);
        return typed;
    }

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
