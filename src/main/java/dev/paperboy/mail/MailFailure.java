package dev.paperboy.mail;

/** A mail that could not be handed over, and what that says about trying again. */
public class MailFailure extends Exception {

    /** What the failure says about the next attempt. */
    public enum Kind {
        /** The relay refused the recipient for good (5xx on RCPT): trying again will not help, and the address bounced. */
        RECIPIENT_REFUSED,
        /** The message cannot be built for this recipient (say, an address Jakarta Mail will not take): not a bounce. */
        UNSENDABLE,
        /** This message was refused for now; others may go through. */
        MESSAGE_REFUSED,
        /** The relay cannot be reached or refuses to serve at all (connection, login, TLS, 4xx/5xx to the sender):
         *  every other mail would fail the same way, so stop and try later. */
        RELAY_UNAVAILABLE
    }

    private final Kind kind;

    public MailFailure(String message, Kind kind, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean permanent() {
        return kind == Kind.RECIPIENT_REFUSED || kind == Kind.UNSENDABLE;
    }
}
