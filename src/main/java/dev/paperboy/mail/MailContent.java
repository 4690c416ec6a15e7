package dev.paperboy.mail;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One mail ready to go: recipient, subject, both bodies, its Message-ID and extra headers.
 * Header values come only from Paperboy itself or from checked input (a validated address, a token).
 */
public final class MailContent {

    private final String to;
    private final String subject;
    private String text;
    private String html;
    // bodies written piece by piece as they go out, and the whole bodies made only when something needs them
    private Supplier<MailBodies> bodies;
    private BodyWriter textWriter;
    private BodyWriter htmlWriter;
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

    /**
     * A mail whose bodies were written as they go out ({@link BodyWriter}); {@code bodies} makes the same bodies as
     * strings, for a body the writers could not write and for whoever reads them.
     */
    public MailContent(String to, String subject, Supplier<MailBodies> bodies, BodyWriter text, BodyWriter html,
                       String messageId, Map<String, String> headers, String kind) {
        this(to, subject, null, null, messageId, headers, kind);
        this.bodies = bodies;
        this.textWriter = text;
        this.htmlWriter = html;
    }

    public String to() {
        return to;
    }

    public String subject() {
        return subject;
    }

    public String text() {
        made();
        return text;
    }

    public String html() {
        made();
        return html;
    }

    private void made() {
        if (bodies != null) {
            MailBodies made = bodies.get();
            text = made.text();
            html = made.html();
            bodies = null;
        }
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
            if (textWriter != null) {
                encoded = new EncodedBodies(
                        textWriter.wrote() ? textWriter.quotedPrintable() : QuotedPrintable.encodeIfChosen(text()),
                        htmlWriter.wrote() ? htmlWriter.ascii() : AsciiHtml.encode(html()));
                textWriter = null;
                htmlWriter = null;
            } else {
                encoded = EncodedBodies.of(text, html);
            }
        }
        return encoded;
    }

    @Override
    public String toString() {
        return "MailContent[to=" + to + ", subject=" + subject + ", messageId=" + messageId + ", kind=" + kind + "]";
    }
}
