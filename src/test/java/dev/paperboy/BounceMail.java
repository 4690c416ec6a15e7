package dev.paperboy;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * The bounce mailbox of the test apps (a GreenMail user, read over IMAP by the app's configuration and over POP3 when
 * a test says so), and delivery status notifications (RFC 3464) written the way Postfix writes them.
 */
public final class BounceMail {

    public static final String ADDRESS = "bounces@paperboy.example";
    public static final String LOGIN = "bounces";
    public static final String PASSWORD = "bounce-secret";

    private BounceMail() {
    }

    /** Called by {@link TestServers}: the bounce mailbox on this GreenMail, and the app's settings for it (IMAP). */
    static Map<String, String> mailbox(GreenMail greenMail) {
        greenMail.setUser(ADDRESS, LOGIN, PASSWORD);
        return Map.of("paperboy.bounce.protocol", "imap", "paperboy.bounce.host", "127.0.0.1",
                "paperboy.bounce.port", Integer.toString(greenMail.getImap().getPort()),
                "paperboy.bounce.username", LOGIN, "paperboy.bounce.password", PASSWORD);
    }

    /** Puts a notification into the bounce mailbox, as the relay would. */
    public static void deliver(GreenMail greenMail, String rawMessage) {
        try {
            GreenMailUser user = greenMail.getUserManager().getUser(LOGIN);
            user.deliver(new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(rawMessage.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many messages the bounce mailbox still holds. */
    public static int left(GreenMail greenMail) {
        try {
            return greenMail.getUserManager().getUser(LOGIN) == null ? 0
                    : greenMail.getManagers().getImapHostManager()
                    .getInbox(greenMail.getUserManager().getUser(LOGIN)).getMessageCount();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A delivery status notification for one recipient: {@code action} failed or delayed, {@code status} such as
     * 5.1.1 or 4.2.2, returning the headers of the mail with {@code messageId}.
     */
    public static String dsn(String recipient, String action, String status, String diagnostic, String messageId) {
        return """
                Return-Path: <>
                From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
                To: %1$s
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <%6$s@mx.example.net>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="B0UNDARY"

                --B0UNDARY
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host mx.example.net. Your message could not be delivered.

                --B0UNDARY
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net
                Arrival-Date: Sun, 29 Nov 2026 08:00:01 +0000

                Final-Recipient: rfc822; %2$s
                Original-Recipient: rfc822;%2$s
                Action: %3$s
                Status: %4$s
                Remote-MTA: dns; inbox.example.net
                Diagnostic-Code: smtp; %5$s

                --B0UNDARY
                Content-Type: text/rfc822-headers

                From: Paperboy <digest@localhost>
                To: %2$s
                Subject: Paperboy: 1 new paper
                Message-ID: %7$s

                --B0UNDARY--
                """.formatted(ADDRESS, recipient, action, status, diagnostic, People.marker(), messageId);
    }
}
