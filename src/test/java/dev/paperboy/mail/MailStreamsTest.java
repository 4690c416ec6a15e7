package dev.paperboy.mail;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Once Paperboy composes mail, Jakarta Mail finds its stream provider by the name Paperboy gives, not by a service scan. */
class MailStreamsTest {

    @Test
    void composingMailNamesAngusStreamProvider() throws Exception {
        new MimeMessages(Session.getInstance(new Properties()), new InternetAddress("digest@example.org"), null,
                dev.paperboy.mail.dkim.DkimSigning.of(null, null, null));
        assertEquals(MailStreamProvider.class.getName(), System.getProperty(StreamProvider.class.getName()));
        assertInstanceOf(MailStreamProvider.class, StreamProvider.provider());
    }
}
