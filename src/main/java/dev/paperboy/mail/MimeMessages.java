package dev.paperboy.mail;

import dev.paperboy.mail.dkim.DkimSigning;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns mail content into a multipart/alternative MIME message (text first, then HTML) from Paperboy's sender, with
 * the operator's Feedback-ID, DKIM-signed when that is configured.
 */
final class MimeMessages {

    private static final Pattern HEADER_SAFE = Pattern.compile("[^\\r\\n\\x00]*");

    private final Session session;
    private final InternetAddress from;
    private final String feedbackId;
    private final DkimSigning dkim;

    MimeMessages(Session session, InternetAddress from, String feedbackId, DkimSigning dkim) {
        this.session = session;
        this.from = from;
        this.feedbackId = feedbackId;
        this.dkim = dkim;
    }

    /** The message as it goes out: signed, when DKIM is configured. */
    MimeMessage compose(MailContent mail) throws MessagingException {
        return dkim.sign(composeUnsigned(mail));
    }

    MimeMessage composeUnsigned(MailContent mail) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, mail.messageId());
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        for (Map.Entry<String, String> header : mail.headers().entrySet()) {
            if (!HEADER_SAFE.matcher(header.getValue()).matches()) {
                throw new MessagingException("refusing a header value with a line break: " + header.getKey());
            }
            message.setHeader(header.getKey(), header.getValue());
        }
        if (feedbackId != null) {
            message.setHeader("Feedback-ID", mail.kind() + ":" + feedbackId);
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        text.setHeader("Content-Transfer-Encoding", TransferEncoding.of(mail.text()));
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        html.setHeader("Content-Transfer-Encoding", TransferEncoding.of(mail.html()));
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }
}
