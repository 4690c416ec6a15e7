package dev.paperboy.mail;

import dev.paperboy.ScriptedRelay;
import dev.paperboy.mail.dkim.DkimSigning;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The step before which a send commits the relay to nothing is the end of the data: a connection runs its caller's
 * task there (where the sender takes its in-flight permit), once per message, after the envelope was accepted and
 * before the relay has the message, and never for a mail refused before it.
 */
class EndOfDataTest {

    private final ScriptedRelay relay = new ScriptedRelay();

    @AfterEach
    void closeRelay() {
        relay.close();
    }

    @Test
    void theTaskRunsOnceAMessageJustBeforeTheRelayHasIt() throws Exception {
        List<Integer> heldByRelay = new ArrayList<>();
        try (SmtpConnection connection = connection()) {
            for (int i = 1; i <= 3; i++) {
                connection.send(mail("ada@example.net", i),
                        () -> heldByRelay.add(relay.messagesTo("ada@example.net").size()));
            }
        }
        assertEquals(List.of(0, 1, 2), heldByRelay, "the relay's count each time the task ran");
        assertEquals(3, relay.messagesTo("ada@example.net").size());
    }

    @Test
    void aRecipientRefusedBeforeTheDataNeverRunsIt() throws Exception {
        relay.refuse("gone@example.net");
        List<String> ran = new ArrayList<>();
        try (SmtpConnection connection = connection()) {
            MailFailure failure = assertThrows(MailFailure.class,
                    () -> connection.send(mail("gone@example.net", 1), () -> ran.add("gone")));
            assertEquals(MailFailure.Kind.RECIPIENT_REFUSED, failure.kind());
            connection.send(mail("ada@example.net", 2), () -> ran.add("ada"));
        }
        assertEquals(List.of("ada"), ran);
    }

    private SmtpConnection connection() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.socketFactory", new NoDelaySockets(Duration.ofSeconds(10)));
        Session session = Session.getInstance(properties);
        return new SmtpConnection(session, messages(session),
                new SmtpConnection.SmtpSettings("127.0.0.1", relay.port(), null, null));
    }

    private static MimeMessages messages(Session session) throws Exception {
        return new MimeMessages(session, new InternetAddress("Paperboy <digest@example.org>"), null,
                DkimSigning.of(null, null, null));
    }

    private static MailContent mail(String to, int i) {
        return new MailContent(to, "Paperboy: " + i, "Text " + i + "\n", "<p>Html " + i + "</p>",
                "<digest." + i + ".2026-11-30@example.org>", Map.of(), "digest");
    }
}
