package dev.paperboy.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The claim walks the queue and probes each digest by its key whatever the planner believes about the tables: on a
 * fresh install's first run digest has no statistics yet, and a claim planned as a join then hashed the whole table
 * every time. Here the planner is told to avoid nested loops, which is what it chose on its own with those estimates.
 */
@QuarkusTest
class ClaimPlanTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aClaimProbesEachQueuedDigestByItsKeyEvenWhenThePlannerWouldRatherJoinTheTables() throws Exception {
        for (String setting : List.of("enable_nestloop", "enable_indexscan")) {
            List<JsonNode> scans = digestScansOfThePick(setting);
            assertFalse(scans.isEmpty(), "the claim reads digest");
            for (JsonNode scan : scans) {
                String condition = scan.path("Index Cond").asText() + scan.path("Recheck Cond").asText();
                assertTrue(condition.contains("q.digest_id"),
                        "with " + setting + " off, digest is read only by its key for each queued digest, not "
                                + scan.get("Node Type").asText() + " " + scan);
            }
        }
    }

    /** The plan's scans of digest in the part that picks the digests to claim, with one planner choice turned off. */
    private List<JsonNode> digestScansOfThePick(String setting) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement set = connection.createStatement()) {
                    set.execute("set local " + setting + " = off");
                }
                try (PreparedStatement explain = connection.prepareStatement("explain (format json) " + Claims.CLAIM)) {
                    explain.setLong(1, 0);
                    explain.setInt(2, 50);
                    explain.setLong(3, 120_000);
                    try (ResultSet plan = explain.executeQuery()) {
                        plan.next();
                        JsonNode root = new ObjectMapper().readTree(plan.getString(1)).get(0).get("Plan");
                        List<JsonNode> scans = new ArrayList<>();
                        for (JsonNode part : root.path("Plans")) {
                            if ("CTE picked".equals(part.path("Subplan Name").asText())) {
                                collect(part, scans);
                            }
                        }
                        return scans;
                    }
                }
            } finally {
                connection.rollback();
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> scans) {
        if ("digest".equals(node.path("Relation Name").asText())) {
            scans.add(node);
        }
        node.path("Plans").forEach(child -> collect(child, scans));
    }
}
