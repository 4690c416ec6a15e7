package dev.paperboy.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One mail read back from the outbox, as the admin pages show it. */
public record OutboxMail(String name, String to, String subject, String date, List<String> headers,
                         String text, String html) {

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
