package dev.paperboy.mail;

/** An open way out for mail: one SMTP connection reused for many messages, or the local outbox. */
public interface MailConnection extends AutoCloseable {

    /** Sends one mail; a {@link MailFailure} says whether trying again later may help. */
    default void send(MailContent mail) throws MailFailure {
        send(mail, () -> { });
    }

    /**
     * Sends one mail, running {@code beforeEnd} once, just before the step after which the relay may have accepted
     * it (SMTP's end of data; the outbox's write), and never if the mail fails before that step. Everything up to
     * there (the envelope, the body's bytes) commits the relay to nothing.
     */
    void send(MailContent mail, Runnable beforeEnd) throws MailFailure;

    @Override
    void close();
}
