package dev.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jboss.logging.Logger;

/** One SMTP connection, opened on the first mail and reused until closed; reopened once if the relay drops it. */
final class SmtpConnection implements MailConnection {

    private static final Logger LOG = Logger.getLogger(SmtpConnection.class);

    private final Session session;
    private final MimeMessages messages;
    private final SmtpSettings settings;
    private DirectDataTransport transport;
    /** Whether the open connection has carried a message already. */
    private boolean carried;

    SmtpConnection(Session session, MimeMessages messages, SmtpSettings settings) {
        this.session = session;
        this.messages = messages;
        this.settings = settings;
    }

    @Override
    public void send(MailContent mail, Runnable beforeEnd) throws MailFailure {
        Runnable once = new Once(beforeEnd);
        MimeMessage message;
        try {
            message = messages.compose(mail);
        } catch (MessagingException e) {
            throw new MailFailure("cannot build the message: " + e.getMessage(), MailFailure.Kind.UNSENDABLE, e);
        }
        try {
            try {
                connected().sendMessage(message, message.getAllRecipients(), once);
            } catch (MessagingException e) {
                if (!carried || transport == null || !transport.lastMailFromUnanswered()) {
                    throw e;
                }
                // the relay closed the connection since its last message (an idle timeout, a restart): nothing of
                // this one reached it, so it goes once more on a new connection
                LOG.debugf("the relay closed the SMTP connection; reconnecting: %s", e.getMessage());
                closeQuietly();
                connected().sendMessage(message, message.getAllRecipients(), once);
            }
            carried = true;
        } catch (MessagingException e) {
            closeQuietly(); // start the next mail on a clean session
            MessagingException reply = reply(e);
            String why = reply != null ? "relay answered " + reply.getMessage().strip().replaceAll("\\s*\\R\\s*", " / ")
                    : "SMTP failure: " + e.getMessage();
            throw new MailFailure(why, kind(e), e);
        }
    }

    /**
     * The relay's own reply in the exception chain, for the operator to read as it was sent ("550 5.1.1 <...>: no
     * such user"): a refused recipient's first, else the refused sender's or message's; null when the relay said
     * nothing (network, timeout).
     */
    private static MessagingException reply(Exception failure) {
        MessagingException other = null;
        for (Exception e = failure; e != null; e = next(e)) {
            if (e instanceof SMTPAddressFailedException a && a.getReturnCode() > 0) {
                return a;
            }
            if (other == null && (e instanceof SMTPSenderFailedException s && s.getReturnCode() > 0
                    || e instanceof SMTPSendFailedException f && f.getReturnCode() > 0)) {
                other = (MessagingException) e;
            }
        }
        return other;
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

    // no NOOP to ask whether the connection is still open before each message (Angus' isConnected): that was a sixth
    // command and a round trip per message; a connection the relay closed meanwhile shows at the next MAIL FROM
    private DirectDataTransport connected() throws MessagingException {
        if (transport == null) {
            DirectDataTransport opened = new DirectDataTransport(session);
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
        carried = false;
    }

    /** Runs its task the first time only (a message sent again on a new connection ends once in all). */
    private static final class Once implements Runnable {
        private Runnable task;

        Once(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            if (task != null) {
                Runnable first = task;
                task = null;
                first.run();
            }
        }
    }

    /** Where and how to reach the relay. */
    record SmtpSettings(String host, int port, String username, String password) {
    }
}
