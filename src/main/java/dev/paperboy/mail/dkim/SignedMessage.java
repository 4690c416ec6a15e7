package dev.paperboy.mail.dkim;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;

/**
 * A message signed as it is written out. DkimMessage saves its changes before signing, which would give it a fresh
 * Message-ID; this one keeps Paperboy's own, so a resent digest still carries the same one.
 */
final class SignedMessage extends DkimMessage {

    private final String messageId;

    SignedMessage(MimeMessage message, DkimSigner signer) throws MessagingException {
        super(message, signer);
        this.messageId = message.getMessageID();
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
