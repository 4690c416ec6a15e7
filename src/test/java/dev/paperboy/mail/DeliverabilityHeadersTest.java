package dev.paperboy.mail;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.DkimCheck;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import dev.paperboy.Person;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mails as a receiving server sees them when DKIM is configured (the test app signs with a key of its own): the
 * signature verifies on what arrived, covers the one-click headers, and the digest keeps its own Message-ID.
 */
@QuarkusTest
class DeliverabilityHeadersTest {

    @InjectGreenMail
    GreenMail greenMail;

    private static byte[] raw(Mailbox.Mail mail) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.message().writeTo(out);
        return out.toByteArray();
    }

    @Test
    void theDigestArrivesSignedWithListIdAndFeedbackId() throws Exception {
        String email = People.address("dkim.digest");
        String tag = People.marker();
        Person.active(greenMail, email, "bioluminescent plankton");
        AdminApi.importPapers("""
                [{"id": "dkim-%s", "title": "Bioluminescent plankton blooms along the coast %s",
                  "abstract": "Bioluminescent plankton light up coastal waters; we count the blooms."}]""".formatted(tag, tag));
        assertTrue(AdminApi.forceRun(Instant.now()).getLong("sent") >= 1);
        Mailbox.Mail mail = new Mailbox(greenMail, email).awaitMail(2);
        byte[] raw = raw(mail);

        PublicKey key = DkimCheck.fromRecord(DkimCheck.testRecord());
        DkimCheck.Result result = DkimCheck.verify(raw, key);
        assertTrue(result.valid(), result.why());
        assertEquals(DkimCheck.DOMAIN, result.tags().get("d"));
        assertEquals(DkimCheck.SELECTOR, result.tags().get("s"));
        assertTrue(result.signedHeaders().containsAll(List.of("from", "subject", "list-unsubscribe",
                "list-unsubscribe-post", "list-id", "message-id", "feedback-id")), result.signedHeaders().toString());

        assertTrue(mail.header("Message-ID").matches("<digest\\.\\d+\\.\\d{4}-\\d{2}-\\d{2}\\.\\d+@localhost>"),
                "Paperboy's own Message-ID survives signing: " + mail.header("Message-ID"));
        assertEquals("Paperboy digest <digest.localhost>", mail.header("List-Id"));
        assertEquals("digest:" + DkimCheck.FEEDBACK_ID, mail.header("Feedback-ID"));
        assertEquals("List-Unsubscribe=One-Click", mail.header("List-Unsubscribe-Post"));

        // kept for the check by hand with Debian's dkimpy (deploy/dkim-check.py, see README)
        Path dir = Files.createDirectories(Path.of("target/dkim-check"));
        Files.write(dir.resolve("digest.eml"), raw);
        Files.writeString(dir.resolve("record.txt"), DkimCheck.testRecord());
    }

    @Test
    void theConfirmationMailIsSignedToo() throws Exception {
        String email = People.address("dkim.confirm");
        Person.pending(greenMail, email, "tidal energy");
        Mailbox.Mail mail = new Mailbox(greenMail, email).awaitMail(1);
        DkimCheck.Result result = DkimCheck.verify(raw(mail), DkimCheck.fromRecord(DkimCheck.testRecord()));
        assertTrue(result.valid(), result.why());
        assertEquals("confirm:" + DkimCheck.FEEDBACK_ID, mail.header("Feedback-ID"));
    }
}
