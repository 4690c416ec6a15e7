package dev.paperboy.digest;

import dev.paperboy.AdminApi;
import dev.paperboy.ScriptedRelay;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run never hides a failure of deciding, and never stays "running" once nobody is carrying it out. */
@QuarkusTest
@TestProfile(ScriptedRelayProfile.class)
class RunOutcomeTest {

    ScriptedRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DigestRunner runner;

    @Inject
    Scheduler quartz;

    @Test
    void aSubscriberWhoseDigestCannotBeDecidedFailsTheRunAndTheOthersAreServed() {
        Rows rows = new Rows(dataSource);
        String fine = "outcome.fine@example.org";
        String broken = "outcome.broken@example.org";
        rows.subscribe(fine, "axolotl limb regrowth", "");
        long brokenId = rows.subscribe(broken, "axolotl limb regrowth", "");
        AdminApi.importPapers("""
                [{"id": "outcome-1", "title": "Axolotl limb regrowth needs nerves",
                  "abstract": "Axolotl limb regrowth fails without nerves."}]""");
        // a row no period can be named for: a zone this JDK does not know (say, dropped by a tzdata update)
        rows.update("update subscriber set timezone = 'Mars/Olympus_Mons' where id = ?", brokenId);
        try {
            JsonPath run = AdminApi.waitForRun(AdminApi.requestRun(true, Instant.now()));
            assertEquals("failed", run.getString("state"), run.prettify());
            assertEquals(1, run.getLong("undecided"), run.prettify());
            assertTrue(run.getString("error").contains("subscriber " + brokenId), run.prettify());
            assertTrue(ScriptedRelay.text(relay.awaitMessagesTo(fine, 1).get(0)).contains("Axolotl limb regrowth needs nerves"),
                    "one subscriber's failure does not keep the others from their digest");
            assertEquals(List.of(), rows.digestStates(broken));

            long before = rows.number("select count(*) from digest_run");
            runner.tick(Instant.now());
            long tickRun = rows.number("select max(id) from digest_run");
            assertTrue(tickRun > before, "the clock's pass keeps a run that could not decide someone, to show it");
            assertEquals("failed", rows.string("select state from digest_run where id = ?", tickRun));
            assertEquals("1", rows.string("select undecided from digest_run where id = ?", tickRun));
        } finally {
            rows.update("update subscriber set state = 'unsubscribed' where id = ?", brokenId);
        }
    }

    @Test
    void aRunWhoseNodeLeftWhileDecidingIsClosedAndOneOfALiveNodeIsNot() throws Exception {
        Rows rows = new Rows(dataSource);
        String liveNode = "outcome-live-" + UUID.randomUUID();
        String sched = quartz.getSchedulerName();
        // another node of the cluster, alive: it checked in with Quartz a moment ago (and will for the next hour)
        rows.update("insert into qrtz_scheduler_state (sched_name, instance_name, last_checkin_time, checkin_interval)"
                + " values (?, ?, ?, 15000)", sched, liveNode, Instant.now().plus(Duration.ofHours(1)).toEpochMilli());
        try {
            long gone = run("outcome-gone-" + UUID.randomUUID() + "/" + UUID.randomUUID(), rows);
            long earlierBoot = run(quartz.getSchedulerInstanceId() + "/" + UUID.randomUUID(), rows);
            long live = run(liveNode + "/" + UUID.randomUUID(), rows);

            runner.tick(Instant.now());

            JsonPath goneReport = report(gone);
            assertEquals("failed", goneReport.getString("state"), goneReport.prettify());
            assertTrue(goneReport.getString("error").contains("stopped while deciding"), goneReport.prettify());
            assertEquals("failed", report(earlierBoot).getString("state"),
                    "this node's own id from before a restart is a node that is gone");
            assertEquals("running", report(live).getString("state"), "a live node may still be deciding");
        } finally {
            rows.update("delete from qrtz_scheduler_state where sched_name = ? and instance_name = ?", sched, liveNode);
            rows.update("update digest_run set state = 'failed', finished_at = now() where node like ?", liveNode + "/%");
        }
    }

    /** A run as a node leaves it when it dies mid-plan: running, never planned. */
    private static long run(String node, Rows rows) {
        return rows.number("""
                insert into digest_run (state, forced, run_at, started_at, node)
                values ('running', false, now(), now() - interval '10 minutes', ?) returning id""", node);
    }

    private static JsonPath report(long runId) {
        return AdminApi.admin().get("/api/admin/runs/" + runId).then().statusCode(200).extract().jsonPath();
    }
}
