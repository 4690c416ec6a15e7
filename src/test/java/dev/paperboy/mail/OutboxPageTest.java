package dev.paperboy.mail;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox is listed a page at a time, newest first, each mail once, by its headers alone. */
class OutboxPageTest {

    @TempDir
    Path directory;

    @Test
    void aLargeOutboxIsPagedNewestFirstEachMailOnce() throws Exception {
        Outbox outbox = new Outbox(directory);
        for (int i = 0; i < 250; i++) {
            outbox.write(mail(i), "digest");
        }
        List<String> seen = new ArrayList<>();
        OutboxPage page = outbox.page(null, 100);
        assertEquals(250, page.total());
        assertEquals(0, page.newer());
        assertEquals(100, page.mails().size());
        page.mails().forEach(m -> seen.add(m.name()));
        page = outbox.page(page.next(), 100);
        assertEquals(100, page.newer());
        page.mails().forEach(m -> seen.add(m.name()));
        page = outbox.page(page.next(), 100);
        assertEquals(200, page.newer());
        assertEquals(50, page.mails().size());
        assertNull(page.next(), "the last page");
        page.mails().forEach(m -> seen.add(m.name()));

        assertEquals(250, seen.stream().distinct().count(), "each mail once");
        List<String> written = new ArrayList<>(seen);
        java.util.Collections.reverse(written);
        for (int i = 0; i < 250; i++) { // many share a millisecond: the order written, not the names' alphabetical one
            assertEquals("reader" + i + "@example.org", outbox.read(written.get(i)).orElseThrow().to());
        }
        OutboxMail last = page.mails().get(page.mails().size() - 1);
        assertEquals("reader0@example.org", last.to(), "the oldest mail comes last");
        assertEquals("Kelp digest № 0", last.subject(), "the subject decoded from its encoded word");
        assertTrue(last.text().isEmpty() && last.html().isEmpty(), "a list row reads no part");
        assertEquals("Kelp digest № 0", outbox.read(last.name()).orElseThrow().subject());
    }

    @Test
    void aBeforeThatIsNotAMailFileGivesTheNewest() throws Exception {
        Outbox outbox = new Outbox(directory);
        outbox.write(mail(1), "digest");
        assertEquals(1, outbox.page("../secrets.properties", 100).mails().size());
        assertEquals(0, new Outbox(directory.resolve("none")).page(null, 100).total());
    }

    private static MimeMessage mail(int i) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("digest@localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("reader" + i + "@example.org"));
        message.setSubject("Kelp digest № " + i, "UTF-8");
        message.setText("Papers " + i, "UTF-8");
        return message;
    }
}
