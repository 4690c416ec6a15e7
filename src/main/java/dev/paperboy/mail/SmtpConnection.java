package dev.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jboss.logging.Logger;

/** One SMTP connection, opened on the first mail and reused until closed; reopened once if the relay drops it. */
final class SmtpConnection implements MailConnection {

    private static final Logger LOG = Logger.getLogger(SmtpConnection.class);

    private final Session session;
    private final InternetAddress from;
    private final SmtpSettings settings;
    private Transport transport;

    SmtpConnection(Session session, InternetAddress from, SmtpSettings settings) {
        this.session = session;
        this.from = from;
        this.settings = settings;
    }

    @Override
    public void send(MailContent mail) throws MailFailure {
        MimeMessage message;
        try {
            message = MimeMessages.compose(session, from, mail);
        } catch (MessagingException e) {
            throw new MailFailure("cannot build the message: " + e.getMessage(), MailFailure.Kind.RECIPIENT_REFUSED, e);
        }
        try {
            connected().sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            closeQuietly(); // start the next mail on a clean session
            int code = replyCode(e);
            String why = code > 0 ? "relay answered " + code + ": " + e.getMessage().trim() : "SMTP failure: " + e.getMessage();
            throw new MailFailure(why, kind(e), e);
        }
    }

    /** The SMTP reply code somewhere in the exception chain, or 0 when the relay said nothing (network, timeout). */
    private static int replyCode(Exception failure) {
        for (Exception e = failure; e != null; e = next(e)) {
            if (e instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (e instanceof SMTPSenderFailedException s) {
                return s.getReturnCode();
            }
            if (e instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
        }
        return 0;
    }

    /** Only a 5xx to the recipient is final; a refusal of the sender or the session means the relay is not serving. */
    private static MailFailure.Kind kind(Exception failure) {
        for (Exception e = failure; e != null; e = next(e)) {
            if (e instanceof SMTPAddressFailedException a) {
                return a.getReturnCode() >= 500 ? MailFailure.Kind.RECIPIENT_REFUSED : MailFailure.Kind.MESSAGE_REFUSED;
            }
            if (e instanceof SMTPSenderFailedException) {
                return MailFailure.Kind.RELAY_UNAVAILABLE;
            }
            if (e instanceof SMTPSendFailedException) {
                return MailFailure.Kind.MESSAGE_REFUSED;
            }
        }
        return MailFailure.Kind.RELAY_UNAVAILABLE;
    }

    private static Exception next(Exception e) {
        return e instanceof MessagingException m ? m.getNextException() : null;
    }

    private Transport connected() throws MessagingException {
        if (transport != null && !transport.isConnected()) {
            closeQuietly();
        }
        if (transport == null) {
            Transport opened = session.getTransport("smtp");
            opened.connect(settings.host(), settings.port(), settings.username(), settings.password());
            transport = opened;
        }
        return transport;
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.debug("closing the SMTP connection", e);
            }
            transport = null;
        }
    }

    /** Where and how to reach the relay. */
    record SmtpSettings(String host, int port, String username, String password) {
    }
}
