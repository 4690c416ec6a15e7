package dev.paperboy.digest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.system.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Planning's reads of a batch's digest history probe each subscriber's digests by key, whatever the planner believes
 * about the tables: with no statistics on digest (a fresh install's first run) the joins and the {@code exists} they
 * were written as were hashed over a scan of every digest, for every batch. Here the planner is told to avoid what it
 * needs for those probes, and each statement still reads the digests of one subscriber at a time.
 */
@QuarkusTest
class HistoryPlanTest {

    private static final List<String> SETTINGS =
            List.of("enable_nestloop", "enable_indexscan", "enable_bitmapscan", "enable_indexscan, enable_bitmapscan");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBatchsPastIsReadSubscriberBySubscriber() throws Exception {
        assertProbes(HistoryStatements.PAST, this::bindPeriods);
    }

    @Test
    void aForcedRunReopensTheEmptyPeriodsByTheirKeys() throws Exception {
        assertProbes(HistoryStatements.REOPEN_EMPTY, this::bindPeriods);
    }

    @Test
    void thePapersABatchAlreadyHadAreReadSubscriberBySubscriber() throws Exception {
        assertProbes(HistoryStatements.TAKEN, (connection, explain) -> {
            explain.setArray(1, Sql.array(connection, "bigint", List.of(1L, 2L, 3L)));
            explain.setString(2, Instant.now().toString());
        });
    }

    @Test
    void aBatchsUnsentDigestsAreFoundFromTheQueueByKey() throws Exception {
        assertProbes(HistoryStatements.UNSENT, Map.of("digest_queue", List.of("subscriber_id = ANY"),
                "digest", List.of("id = q.digest_id")), (connection, explain) ->
                explain.setArray(1, Sql.array(connection, "bigint", List.of(1L, 2L, 3L))));
    }

    /** Every scan of digest is tied to one subscriber (or to the ids just found), every list's to one digest. */
    private void assertProbes(String sql, Plans.Binder binder) throws Exception {
        assertProbes(sql, Map.of("digest", List.of("k.id", "subscriber_id = $", "(id = ANY"), "digest_paper_list",
                List.of("d.id")), binder);
    }

    /** Every scan of each table named is tied as given: by a key, never a walk of the table. */
    private void assertProbes(String sql, Map<String, List<String>> tiedBy, Plans.Binder binder) throws Exception {
        for (String setting : SETTINGS) {
            List<JsonNode> nodes = Plans.nodes(Plans.without(dataSource, setting, sql, binder));
            List<JsonNode> scans = nodes.stream()
                    .filter(n -> tiedBy.containsKey(n.path("Relation Name").asText())
                            && !"ModifyTable".equals(n.path("Node Type").asText()))
                    .toList();
            assertFalse(scans.isEmpty(), "the statement reads digest");
            for (JsonNode scan : scans) {
                String condition = scan.path("Index Cond").asText() + scan.path("Recheck Cond").asText()
                        + scan.path("Filter").asText();
                assertTrue(tiedBy.get(scan.path("Relation Name").asText()).stream().anyMatch(condition::contains),
                        "with " + setting + " off, each scan is a probe, not " + scan);
            }
        }
    }

    private void bindPeriods(Connection connection, PreparedStatement explain) throws java.sql.SQLException {
        explain.setArray(1, Sql.array(connection, "bigint", List.of(1L, 2L, 3L)));
        explain.setArray(2, Sql.array(connection, "text", List.of("2026-11-30", "2026-11-30", "2026-W49")));
        explain.setArray(3, Sql.array(connection, "text", List.of("UTC", "Europe/Paris", "UTC")));
    }
}
