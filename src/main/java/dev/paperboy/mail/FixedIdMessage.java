package dev.paperboy.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

import java.io.InputStream;

/** A MIME message whose Message-ID is chosen by Paperboy, so a resent digest keeps the same one. */
class FixedIdMessage extends MimeMessage {

    private final String messageId;
    /** The recipients of a message Paperboy wrote whole ({@link #written(Session, String)}); null for any other. */
    private Address[] recipients;

    FixedIdMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    /** No stream: Jakarta Mail parses none ({@link #parse}), and the message starts with no header at all. */
    private FixedIdMessage(Session session, String messageId, InputStream none) throws MessagingException {
        super(session, none);
        this.messageId = messageId;
    }

    /**
     * A message to be written whole by Paperboy: no header yet, rather than the ~30 placeholders Jakarta Mail makes
     * for every new message (so that a header set later lands in its usual place); the caller {@link #append}s each
     * header in the order those placeholders would give, then sets the body with {@link #written(byte[], Address[])}.
     */
    static FixedIdMessage written(Session session, String messageId) throws MessagingException {
        return new FixedIdMessage(session, messageId, null);
    }

    @Override
    protected void parse(InputStream in) throws MessagingException {
        if (in != null) {
            super.parse(in);
            return;
        }
        headers = new AppendedHeaders();
        modified = false;
    }

    /** Adds a header line after those there, with no look for its place: see {@link #written(Session, String)}. */
    void append(String name, String value) {
        ((AppendedHeaders) headers).append(name, value);
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }

    /**
     * Takes {@code body} as the message's content, already encoded, headers complete: Jakarta Mail writes the header
     * lines and then these bytes as they are ({@link MimeMessage#writeTo}, for a message read rather than built), with
     * no DataHandler, multipart or part to walk for each mail.
     */
    void written(byte[] body) throws MessagingException {
        updateMessageID();
        content = body;
        saved = true;
        modified = false;
    }

    /** As {@link #written(byte[])}, for a message whose headers were all appended, its Message-ID among them. */
    void written(byte[] body, Address[] to) {
        recipients = to;
        content = body;
        saved = true;
        modified = false;
    }

    /** A message Paperboy wrote whole knows its recipients, so sending it need not parse its To header back. */
    @Override
    public Address[] getAllRecipients() throws MessagingException {
        return recipients != null ? recipients.clone() : super.getAllRecipients();
    }

    /** Headers that start empty and take each line at their end. */
    private static final class AppendedHeaders extends InternetHeaders {

        AppendedHeaders() throws MessagingException {
            super(null, false);
        }

        /** Reads nothing when given nothing: these headers are appended one by one. */
        @Override
        public void load(InputStream in, boolean allowutf8) throws MessagingException {
            if (in != null) {
                super.load(in, allowutf8);
            }
        }

        void append(String name, String value) {
            headers.add(new InternetHeader(name, value));
        }
    }
}
