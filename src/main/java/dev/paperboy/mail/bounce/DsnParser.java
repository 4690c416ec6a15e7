package dev.paperboy.mail.bounce;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.dsn.DeliveryStatus;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a delivery status notification: a multipart/report; report-type=delivery-status (RFC 3464), its
 * message/delivery-status part parsed by Angus Mail's DSN support, and the returned message or its headers for the
 * Message-ID. Anything else (an auto-reply, spam in the bounce mailbox) is not a bounce: no result.
 */
final class DsnParser {

    private DsnParser() {
    }

    static List<Bounce> parse(MimeMessage message) throws MessagingException, IOException {
        ContentType type = new ContentType(message.getContentType());
        if (!type.match("multipart/report") || !"delivery-status".equalsIgnoreCase(type.getParameter("report-type"))) {
            return List.of();
        }
        Object content = message.getContent();
        if (!(content instanceof Multipart parts)) {
            return List.of();
        }
        DeliveryStatus status = null;
        String originalMessageId = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
                try (InputStream in = raw(part)) {
                    status = new DeliveryStatus(in);
                }
            } else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822")
                    || part.isMimeType("message/global-headers")) {
                try (InputStream in = raw(part)) {
                    originalMessageId = new InternetHeaders(in).getHeader("Message-ID", null);
                }
            }
        }
        if (status == null) {
            return List.of();
        }
        List<Bounce> bounces = new ArrayList<>();
        for (int i = 0; i < status.getRecipientDSNCount(); i++) {
            InternetHeaders recipient = status.getRecipientDSN(i);
            bounces.add(new Bounce(address(recipient.getHeader("Final-Recipient", null)),
                    lower(recipient.getHeader("Action", null)), firstWord(recipient.getHeader("Status", null)),
                    recipient.getHeader("Diagnostic-Code", " "), originalMessageId == null ? null : originalMessageId.strip()));
        }
        return bounces;
    }

    /** The part's bytes as they came, not decoded through a content handler (Quarkus registers none for these types). */
    private static InputStream raw(Part part) throws MessagingException, IOException {
        return part.getInputStream();
    }

    /** "rfc822; ada@example.org" → "ada@example.org". */
    private static String address(String field) {
        if (field == null) {
            return null;
        }
        int semicolon = field.indexOf(';');
        String address = (semicolon >= 0 ? field.substring(semicolon + 1) : field).strip();
        return address.replaceAll("^<|>$", "").toLowerCase(Locale.ROOT);
    }

    private static String firstWord(String value) {
        return value == null ? null : value.strip().split("\\s+")[0];
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
