package dev.paperboy.mail;

import dev.paperboy.mail.dkim.DkimSigning;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns mail content into a multipart/alternative MIME message (text first, then HTML) from Paperboy's sender, with
 * the operator's Feedback-ID, DKIM-signed when that is configured.
 */
final class MimeMessages {

    static {
        // Jakarta Mail looks its stream provider up for every part it makes, writes or encodes, with a ServiceLoader
        // that reads every jar's service files each time (jakartaee/mail-api#699): an eighth of a sender's time.
        // Named here, it is loaded by name instead.
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), MailStreamProvider.class.getName());
        }
    }

    private static final MailDateFormat DATES = new MailDateFormat();
    private static volatile SentDate lastDate = new SentDate(-1, null);
    /** Subjects as their header carries them: a run's mails share a few ("Paperboy: 7 papers for ..."). */
    private static final Map<String, String> SUBJECTS = new ConcurrentHashMap<>();
    private static final int SUBJECTS_KEPT = 1_024;

    private final Session session;
    /** The From header's value, as {@code setFrom} writes it: formatted once rather than for every mail. */
    private final String fromHeader;
    private final String feedbackId;
    private final DkimSigning dkim;

    MimeMessages(Session session, InternetAddress from, String feedbackId, DkimSigning dkim) {
        this.session = session;
        this.fromHeader = InternetAddress.toString(new Address[] {from}, "From: ".length());
        this.feedbackId = feedbackId;
        this.dkim = dkim;
    }

    /** The message as it goes out: signed, when DKIM is configured. */
    MimeMessage compose(MailContent mail) throws MessagingException {
        return dkim.sign(composeUnsigned(mail));
    }

    MimeMessage composeUnsigned(MailContent mail) throws MessagingException {
        return composeUnsigned(mail, true);
    }

    /**
     * The unsigned message; with {@code written} (the usual case), a multipart whose parts Paperboy encoded itself is
     * written here as the bytes Jakarta Mail writes for it, and goes out as they are (see {@link Alternative}).
     */
    MimeMessage composeUnsigned(MailContent mail, boolean written) throws MessagingException {
        FixedIdMessage message = new FixedIdMessage(session, mail.messageId());
        message.setHeader("From", fromHeader);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
        if (mail.subject() != null) {
            message.setHeader("Subject", subjectHeader(mail.subject()));
        }
        message.setHeader("Date", sentDate());
        for (Map.Entry<String, String> header : mail.headers().entrySet()) {
            if (!headerSafe(header.getValue())) {
                throw new MessagingException("refusing a header value with a line break: " + header.getKey());
            }
            message.setHeader(header.getKey(), header.getValue());
        }
        if (feedbackId != null) {
            message.setHeader("Feedback-ID", mail.kind() + ":" + feedbackId);
        }
        EncodedBodies bodies = mail.encoded();
        if (written && bodies.text() != null && bodies.html() != null) {
            Alternative alternative = Alternative.of(bodies.text(), bodies.html());
            message.setHeader("MIME-Version", "1.0");
            message.setHeader("Content-Type", alternative.contentType());
            message.written(alternative.bytes());
            return message;
        }
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(bodies.text() != null ? quotedPrintable(bodies.text(), "plain")
                : textPart(mail.text(), "plain"));
        alternative.addBodyPart(bodies.html() != null ? asciiHtml(bodies.html()) : textPart(mail.html(), "html"));
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /** The Subject header's value as {@code setSubject(subject, "UTF-8")} sets it, encoded and folded once each. */
    static String subjectHeader(String subject) throws MessagingException {
        String header = SUBJECTS.get(subject);
        if (header == null) {
            try {
                header = MimeUtility.fold(9, MimeUtility.encodeText(subject, StandardCharsets.UTF_8.name(), null));
            } catch (UnsupportedEncodingException e) {
                throw new MessagingException("Encoding error", e);
            }
            if (SUBJECTS.size() >= SUBJECTS_KEPT) {
                SUBJECTS.clear();
            }
            SUBJECTS.put(subject, header);
        }
        return header;
    }

    /** No line break nor NUL: a value that cannot start another header. */
    static boolean headerSafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                return false;
            }
        }
        return true;
    }

    /** The HTML part: 7-bit ASCII with character references when it can be written so, else as any text part. */
    static MimeBodyPart htmlPart(String html) throws MessagingException {
        byte[] ascii = AsciiHtml.encode(html);
        return ascii != null ? asciiHtml(ascii) : textPart(html, "html");
    }

    private static MimeBodyPart asciiHtml(byte[] ascii) throws MessagingException {
        return new MimeBodyPart(partHeaders("html", "7bit"), ascii);
    }

    /**
     * A UTF-8 text part with the transfer encoding Jakarta Mail would choose; a quoted-printable one is encoded here,
     * into the same bytes, and Jakarta Mail copies them as they are.
     */
    static MimeBodyPart textPart(String body, String subtype) throws MessagingException {
        byte[] encoded = QuotedPrintable.encodeIfChosen(body);
        if (encoded != null) {
            return quotedPrintable(encoded, subtype);
        }
        MimeBodyPart part = new MimeBodyPart();
        part.setText(body, StandardCharsets.UTF_8.name(), subtype);
        part.setHeader("Content-Transfer-Encoding", TransferEncoding.of(body));
        return part;
    }

    private static MimeBodyPart quotedPrintable(byte[] encoded, String subtype) throws MessagingException {
        return new MimeBodyPart(partHeaders(subtype, TransferEncoding.QUOTED_PRINTABLE), encoded);
    }

    /**
     * The Date header of a message composed now, as {@code setSentDate} writes it: formatted once a second rather than
     * for each mail (a date format's pass for every mail was a fiftieth of a sender's time).
     */
    static String sentDate() {
        long second = System.currentTimeMillis() / 1000;
        SentDate last = lastDate;
        if (last.second != second) {
            String header;
            synchronized (DATES) {
                header = DATES.format(new Date(second * 1000));
            }
            last = new SentDate(second, header);
            lastDate = last;
        }
        return last.header;
    }

    private record SentDate(long second, String header) {
    }

    private static InternetHeaders partHeaders(String subtype, String encoding) {
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", "text/" + subtype + "; charset=UTF-8");
        headers.setHeader("Content-Transfer-Encoding", encoding);
        return headers;
    }
}
