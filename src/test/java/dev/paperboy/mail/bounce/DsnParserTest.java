package dev.paperboy.mail.bounce;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Delivery status notifications as relays write them, and mail that only looks like one. */
class DsnParserTest {

    private static MimeMessage message(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    private static final String TWO_RECIPIENTS_RETURNING_THE_WHOLE_MESSAGE = """
            From: MAILER-DAEMON@relay.example.net
            To: bounces@paperboy.example
            Subject: Delivery Status Notification (Failure)
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type="delivery-status"; boundary="xyz"

            --xyz
            Content-Type: text/plain

            Delivery to the following recipients failed.

            --xyz
            Content-Type: message/delivery-status

            Reporting-MTA: dns; relay.example.net

            Final-Recipient: RFC822; <Ada@Example.org>
            Action: failed
            Status: 5.2.1 (mailbox disabled)
            Diagnostic-Code: smtp; 550-5.2.1 The email account that you tried to reach is
             disabled.

            Final-Recipient: rfc822; grace@example.org
            Action: delayed
            Status: 4.4.1
            Will-Retry-Until: Tue, 1 Dec 2026 08:00:00 +0000

            --xyz
            Content-Type: message/rfc822

            From: Paperboy <digest@paperboy.example>
            To: ada@example.org
            Message-ID: <digest.7.2026-11-29.42@paperboy.example>
            Subject: Paperboy: 3 new papers

            the digest's text
            --xyz--
            """;

    @Test
    void eachRecipientIsReadWithTheReturnedMessageId() throws Exception {
        List<Bounce> bounces = DsnParser.parse(message(TWO_RECIPIENTS_RETURNING_THE_WHOLE_MESSAGE));
        assertEquals(2, bounces.size());
        Bounce ada = bounces.get(0);
        assertEquals("ada@example.org", ada.recipient());
        assertEquals("5.2.1", ada.status());
        assertTrue(ada.hard());
        assertEquals("<digest.7.2026-11-29.42@paperboy.example>", ada.originalMessageId());
        assertTrue(ada.reason().startsWith("failed 5.2.1 smtp; 550-5.2.1 The email account that you tried to reach is disabled."),
                ada.reason());
        Bounce grace = bounces.get(1);
        assertFalse(grace.hard(), "a delay is soft");
        assertEquals("4.4.1", grace.status());
    }

    @Test
    void readReceiptsAndPlainMailAreNoBounces() throws Exception {
        assertEquals(List.of(), DsnParser.parse(message("""
                From: ada@example.org
                To: bounces@paperboy.example
                Subject: Read: Paperboy
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=disposition-notification; boundary="b"

                --b
                Content-Type: message/disposition-notification

                Final-Recipient: rfc822; ada@example.org
                Disposition: manual-action/MDN-sent-manually; displayed

                --b--
                """)));
        assertEquals(List.of(), DsnParser.parse(message("""
                From: ada@example.org
                To: bounces@paperboy.example
                Subject: Out of office
                Content-Type: text/plain

                Away until Monday: Action: failed Status: 5.1.1
                """)));
    }
}
