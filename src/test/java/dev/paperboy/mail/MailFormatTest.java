package dev.paperboy.mail;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import dev.paperboy.Person;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mails that survive common clients: table layout, inline styles, nothing fetched from elsewhere, a dark-mode
 * scheme, a preheader, a footer saying why the mail came, and a text part of short lines that reads on its own.
 */
@QuarkusTest
class MailFormatTest {

    private static final Pattern EXTERNAL = Pattern.compile("<img|<link|@import|url\\(|<script|@font-face",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PREHEADER = Pattern.compile("<div style=\"display:none;[^>]*>([^<&]{20,})");

    @InjectGreenMail
    GreenMail greenMail;

    private static void assertSurvivesClients(String html, String kind) {
        assertFalse(EXTERNAL.matcher(html).find(), kind + " loads nothing from elsewhere and runs nothing");
        assertTrue(html.contains("<table role=\"presentation\""), kind + " is laid out with tables");
        assertTrue(html.contains("<meta name=\"color-scheme\" content=\"light dark\">"), kind);
        assertTrue(html.contains("@media (prefers-color-scheme: dark)"), kind + " has dark colours");
        assertTrue(html.contains("max-width:600px"), kind + " fits a phone and stops growing on a desktop");
        assertTrue(PREHEADER.matcher(html).find(), kind + " has a preheader");
    }

    /** Every line at most 76 characters, except a line that is one long word (a link). */
    private static void assertShortLines(String text, String kind) {
        List<String> long_ = text.lines().filter(l -> l.length() > TextWrap.WIDTH && l.strip().contains(" ")).toList();
        assertEquals(List.of(), long_, kind + " text lines over " + TextWrap.WIDTH + " characters");
    }

    @Test
    void theConfirmationMail() {
        String email = People.address("format.confirm");
        Person person = Person.pending(greenMail, email, "cold seeps\nhydrothermal vents");
        Mailbox.Mail mail = new Mailbox(greenMail, email).awaitMail(1);
        assertSurvivesClients(mail.html(), "confirmation");
        assertTrue(mail.html().contains("One click to start your daily digest of new papers on 2 topics."), mail.html());
        assertTrue(mail.html().contains("You get this mail because this address was entered on the sign-up form"));
        assertTrue(mail.text().replace("\r\n", "\n").contains("You get this mail because this address was entered on the sign-up\nform"));
        assertTrue(mail.text().contains("(it works for 7 days)"), mail.text());
        assertTrue(mail.text().contains(person.confirm()), "the link, whole, in the text part");
        assertShortLines(mail.text(), "confirmation");
    }

    @Test
    void theDigestMail() {
        String email = People.address("format.digest");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Person.active(greenMail, email, "abyssal plain sediments");
        String longAbstract = "Abyssal plain sediments hold a record of the deep ocean. ".repeat(12);
        AdminApi.importPapers("""
                [{"id": "format-%s", "title": "Abyssal plain sediments across the Pacific and the long record they keep %s",
                  "abstract": "%s", "authors": ["M. Benthos", "S. Trench"]}]""".formatted(tag, tag, longAbstract));
        assertTrue(AdminApi.forceRun(Instant.now()).getLong("sent") >= 1);
        Mailbox.Mail mail = new Mailbox(greenMail, email).awaitMail(2);

        assertSurvivesClients(mail.html(), "digest");
        assertTrue(mail.html().contains("View in your browser"));
        assertTrue(mail.html().contains("You get this digest because " + email + " subscribed"));
        assertTrue(mail.header("List-Unsubscribe").startsWith("<http"), "the one-click headers stay");
        assertEquals("List-Unsubscribe=One-Click", mail.header("List-Unsubscribe-Post"));

        String text = mail.text().replace("\r\n", "\n");
        assertShortLines(text, "digest");
        assertTrue(text.contains("View in your browser:\nhttp"), text);
        assertTrue(text.contains("M. Benthos, S. Trench"));
        assertTrue(text.replaceAll("\\s+", " ").contains("Abyssal plain sediments across the Pacific and the long record they keep " + tag),
                "the whole title, wrapped");
        assertTrue(text.contains("Why: Matches"), text);
        assertTrue(text.contains("You get this digest because this address subscribed to Paperboy\ndigests and confirmed it:\n" + email), text);
        assertTrue(text.contains("Unsubscribe:\nhttp"));
    }
}
