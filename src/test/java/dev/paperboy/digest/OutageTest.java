package dev.paperboy.digest;

import dev.paperboy.AdminApi;
import dev.paperboy.ScriptedRelay;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After an outage a person gets one digest with everything not yet sent: never several old ones at once, never one
 * older than the give-up age, and no paper of a digest that did not go out is lost.
 */
@QuarkusTest
@TestProfile(ScriptedRelayProfile.class)
class OutageTest {

    ScriptedRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DigestRunner runner;

    @Test
    void aRelayDownForDaysEndsInOneDigestWithEverythingNotYetSent() {
        Rows rows = new Rows(dataSource);
        String email = "outage.reader@example.org";
        rows.subscribe(email, "mantis shrimp", Rows.AT_EIGHT_UTC);
        Instant first = Moments.nextHour(Instant.now(), ZoneOffset.UTC, 8);
        relay.down(true);
        try {
            for (int day = 0; day < 3; day++) {
                AdminApi.importPapers("[{\"id\": \"outage-" + day + "\", \"title\": \"Mantis shrimp vision, part " + day
                        + "\", \"abstract\": \"How mantis shrimp see, day " + day + ".\"}]");
                runner.tick(first.plus(day, ChronoUnit.DAYS).plus(2, ChronoUnit.MINUTES));
            }
            assertEquals(List.of("cancelled", "cancelled", "retrying"), rows.digestStates(email),
                    "each new day's digest took over the one still waiting for the relay");
        } finally {
            relay.down(false);
        }
        rows.retryNow(email);
        runner.tick(first.plus(2, ChronoUnit.DAYS).plus(3, ChronoUnit.HOURS));

        String text = ScriptedRelay.text(relay.awaitMessagesTo(email, 1).get(0));
        for (int day = 0; day < 3; day++) {
            assertTrue(text.contains("Mantis shrimp vision, part " + day), text);
        }
        assertEquals(List.of("cancelled", "cancelled", "sent"), rows.digestStates(email));
        runner.tick(first.plus(2, ChronoUnit.DAYS).plus(4, ChronoUnit.HOURS));
        assertEquals(1, relay.messagesTo(email).size(), "one digest after the outage");
    }

    @Test
    void aDigestOlderThanTheGiveUpAgeIsNotSentAndItsPapersComeInTheNextOne() {
        Rows rows = new Rows(dataSource);
        String email = "stale.reader@example.org";
        rows.subscribe(email, "hagfish slime", Rows.AT_EIGHT_UTC);
        AdminApi.importPapers("""
                [{"id": "stale-1", "title": "Hagfish slime threads", "abstract": "Hagfish slime stops gills."}]""");
        Instant first = Moments.nextHour(Instant.now(), ZoneOffset.UTC, 8);
        relay.whileDown(() -> runner.tick(first.plus(2, ChronoUnit.MINUTES)));
        assertEquals(List.of("retrying"), rows.digestStates(email));
        // every node was down for two days and more: the digest waiting for its retry is older than the give-up age
        rows.update("update digest set created_at = now() - interval '49 hours', next_attempt_at = now()"
                + " where subscriber_id = (select id from subscriber where email = ?)", email);

        runner.tick(first.plus(3, ChronoUnit.HOURS)); // the nodes are back, before the next delivery hour
        assertEquals(List.of("failed"), rows.digestStates(email), "a stale digest is given up, not sent days late");
        assertTrue(rows.lastError(email).contains("not sent within 48h"), rows.lastError(email));
        assertEquals(List.of(), rows.paperTitles(email, "failed"), "its papers were handed back");
        assertEquals(0, relay.messagesTo(email).size());

        AdminApi.importPapers("""
                [{"id": "stale-2", "title": "Hagfish slime under pressure", "abstract": "Deep hagfish slime."}]""");
        runner.tick(first.plus(1, ChronoUnit.DAYS).plus(2, ChronoUnit.MINUTES));
        String text = ScriptedRelay.text(relay.awaitMessagesTo(email, 1).get(0));
        assertTrue(text.contains("Hagfish slime threads"), "the given-up digest's paper: " + text);
        assertTrue(text.contains("Hagfish slime under pressure"), text);
        assertEquals(List.of("failed", "sent"), rows.digestStates(email));
        assertFalse(relay.messagesTo(email).size() > 1);
    }
}
