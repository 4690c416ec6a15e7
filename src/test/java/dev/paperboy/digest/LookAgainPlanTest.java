package dev.paperboy.digest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.system.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch's next looks are written by probing each subscriber's look by key, whatever the planner believes about the
 * table: with no statistics (a fresh install's first run, a list just imported) the update joined to its arrays as a
 * table was hashed over a scan of every subscriber, for every batch. Here the planner is told to avoid what it would
 * need for that probe, and the statement still reads the looks by their ids.
 */
@QuarkusTest
class LookAgainPlanTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eachSubscriberOfABatchIsFoundByItsKeyEvenWhenThePlannerWouldRatherJoinTheTables() throws Exception {
        for (String setting : List.of("enable_nestloop", "enable_indexscan")) {
            List<JsonNode> nodes = planNodes(setting);
            List<JsonNode> scans = nodes.stream()
                    .filter(n -> "subscriber_look".equals(n.path("Relation Name").asText())
                            && !"ModifyTable".equals(n.path("Node Type").asText()))
                    .toList();
            assertFalse(scans.isEmpty(), "the update reads subscriber_look");
            for (JsonNode node : nodes) {
                assertFalse(node.path("Node Type").asText().endsWith("Join") || "Nested Loop".equals(
                        node.path("Node Type").asText()), "with " + setting + " off, nothing is joined: " + node);
            }
            for (JsonNode scan : scans) {
                // by key on a table of any size; a table of a page may be read whole, filtered by the ids
                String condition = scan.path("Index Cond").asText() + scan.path("Recheck Cond").asText()
                        + scan.path("Filter").asText();
                assertTrue(condition.contains("subscriber_id = ANY"),
                        "with " + setting + " off, subscriber_look is read by its ids, not " + scan);
            }
        }
    }

    @Test
    void eachSubscriberGetsTheInstantAtItsOwnPlaceInTheBatch() throws Exception {
        Rows rows = new Rows(dataSource);
        String tag = UUID.randomUUID().toString();
        long first = rows.subscribe("look-first-" + tag + "@example.org", "graph neural networks", Rows.AT_EIGHT_UTC);
        long second = rows.subscribe("look-second-" + tag + "@example.org", "graph neural networks", Rows.AT_EIGHT_UTC);
        Instant soon = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant later = soon.plus(1, ChronoUnit.DAYS);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(SubscriberHistory.LOOK_AGAIN)) {
            update.setArray(1, Sql.array(connection, "bigint", List.of(second, first)));
            update.setArray(2, Sql.array(connection, "timestamptz", List.of(later, soon)));
            assertEquals(2, update.executeUpdate());
            // the same instants again change nothing
            assertEquals(0, update.executeUpdate());
        }
        assertEquals(soon.toString(), nextDue(first));
        assertEquals(later.toString(), nextDue(second));
    }

    private String nextDue(long subscriber) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select next_due_at from subscriber_look where subscriber_id = ?")) {
            query.setLong(1, subscriber);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                return row.getObject(1, java.time.OffsetDateTime.class).toInstant().toString();
            }
        }
    }

    /** The plan's nodes, with one planner choice turned off. */
    private List<JsonNode> planNodes(String setting) throws Exception {
        return Plans.nodes(Plans.without(dataSource, setting, SubscriberHistory.LOOK_AGAIN, (connection, explain) -> {
            explain.setArray(1, Sql.array(connection, "bigint", List.of(1L, 2L, 3L)));
            explain.setArray(2, Sql.array(connection, "timestamptz", List.of(Instant.now(), Instant.now(), Instant.now())));
        }));
    }
}
