package dev.paperboy.mail;

import java.util.List;

/**
 * One page of the outbox: its mails (newest first), how many mails the outbox holds, how many newer ones came before
 * this page, and the file name to ask for the next, older page from (null on the last page).
 */
public record OutboxPage(List<OutboxMail> mails, int total, int newer, String next) {
}
