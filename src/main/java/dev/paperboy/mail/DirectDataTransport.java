package dev.paperboy.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Angus' SMTP transport, writing each message's DATA through {@link SmtpData} straight to the socket of a plain
 * connection (the same bytes, fewer passes over them). The commands, replies and everything else stay Angus' own; on
 * a TLS connection, or with the session's debug output on, the DATA goes through Angus' streams as before.
 */
final class DirectDataTransport extends SMTPTransport {

    private boolean tls;
    private SmtpData direct;
    private boolean writingDirect;
    private boolean mailFromUnanswered;
    private Runnable beforeEnd;

    DirectDataTransport(Session session) {
        super(session, new URLName("smtp", null, -1, null, null, null));
    }

    @Override
    protected synchronized boolean protocolConnect(String host, int port, String user, String password)
            throws MessagingException {
        direct = null;
        NoDelaySockets.taken(); // only a socket opened by this connect counts
        try {
            boolean connected = super.protocolConnect(host, port, user, password);
            Socket opened = NoDelaySockets.taken();
            if (connected && opened != null && plain()) {
                direct = new SmtpData(opened.getOutputStream());
            }
            return connected;
        } catch (IOException e) {
            throw new MessagingException("cannot open the SMTP socket's stream", e);
        } finally {
            NoDelaySockets.taken();
        }
    }

    /** The socket Paperboy opened is the one Angus writes to: no TLS layered on it, no trace to copy into. */
    private boolean plain() {
        return !tls && !isSSL() && !session.getDebug()
                && !Boolean.parseBoolean(session.getProperty("mail.smtp.ssl.enable"));
    }

    /** Sends a message, running {@code beforeEnd} just before the end of its data (the relay's acceptance) is sent. */
    void sendMessage(Message message, Address[] recipients, Runnable beforeEnd)
            throws MessagingException {
        this.beforeEnd = beforeEnd;
        try {
            sendMessage(message, recipients);
        } finally {
            this.beforeEnd = null;
        }
    }

    @Override
    protected void mailFrom() throws MessagingException {
        mailFromUnanswered = false;
        try {
            super.mailFrom();
        } catch (MessagingException e) {
            int code = getLastReturnCode();
            mailFromUnanswered = code == -1 || code == 421 || ioFailure(e);
            throw e;
        }
    }

    /**
     * Whether the last message failed at its first command for want of a live connection (end of stream, an I/O
     * error, or the relay's 421 that it is closing): nothing of that message reached the relay.
     */
    boolean lastMailFromUnanswered() {
        return mailFromUnanswered;
    }

    private static boolean ioFailure(MessagingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void startTLS() throws MessagingException {
        tls = true;
        super.startTLS();
    }

    @Override
    protected OutputStream data() throws MessagingException {
        // DATA and its 354 go through Angus, whose buffer is flushed with the command: nothing of it is left behind
        OutputStream angus = super.data();
        writingDirect = direct != null;
        return writingDirect ? direct.start() : angus;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        if (writingDirect) {
            writingDirect = false;
            direct.finish(); // ends at a line start, so Angus' own stream (given nothing) adds no line ending
        }
        if (beforeEnd != null) {
            beforeEnd.run(); // until the final dot the relay has accepted nothing
        }
        super.finishData();
    }
}
