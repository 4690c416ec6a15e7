package dev.paperboy.mail;

/** An open way out for mail: one SMTP connection reused for many messages, or the local outbox. */
public interface MailConnection extends AutoCloseable {

    /** Sends one mail; a {@link MailFailure} says whether trying again later may help. */
    void send(MailContent mail) throws MailFailure;

    @Override
    void close();
}
