package dev.paperboy.digest;

import dev.paperboy.AdminApi;
import dev.paperboy.ScriptedRelay;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A run split into shards, each planned by its own Quartz job: everyone served once, and the run's progress shown. */
@QuarkusTest
@TestProfile(DeliveryLimitsProfile.class)
class ShardedRunTest {

    ScriptedRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void letGo() {
        relay.releaseHolds();
    }

    @Test
    void aRunOfSeveralShardsServesEverySubscriberOnceAndShowsItsProgressWhileItSends() {
        Rows rows = new Rows(dataSource);
        List<String> readers = readers("sharded", 10, "quokka burrows");
        AdminApi.importPapers("""
                [{"id": "sharded-1", "title": "Quokka burrows on Rottnest Island",
                  "abstract": "Where quokka burrows are dug, and why."}]""");
        String last = readers.get(readers.size() - 1);
        ScriptedRelay.Hold hold = relay.hold(Set.of(last), "250 2.0.0 queued");

        long run = AdminApi.requestRun(true, Instant.now());
        hold.awaitArrival(); // the last reader's mail is with the relay, not yet accepted
        JsonPath sending = report(run);
        assertEquals("running", sending.getString("state"), "not finished while a digest is being sent: " + sending.prettify());
        assertTrue(sending.getLong("shards") >= (readers.size() + DeliveryLimitsProfile.SHARD_SIZE - 1)
                / DeliveryLimitsProfile.SHARD_SIZE, sending.prettify());
        assertTrue(sending.getLong("due") >= readers.size(), "every shard decided: " + sending.prettify());
        assertTrue(sending.getLong("sending") >= 1 && sending.getLong("pending") >= 1, sending.prettify());
        assertEquals(sending.getLong("due"), sending.getLong("sent") + sending.getLong("skippedEmpty")
                + sending.getLong("pending") + sending.getLong("retrying") + sending.getLong("failed")
                + sending.getLong("cancelled"), sending.prettify());
        assertEquals(0, relay.messagesTo(last).size());

        hold.release();
        JsonPath done = AdminApi.assertFinished(run);
        assertEquals(0, done.getLong("pending"), done.prettify());
        // the counts kept as the shards' digests were written are those of the digests themselves
        assertEquals(rows.number("select count(*) from digest where run_id = ?", run), done.getLong("due"), done.prettify());
        assertEquals(rows.number("select count(*) from digest where run_id = ? and state = 'sent'", run),
                done.getLong("sent"), done.prettify());
        for (String reader : readers) {
            assertEquals(1, relay.awaitMessagesTo(reader, 1).size(), reader);
            assertEquals(List.of("sent"), rows.digestStates(reader), reader);
            assertEquals(Long.toString(run), rows.string("select d.run_id from digest d join subscriber s"
                    + " on s.id = d.subscriber_id where s.email = ?", reader));
        }
    }

    /** Subscribers imported in one request, all following one interest. */
    static List<String> readers(String name, int count, String interest) {
        List<String> readers = new ArrayList<>();
        StringBuilder people = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            readers.add(name + "." + i + "@example.org");
            people.append(i == 0 ? "" : ",").append("{\"email\": \"").append(readers.get(i))
                    .append("\", \"interests\": [\"").append(interest).append("\"]}");
        }
        AdminApi.admin().contentType(ContentType.JSON).body(people.append("]").toString())
                .post("/api/admin/subscribers").then().statusCode(200);
        return readers;
    }

    private static JsonPath report(long run) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonPath report = AdminApi.admin().get("/api/admin/runs/" + run).then().statusCode(200).extract().jsonPath();
            if (report.getLong("shards") > 0 && report.getLong("shards") == report.getLong("shardsPlanned")) {
                return report;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return fail("the shards of run " + run + " were not all planned within 60 s");
    }
}
