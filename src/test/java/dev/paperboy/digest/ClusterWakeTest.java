package dev.paperboy.digest;

import dev.paperboy.AdminApi;
import dev.paperboy.ScriptedRelay;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node of a cluster sends for runs it did not plan, and leaves shards to the others when it plans all it may: what
 * lets a second node share a run (bench/two-nodes.sh shows it with two real nodes).
 */
@QuarkusTest
@TestProfile(ClusterWakeProfile.class)
class ClusterWakeTest {

    ScriptedRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DigestPlanner planner;

    @Inject
    RunRecords runs;

    @Inject
    Node node;

    @Test
    void digestsDecidedWithoutAskingThisNodesDeliveryLoopAreSentAndTheirRunFinishes() {
        Rows rows = new Rows(dataSource);
        List<String> readers = ShardedRunTest.readers("woken", 4, "axolotl regeneration");
        AdminApi.importPapers("""
                [{"id": "woken-1", "title": "Axolotl regeneration of whole limbs",
                  "abstract": "How axolotl regeneration rebuilds a limb."}]""");
        List<Long> ids = readers.stream()
                .map(reader -> rows.number("select id from subscriber where email = ?", reader)).toList();

        // decided as a shard on another node would: nothing here asks this node's delivery loop for a pass
        Instant now = Instant.now();
        long run = runs.startTick(now, node.name());
        Instant until = planner.paperWindowEnd();
        runs.windowEnds(run, until);
        DigestPlanner.Planned planned = planner.decide(planner.plan(run, now, true, until), ids, () -> false, b -> { });
        runs.planned(run, planned.undecided(), planned.firstError());
        assertEquals(readers.size(), planned.queued());

        for (String reader : readers) {
            assertEquals(1, relay.awaitMessagesTo(reader, 1).size(), reader);
        }
        JsonPath done = AdminApi.assertFinished(run);
        assertEquals(readers.size(), done.getLong("sent"), done.prettify());
        for (String reader : readers) {
            assertEquals(List.of("sent"), rows.digestStates(reader), reader);
            assertEquals(1, relay.messagesTo(reader).size(), reader);
        }
    }

    @Test
    void aNodeThatMayPlanOneShardAtATimeStillServesEveryShardOfARunOnce() {
        Rows rows = new Rows(dataSource);
        List<String> readers = ShardedRunTest.readers("capped", 4 * ClusterWakeProfile.SHARD_SIZE, "tardigrade tuns");
        AdminApi.importPapers("""
                [{"id": "capped-1", "title": "Tardigrade tuns survive the vacuum",
                  "abstract": "Tardigrade tuns, dried, outlast space."}]""");

        long run = AdminApi.requestRun(true, Instant.now());
        JsonPath done = AdminApi.assertFinished(run);
        assertEquals(done.getLong("shards"), done.getLong("shardsPlanned"), done.prettify());
        for (String reader : readers) {
            assertEquals(1, relay.awaitMessagesTo(reader, 1).size(), reader);
            assertEquals(List.of("sent"), rows.digestStates(reader), reader);
        }
        assertTrue(done.getLong("shards") >= 4, "the run was split: " + done.prettify());
    }
}
