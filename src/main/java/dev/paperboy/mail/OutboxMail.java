package dev.paperboy.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One mail read back from the outbox, as the admin pages show it. */
public record OutboxMail(String name, String to, String subject, String date, List<String> headers,
                         String text, String html) {

    /** A mail as the outbox's list shows it (to, subject, date), from its headers alone: no part is read. */
    static OutboxMail summary(String name, InternetHeaders headers) {
        String subject = headers.getHeader("Subject", null);
        if (subject != null) {
            try {
                subject = MimeUtility.decodeText(MimeUtility.unfold(subject));
            } catch (UnsupportedEncodingException e) {
                // shown as written, as MimeMessage.getSubject would not
            }
        }
        String to = headers.getHeader("To", ", ");
        return new OutboxMail(name, to == null ? "" : to, subject, headers.getHeader("Date", null), List.of(), "", "");
    }

    static OutboxMail of(String name, MimeMessage message) throws MessagingException, IOException {
        String text = "";
        String html = "";
        if (message.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
        } else {
            text = String.valueOf(message.getContent());
        }
        List<String> headers = new ArrayList<>();
        for (var header : Collections.list(message.getAllHeaders())) {
            headers.add(header.getName() + ": " + header.getValue());
        }
        return new OutboxMail(name, String.join(", ", message.getHeader("To") == null ? new String[0] : message.getHeader("To")),
                message.getSubject(), message.getHeader("Date", null), headers, text, html);
    }
}
