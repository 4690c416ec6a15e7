package dev.paperboy.admin;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.subscriber.Subscriber;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Send me a test digest": the preview's papers in a digest mail to the typed address, marked as a test, recorded nowhere. */
@QuarkusTest
class TestDigestTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Test
    void sendsThePreviewsPapersAsADigestMarkedAsATestAndRecordsNothing() throws Exception {
        String m = UUID.randomUUID().toString().substring(0, 8);
        String interest = "coral spawning acoustics " + m;
        String title = "Coral spawning acoustics on night reefs " + m;
        AdminApi.importPapers("[{\"id\": \"test-digest-" + m + "\", \"title\": \"" + title + "\", \"abstract\":"
                + " \"We record coral spawning acoustics " + m + " on reefs at night.\"}]");
        String to = Operator.address("test-digest");
        Operator operator = Operator.signedIn();

        Response answer = operator.submit("/admin/test-digest", "/admin/test-digest", Map.of("email", to, "interest", interest));
        assertEquals(200, answer.statusCode(), answer.asString());
        // other tests' papers on coral spawning may come too, by meaning: at least this one
        assertTrue(answer.asString().contains("A test digest with "), answer.asString());

        Mailbox.Mail mail = new Mailbox(greenMail, to).awaitMail(1);
        assertTrue(mail.subject().startsWith("[Test] Paperboy: "), mail.subject());
        assertTrue(mail.text().contains(title) && mail.html().contains(title), mail.text());
        assertTrue(mail.text().contains("test digest") && mail.text().contains(interest), mail.text());
        assertTrue(mail.text().contains("Matches “" + interest + "”"), "why the paper is there, as in a digest:\n" + mail.text());
        MimeMessage message = mail.message();
        assertNull(message.getHeader("List-Unsubscribe"), "no subscription to leave");
        assertEquals("auto-generated", message.getHeader("Auto-Submitted")[0]);

        assertTrue(Operator.subscriber(to).isEmpty(), "the address was not made a subscriber");
        long paperInDigests = QuarkusTransaction.requiringNew().call(() -> ((Number) Subscriber.getEntityManager()
                .createNativeQuery("select count(*) from digest_paper p join paper x on x.id = p.paper_id where x.external_id = ?1")
                .setParameter(1, "test-digest-" + m).getSingleResult()).longValue());
        assertEquals(0, paperInDigests, "no digest recorded the paper as sent");
    }

    @Test
    void anInterestNothingMatchesSendsNoMail() {
        String to = Operator.address("test-digest-none");
        Response answer = Operator.signedIn().submit("/admin/test-digest", "/admin/test-digest",
                Map.of("email", to, "interest", "Byzantine coinage of the seventh century"));
        assertEquals(200, answer.statusCode());
        assertTrue(answer.asString().contains("no mail was sent"), answer.asString());
        assertEquals(0, mailsTo(to), "sending is done before the answer, so none can come later");
    }

    @Test
    void badFieldsSendNothingAndSayWhy() {
        Operator operator = Operator.signedIn();
        String to = Operator.address("test-digest-bad");
        for (Map<String, String> fields : new Map[]{
                Map.of("email", "not an address", "interest", "kelp"),
                Map.of("email", to + "\r\nBcc: victim@example.org", "interest", "kelp"),
                Map.of("email", to, "interest", ""),
                Map.of("email", to, "interest", "kelp\r\nBcc: victim@example.org"),
                Map.of("email", to, "interest", "k".repeat(201))}) {
            Response answer = operator.submit("/admin/test-digest", "/admin/test-digest", fields);
            assertEquals(400, answer.statusCode(), fields.toString());
            assertTrue(answer.asString().contains("Please fix the fields marked below."), fields.toString());
        }
        assertEquals(0, mailsTo(to), "nothing was sent, so nothing reached anyone else either");
    }

    private long mailsTo(String address) {
        return new Mailbox(greenMail, address).messages().size();
    }
}
