package dev.paperboy.mail;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Date header formatted once a second is the one {@code setSentDate} writes for that second. */
class SentDateTest {

    @Test
    void theDateHeaderIsWhatSetSentDateWritesForTheSecondItWasComposedIn() throws Exception {
        MimeMessages messages = new MimeMessages(Session.getInstance(new Properties()),
                new InternetAddress("digest@example.org"), null, dev.paperboy.mail.dkim.DkimSigning.of(null, null, null));
        for (int i = 0; i < 3; i++) {
            long before = System.currentTimeMillis();
            MimeMessage message = messages.compose(new MailContent("ada@example.net", "Paperboy: 1", "text é\n",
                    "<p>html</p>", "<digest.1@example.org>", Map.of(), "digest"));
            long after = System.currentTimeMillis();
            String date = message.getHeader("Date", null);
            MimeMessage reference = new MimeMessage(Session.getInstance(new Properties()));
            boolean matched = false;
            for (long second = before / 1000; second <= after / 1000; second++) {
                reference.setSentDate(new Date(second * 1000));
                matched |= reference.getHeader("Date", null).equals(date);
            }
            assertTrue(matched, date);
            assertEquals(new MailDateFormat().parse(date).getTime() / 1000, message.getSentDate().getTime() / 1000);
            Thread.sleep(400); // across a second's change within the three
        }
    }
}
