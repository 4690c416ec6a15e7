package dev.paperboy.system;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Java lists reach PostgreSQL's unnest as they were: numbers, nulls, awkward text, instants, mixed classes. */
@QuarkusTest
class SqlArrayTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyKindOfListComesBackFromUnnestUnchanged() throws Exception {
        assertEquals(List.of("1", "-9223372036854775808", "null", "42"),
                roundTrip("bigint", Arrays.asList(1L, Long.MIN_VALUE, null, 42L)));
        assertEquals(List.of("7", "null", "-3"), roundTrip("int", Arrays.asList(7, null, -3)));
        assertEquals(List.of("0.25", "-1.5"), roundTrip("real", List.of(0.25f, -1.5f)));
        assertEquals(List.of("true", "null", "false"), roundTrip("boolean", Arrays.asList(true, null, false)));
        List<String> awkward = Arrays.asList("a \"quoted\" word", "back\\slash", "{braces}, commas", "NULL", "", null,
                "  spaced  ", "ünïcödé");
        List<String> expected = new ArrayList<>(awkward);
        expected.set(5, "null");
        assertEquals(expected, roundTrip("text", awkward));
        assertEquals(List.of("1774747800.123456"), roundTrip("timestamptz", List.of(Instant.parse(
                "2026-03-29T01:30:00.123456Z")), "extract(epoch from v)"));
        // mixed classes for one bigint column still work, as before
        assertEquals(List.of("5", "6"), roundTrip("bigint", List.<Object>of(5, 6L)));
        assertEquals(List.of(), roundTrip("bigint", List.of()));
        assertEquals(List.of("null", "null"), roundTrip("text", Arrays.asList(null, null)));
    }

    private List<String> roundTrip(String type, List<?> values) throws Exception {
        return roundTrip(type, values, "v");
    }

    private List<String> roundTrip(String type, List<?> values, String expression) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select (" + expression + ")::text"
                     + " from unnest(?::" + type + "[]) with ordinality as u(v, n) order by n")) {
            query.setArray(1, Sql.array(connection, type, values));
            List<String> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(String.valueOf(result.getString(1)));
                }
            }
            return rows;
        }
    }
}
