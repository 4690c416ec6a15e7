package dev.paperboy.mail;

import java.util.Map;

/**
 * One mail ready to go: recipient, subject, both bodies, its Message-ID and extra headers.
 * Header values come only from Paperboy itself or from checked input (a validated address, a token).
 */
public final class MailContent {

    private final String to;
    private final String subject;
    private final String text;
    private final String html;
    private final String messageId;
    private final Map<String, String> headers;
    private final String kind;
    // encoded once, when the mail is first measured or composed, and used by both: read by the thread that made it
    private EncodedBodies encoded;

    public MailContent(String to, String subject, String text, String html, String messageId,
                       Map<String, String> headers, String kind) {
        this.to = to;
        this.subject = subject;
        this.text = text;
        this.html = html;
        this.messageId = messageId;
        this.headers = headers;
        this.kind = kind;
    }

    public String to() {
        return to;
    }

    public String subject() {
        return subject;
    }

    public String text() {
        return text;
    }

    public String html() {
        return html;
    }

    public String messageId() {
        return messageId;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public String kind() {
        return kind;
    }

    /** Both bodies as their parts carry them, where Paperboy encodes them itself. */
    EncodedBodies encoded() {
        if (encoded == null) {
            encoded = EncodedBodies.of(text, html);
        }
        return encoded;
    }

    @Override
    public String toString() {
        return "MailContent[to=" + to + ", subject=" + subject + ", messageId=" + messageId + ", kind=" + kind + "]";
    }
}
