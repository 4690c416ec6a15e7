package dev.paperboy.mail.bounce;

/**
 * One recipient's line of a delivery status notification (RFC 3464): whom it was for, what became of the mail, and
 * which of Paperboy's mails it was about (the Message-ID of the returned message or headers; null when not given).
 */
public record Bounce(String recipient, String action, String status, String diagnostic, String originalMessageId) {

    /** A permanent failure: the mail was not delivered and will not be (5.x.x), as opposed to a delay or a 4.x.x. */
    public boolean hard() {
        return "failed".equalsIgnoreCase(action) && status != null && status.startsWith("5.");
    }

    /** What the operator reads: the status, and the remote server's own words when it gave them. */
    public String reason() {
        String words = diagnostic == null ? "" : " " + diagnostic.replaceAll("\\s+", " ").strip();
        String text = (action == null ? "" : action + " ") + (status == null ? "" : status) + words;
        return text.length() > 500 ? text.substring(0, 500) : text.strip();
    }
}
