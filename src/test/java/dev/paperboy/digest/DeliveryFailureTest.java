package dev.paperboy.digest;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.InjectRelay;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import dev.paperboy.RelayProxy;
import dev.paperboy.Rows;
import dev.paperboy.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A relay that is down, or a sender that dies mid-send, loses no mail and doubles none. The outage is the
 * {@link RelayProxy} cut, so GreenMail keeps the mail other tests received.
 */
@QuarkusTest
class DeliveryFailureTest {

    @InjectGreenMail
    GreenMail greenMail;

    @InjectRelay
    RelayProxy relay;

    @Test
    void aDigestWaitsWhileTheRelayIsDownAndIsSentOnceItIsBack() throws Exception {
        String email = People.address("retry.reader");
        People.subscribe(email, "tardigrade desiccation");
        AdminApi.importPapers("""
                [{"id": "retry-1", "title": "Tardigrade desiccation tolerance proteins",
                  "abstract": "How tardigrades survive desiccation."}]""");
        Instant day = Instant.now().plus(10, ChronoUnit.DAYS);

        relay.cut();
        JsonPath run;
        try {
            run = AdminApi.forceRun(day);
        } finally {
            relay.start();
        }
        assertEquals("finished", run.getString("state"), "a run ends once its digests wait for a retry");
        assertEquals("retrying", digestState(email));

        Thread.sleep(1500); // the test profile's retry backoff is 1 s
        AdminApi.forceRun(day);
        Mailbox mailbox = new Mailbox(greenMail, email);
        assertTrue(mailbox.awaitMail(1).text().contains("Tardigrade desiccation tolerance proteins"));
        assertEquals("sent", digestState(email));
        AdminApi.forceRun(day);
        assertEquals(1, mailbox.messages().size());
    }

    @Test
    void aDigestLeftSendingByACrashedNodeIsTakenOverAfterItsLease() throws Exception {
        String email = People.address("lease.reader");
        People.subscribe(email, "lichen symbiosis");
        AdminApi.importPapers("""
                [{"id": "lease-1", "title": "Lichen symbiosis in the Arctic",
                  "abstract": "Fungal and algal partners of Arctic lichen symbiosis."}]""");
        Instant day = Instant.now().plus(20, ChronoUnit.DAYS);

        relay.cut();
        try {
            AdminApi.forceRun(day);
        } finally {
            relay.start();
        }
        // as if a node had claimed the digest and died before recording the outcome
        update(email, "update digest set state = 'sending', lease_until = now() + interval '1 hour', next_attempt_at = null");
        AdminApi.forceRun(day);
        Mailbox mailbox = new Mailbox(greenMail, email);
        assertEquals(0, mailbox.messages().size(), "a digest under a live lease is not sent by another worker");
        assertEquals("sending", digestState(email), "and stays with the worker that holds it");

        update(email, "update digest set lease_until = now() - interval '1 second'");
        AdminApi.forceRun(day);
        assertTrue(mailbox.awaitMail(1).text().contains("Lichen symbiosis in the Arctic"));
        assertEquals("sent", digestState(email));
        AdminApi.forceRun(day);
        assertEquals(1, mailbox.messages().size(), "sent exactly once");
    }

    @Test
    void aConfirmationTheRelayCouldNotTakeIsSentOnceItIsBack() {
        String email = People.address("late.confirmation");
        relay.cut();
        try {
            new Visitor().submit("/", "/subscribe", Map.of("email", email, "interests", "sea otters",
                    "cadence", "daily", "hour", "8", "timezone", "UTC"))
                    .then().statusCode(200).body(containsString("Check your inbox"));
        } finally {
            relay.start();
        }
        Mailbox.Mail confirmation = new Mailbox(greenMail, email).awaitMail(1);
        assertEquals("Confirm your Paperboy subscription", confirmation.subject());
        String confirm = confirmation.linkPath("/confirm/");
        new Visitor().submit(confirm, confirm, Map.of()).then().statusCode(200).body(containsString("You are subscribed"));
    }

    private static String digestState(String email) {
        List<Rows.DigestRow> digests = Rows.digests(email);
        assertEquals(1, digests.size(), "one digest for " + email + ": " + digests);
        return digests.get(0).state();
    }

    private static void update(String email, String sql) {
        assertEquals(1, Rows.update(sql + " where subscriber_id = (select id from subscriber where email_key = ?)", email));
    }
}
