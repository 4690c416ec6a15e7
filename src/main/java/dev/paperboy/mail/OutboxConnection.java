package dev.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;

/** Writes each mail to the local outbox instead of sending it. */
final class OutboxConnection implements MailConnection {

    private final MimeMessages messages;
    private final Outbox outbox;

    OutboxConnection(MimeMessages messages, Outbox outbox) {
        this.messages = messages;
        this.outbox = outbox;
    }

    @Override
    public void send(MailContent mail, Runnable beforeEnd) throws MailFailure {
        try {
            MimeMessage message = messages.compose(mail);
            beforeEnd.run();
            outbox.write(message, mail.kind());
        } catch (MessagingException e) {
            throw new MailFailure("cannot build the message: " + e.getMessage(), MailFailure.Kind.UNSENDABLE, e);
        } catch (IOException e) {
            throw new MailFailure("cannot write to the outbox: " + e.getMessage(), MailFailure.Kind.RELAY_UNAVAILABLE, e);
        }
    }

    @Override
    public void close() {
    }
}
