package dev.paperboy.digest;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

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
            List<JsonNode> nodes = pickNodes(setting);
            List<JsonNode> scans = nodes.stream().filter(n -> "digest".equals(n.path("Relation Name").asText())).toList();
            assertFalse(scans.isEmpty(), "the claim reads digest");
            for (JsonNode node : nodes) {
                String type = node.path("Node Type").asText();
                assertFalse(type.equals("Hash Join") || type.equals("Merge Join"),
                        "with " + setting + " off, the queue and digest are not joined as tables: " + node);
            }
            for (JsonNode scan : scans) {
                // by key on a table of any size; a table of a page or two may be read whole, but once per queued digest
                String condition = scan.path("Index Cond").asText() + scan.path("Recheck Cond").asText()
                        + scan.path("Filter").asText();
                assertTrue(condition.contains("q.digest_id"),
                        "with " + setting + " off, digest is read for each queued digest, not "
                                + scan.get("Node Type").asText() + " " + scan);
            }
        }
    }

    /** The plan's nodes in the part that picks the digests to claim, with one planner choice turned off. */
    private List<JsonNode> pickNodes(String setting) throws Exception {
        JsonNode root = Plans.without(dataSource, setting, Claims.CLAIM, (connection, explain) -> {
            explain.setLong(1, 0);
            explain.setInt(2, 50);
            explain.setLong(3, 120_000);
        });
        List<JsonNode> nodes = new ArrayList<>();
        for (JsonNode part : root.path("Plans")) {
            if ("CTE picked".equals(part.path("Subplan Name").asText())) {
                nodes.addAll(Plans.nodes(part));
            }
        }
        return nodes;
    }
}
