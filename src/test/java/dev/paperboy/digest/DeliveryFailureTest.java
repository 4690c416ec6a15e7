package dev.paperboy.digest;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.Visitor;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A relay that is down, or a sender that dies mid-send, loses no mail and doubles none. */
@QuarkusTest
class DeliveryFailureTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDigestWaitsWhileTheRelayIsDownAndIsSentOnceItIsBack() throws Exception {
        String email = "retry.reader@example.org";
        subscribe(email, "tardigrade desiccation");
        AdminApi.importPapers("""
                [{"id": "retry-1", "title": "Tardigrade desiccation tolerance proteins",
                  "abstract": "How tardigrades survive desiccation."}]""");
        Instant day = Instant.now().plus(10, ChronoUnit.DAYS);

        greenMail.stop();
        JsonPath run;
        try {
            run = AdminApi.forceRun(day);
        } finally {
            greenMail.start();
        }
        assertEquals("finished", run.getString("state"), "a run ends once its digests wait for a retry");
        assertTrue(run.getLong("retrying") >= 1, run.prettify());
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
        String email = "lease.reader@example.org";
        subscribe(email, "lichen symbiosis");
        AdminApi.importPapers("""
                [{"id": "lease-1", "title": "Lichen symbiosis in the Arctic",
                  "abstract": "Fungal and algal partners of Arctic lichen symbiosis."}]""");
        Instant day = Instant.now().plus(20, ChronoUnit.DAYS);

        greenMail.stop();
        try {
            AdminApi.forceRun(day);
        } finally {
            greenMail.start();
        }
        // as if a node had claimed the digest and died before recording the outcome
        update(email, "update digest set state = 'sending', lease_until = now() + interval '1 hour', next_attempt_at = null");
        AdminApi.forceRun(day);
        Mailbox mailbox = new Mailbox(greenMail, email);
        assertEquals(0, mailbox.messages().size(), "a digest under a live lease is not sent by another worker");

        update(email, "update digest set lease_until = now() - interval '1 second'");
        AdminApi.forceRun(day);
        assertTrue(mailbox.awaitMail(1).text().contains("Lichen symbiosis in the Arctic"));
        assertEquals("sent", digestState(email));
        AdminApi.forceRun(day);
        assertEquals(1, mailbox.messages().size(), "sent exactly once");
    }

    @Test
    void aConfirmationTheRelayCouldNotTakeIsSentOnceItIsBack() {
        String email = "late.confirmation@example.org";
        greenMail.stop();
        try {
            new Visitor().submit("/", "/subscribe", Map.of("email", email, "interests", "sea otters",
                    "cadence", "daily", "hour", "8", "timezone", "UTC"))
                    .then().statusCode(200).body(containsString("Check your inbox"));
        } finally {
            greenMail.start();
        }
        Mailbox.Mail confirmation = new Mailbox(greenMail, email).awaitMail(1);
        assertEquals("Confirm your Paperboy subscription", confirmation.subject());
        String confirm = confirmation.linkPath("/confirm/");
        new Visitor().submit(confirm, confirm, Map.of()).then().statusCode(200).body(containsString("You are subscribed"));
    }

    private static void subscribe(String email, String interest) {
        AdminApi.admin().contentType(ContentType.JSON)
                .body("[{\"email\": \"" + email + "\", \"interests\": [\"" + interest + "\"]}]")
                .post("/api/admin/subscribers").then().statusCode(200);
    }

    private String digestState(String email) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select d.state from digest d join subscriber s on s.id = d.subscriber_id where s.email = ?")) {
            q.setString(1, email);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), "no digest for " + email);
                return rs.getString(1);
            }
        }
    }

    private void update(String email, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement u = c.prepareStatement(
                sql + " where subscriber_id = (select id from subscriber where email = ?)")) {
            u.setString(1, email);
            assertEquals(1, u.executeUpdate());
        }
    }
}
