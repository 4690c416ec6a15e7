package dev.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** A MIME message whose Message-ID is chosen by Paperboy, so a resent digest keeps the same one. */
class FixedIdMessage extends MimeMessage {

    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
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
}
