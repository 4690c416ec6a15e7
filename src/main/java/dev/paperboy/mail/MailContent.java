package dev.paperboy.mail;

import java.util.Map;

/**
 * One mail ready to go: recipient, subject, both bodies, its Message-ID and extra headers.
 * Header values come only from Paperboy itself or from checked input (a validated address, a token).
 */
public record MailContent(String to, String subject, String text, String html, String messageId,
                          Map<String, String> headers, String kind) {
}
