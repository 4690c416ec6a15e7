package dev.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;

import java.io.IOException;

/** Writes each mail to the local outbox instead of sending it. */
final class OutboxConnection implements MailConnection {

    private final Session session;
    private final InternetAddress from;
    private final Outbox outbox;

    OutboxConnection(Session session, InternetAddress from, Outbox outbox) {
        this.session = session;
        this.from = from;
        this.outbox = outbox;
    }

    @Override
    public void send(MailContent mail) throws MailFailure {
        try {
            outbox.write(MimeMessages.compose(session, from, mail), mail.kind());
        } catch (MessagingException e) {
            throw new MailFailure("cannot build the message: " + e.getMessage(), MailFailure.Kind.RECIPIENT_REFUSED, e);
        } catch (IOException e) {
            throw new MailFailure("cannot write to the outbox: " + e.getMessage(), MailFailure.Kind.RELAY_UNAVAILABLE, e);
        }
    }

    @Override
    public void close() {
    }
}
