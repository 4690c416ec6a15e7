package dev.paperboy.digest;

import dev.paperboy.AdminApi;
import dev.paperboy.Mailbox;
import dev.paperboy.ScriptedRelay;
import dev.paperboy.Visitor;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Digests that do not go out: a recipient the relay refuses for good (failed, and the subscriber bounced), a
 * subscriber who paused or left between deciding and sending (cancelled); no mail for them, and their papers reach
 * the next digest.
 */
@QuarkusTest
@TestProfile(ScriptedRelayProfile.class)
class FailurePathsTest {

    ScriptedRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DigestRunner runner;

    @Test
    void aRecipientRefusedForGoodFailsTheDigestAndBouncesTheSubscriber() {
        Rows rows = new Rows(dataSource);
        String email = "refused.reader@example.org";
        rows.subscribe(email, "glacier calving", Rows.AT_EIGHT_UTC);
        AdminApi.importPapers("""
                [{"id": "refused-1", "title": "Glacier calving seen from orbit", "abstract": "Glacier calving, counted."}]""");
        Instant first = Moments.nextHour(Instant.now(), ZoneOffset.UTC, 8);
        relay.refuse(email);
        runner.tick(first.plus(2, ChronoUnit.MINUTES));

        assertEquals(List.of("failed"), rows.digestStates(email), "a 5xx to the recipient is not retried");
        assertTrue(rows.lastError(email).contains("550"), rows.lastError(email));
        assertEquals(List.of(), rows.paperTitles(email, "failed"), "its papers were handed back");
        assertEquals(0, relay.messagesTo(email).size());
        assertEquals("bounced", rows.string("select state from subscriber where email = ?", email),
                "the address bounced: no more digests for it");
        assertTrue(rows.string("select bounce_reason from subscriber where email = ?", email).contains("550 5.1.1"),
                "the relay's reply is kept for the operator");

        // before, the address got a new digest the next day, refused again, and so on every day
        AdminApi.importPapers("""
                [{"id": "refused-2", "title": "Glacier calving and tides", "abstract": "Tides drive glacier calving."}]""");
        runner.tick(first.plus(1, ChronoUnit.DAYS).plus(2, ChronoUnit.MINUTES));
        assertEquals(List.of("failed"), rows.digestStates(email), "no digest is decided for a bounced subscriber");
    }

    @Test
    void aSubscriberWhoPausesBeforeTheirDigestIsSentGetsNothingUntilTheyResume() {
        Rows rows = new Rows(dataSource);
        String email = "pausing.reader@example.org";
        rows.subscribe(email, "kelp forest", Rows.AT_EIGHT_UTC);
        Instant first = Moments.nextHour(Instant.now(), ZoneOffset.UTC, 8);
        MimeMessage welcome = firstDigest(rows, email, "kelp-0", "Kelp forest canopies", first);

        undelivered(rows, email, "kelp-1", "Kelp forest urchin barrens", first.plus(1, ChronoUnit.DAYS));
        String preferences = new Mailbox.Mail(welcome).linkPath("/preferences/");
        Map<String, String> choices = new HashMap<>(Map.of("interests", "kelp forest", "cadence", "daily", "hour", "8",
                "timezone", "UTC", "paused", "on"));
        new Visitor().submit(preferences, preferences, choices).then().statusCode(200);
        deliverNow(rows, email, first.plus(1, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS));
        assertEquals(List.of("sent", "cancelled"), rows.digestStates(email), "not sent to a paused subscriber");
        assertTrue(rows.lastError(email).contains("paused"), rows.lastError(email));
        assertEquals(1, relay.messagesTo(email).size());

        choices.remove("paused");
        new Visitor().submit(preferences, preferences, choices).then().statusCode(200);
        runner.tick(first.plus(2, ChronoUnit.DAYS).plus(2, ChronoUnit.MINUTES));
        String text = ScriptedRelay.text(relay.awaitMessagesTo(email, 2).get(1));
        assertTrue(text.contains("Kelp forest urchin barrens"), "the cancelled digest's paper: " + text);
        assertFalse(text.contains("Kelp forest canopies"), "a paper never arrives twice");
        assertEquals(List.of("sent", "cancelled", "sent"), rows.digestStates(email));
    }

    @Test
    void aSubscriberWhoLeavesBeforeTheirDigestIsSentGetsNothingMore() {
        Rows rows = new Rows(dataSource);
        String email = "leaving.reader@example.org";
        rows.subscribe(email, "seagrass meadow", Rows.AT_EIGHT_UTC);
        Instant first = Moments.nextHour(Instant.now(), ZoneOffset.UTC, 8);
        MimeMessage welcome = firstDigest(rows, email, "seagrass-0", "Seagrass meadow carbon", first);

        undelivered(rows, email, "seagrass-1", "Seagrass meadow grazing", first.plus(1, ChronoUnit.DAYS));
        String unsubscribe = new Mailbox.Mail(welcome).header("List-Unsubscribe")
                .replaceAll("<http://[^/]+(/unsubscribe/[^>]+)>", "$1");
        RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").post(unsubscribe).then().statusCode(200);
        deliverNow(rows, email, first.plus(1, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS));
        assertEquals(List.of("sent", "cancelled"), rows.digestStates(email), "not sent to someone who left");

        runner.tick(first.plus(2, ChronoUnit.DAYS).plus(2, ChronoUnit.MINUTES));
        assertEquals(List.of("sent", "cancelled"), rows.digestStates(email), "nothing more is decided for them");
        assertEquals(1, relay.messagesTo(email).size());
    }

    /** A first digest with one paper, sent at the first delivery hour: the mail with the person's links. */
    private MimeMessage firstDigest(Rows rows, String email, String id, String title, Instant hour) {
        AdminApi.importPapers("[{\"id\": \"" + id + "\", \"title\": \"" + title + "\", \"abstract\": \"" + title + ".\"}]");
        runner.tick(hour.plus(2, ChronoUnit.MINUTES));
        assertEquals(List.of("sent"), rows.digestStates(email));
        return relay.awaitMessagesTo(email, 1).get(0);
    }

    /** The next day's digest, decided while the relay is down: it waits for a retry. */
    private void undelivered(Rows rows, String email, String id, String title, Instant hour) {
        AdminApi.importPapers("[{\"id\": \"" + id + "\", \"title\": \"" + title + "\", \"abstract\": \"" + title + ".\"}]");
        relay.whileDown(() -> runner.tick(hour.plus(2, ChronoUnit.MINUTES)));
        assertEquals("retrying", rows.digestStates(email).get(rows.digestStates(email).size() - 1));
    }

    /** The relay is back and the retry wait is over (the test moves it on): the pass at {@code at} sends. */
    private void deliverNow(Rows rows, String email, Instant at) {
        rows.retryNow(email);
        runner.tick(at);
    }
}
