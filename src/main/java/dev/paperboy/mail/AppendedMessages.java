package dev.paperboy.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Messages whose header lines Paperboy appends in the order Jakarta Mail would give them, into a message that starts
 * with none ({@link FixedIdMessage#written(Session, String)}).
 */
final class AppendedMessages {

    /**
     * The headers Jakarta Mail gives a place of their own in a new message (InternetHeaders' placeholders), and
     * Feedback-ID, which Paperboy sets after a mail's own: lower case.
     */
    private static final Set<String> PLACED = Set.of("return-path", "received", "resent-date", "resent-from",
            "resent-sender", "resent-to", "resent-cc", "resent-bcc", "resent-message-id", "date", "from", "sender",
            "reply-to", "to", "cc", "bcc", "message-id", "in-reply-to", "references", "subject", "comments", "keywords",
            "errors-to", "mime-version", "content-type", "content-transfer-encoding", "content-md5", ":",
            "content-length", "status", "feedback-id");

    private AppendedMessages() {
    }

    /**
     * A message with Paperboy's own encoded alternative body, its header lines appended in the order Jakarta Mail's
     * placeholders put them in (Date, From, To, Message-ID, Subject, MIME-Version, Content-Type, then the others as
     * they were set): the same bytes as {@code setHeader} on a new MimeMessage gives, without ~30 placeholder headers
     * made and searched for every mail.
     */
    static MimeMessage compose(Session session, MailContent mail, String fromHeader, InternetAddress to,
                               String feedbackId, Alternative alternative) throws MessagingException {
        FixedIdMessage message = FixedIdMessage.written(session, mail.messageId());
        Address[] recipients = {to};
        message.append("Date", MimeMessages.sentDate());
        message.append("From", fromHeader);
        message.append("To", InternetAddress.toString(recipients, "To: ".length()));
        message.append("Message-ID", mail.messageId());
        if (mail.subject() != null) {
            message.append("Subject", MimeMessages.subjectHeader(mail.subject()));
        }
        message.append("MIME-Version", "1.0");
        message.append("Content-Type", alternative.contentType());
        for (Map.Entry<String, String> header : mail.headers().entrySet()) {
            if (!MimeMessages.headerSafe(header.getValue())) {
                throw new MessagingException("refusing a header value with a line break: " + header.getKey());
            }
            message.append(header.getKey(), header.getValue());
        }
        if (feedbackId != null) {
            message.append("Feedback-ID", mail.kind() + ":" + feedbackId);
        }
        message.written(alternative.bytes(), recipients);
        return message;
    }

    /**
     * Whether these extra headers go after the others in the order given, as Jakarta Mail would put them: none has a
     * placeholder of its own (nor is Feedback-ID, set after them), and none names another again in other letters.
     */
    static boolean appendable(Map<String, String> headers) {
        String[] names = headers.keySet().toArray(new String[0]);
        for (int i = 0; i < names.length; i++) {
            if (PLACED.contains(names[i].toLowerCase(Locale.ROOT))) {
                return false;
            }
            for (int j = 0; j < i; j++) {
                if (names[i].equalsIgnoreCase(names[j])) {
                    return false;
                }
            }
        }
        return true;
    }
}
