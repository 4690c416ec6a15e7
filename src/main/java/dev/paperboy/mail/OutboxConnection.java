package dev.paperboy.mail;

import jakarta.mail.MessagingException;

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
    public void send(MailContent mail) throws MailFailure {
        try {
            outbox.write(messages.compose(mail), mail.kind());
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
