package dev.paperboy.paper.source;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The instant a {@code Retry-After} header names: a number of seconds, or an HTTP date. */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The instant, or null when the header is missing or unreadable. */
    static Instant parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.matches("\\d{1,9}")) {
            return now.plusSeconds(Long.parseLong(value));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isBefore(now) ? now : at;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
