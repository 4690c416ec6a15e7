package dev.paperboy.digest;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each paper of a digest says why it is there, with the matched words marked in the HTML mail only. */
@QuarkusTest
class DigestExplanationTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Test
    void theMailMarksTheMatchedWordsAndSaysWhichInterestBroughtThePaper() {
        String marker = "kelp" + People.marker().replaceAll("[0-9]", "x");
        String email = People.address("explained.reader");
        People.subscribe(email, "seagrass " + marker);
        AdminApi.importPapers("""
                [{"id": "explained-%s", "title": "Seagrass & %s meadows <store> carbon",
                  "abstract": "We measured how %s meadows of seagrass bury carbon in coastal sediments over a decade."}]"""
                .formatted(marker, marker, marker));

        AdminApi.forceRun(Instant.now());
        Mailbox.Mail digest = new Mailbox(greenMail, email).awaitMail(1);

        String html = digest.html();
        assertTrue(html.contains("<mark>Seagrass</mark> &amp; <mark>" + marker + "</mark> meadows &lt;store&gt; carbon"),
                html);
        assertTrue(html.contains("of <mark>seagrass</mark> bury carbon"), html);
        assertTrue(html.contains("Matches “seagrass " + marker + "”: seagrass, " + marker + " in the title."), html);
        String text = digest.text();
        assertTrue(text.contains("Seagrass & " + marker + " meadows <store> carbon"), text);
        assertTrue(text.contains("of seagrass bury carbon"), text);
        assertFalse(text.contains("<mark>"), text);
    }
}
