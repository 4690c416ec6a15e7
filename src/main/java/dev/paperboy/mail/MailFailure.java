package dev.paperboy.mail;

/** A mail that could not be handed over; {@code permanent} when the relay refused it for good (5xx). */
public class MailFailure extends Exception {

    private final boolean permanent;

    public MailFailure(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
