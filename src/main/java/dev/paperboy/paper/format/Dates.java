package dev.paperboy.paper.format;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The dates feeds write: ISO-8601 (Atom, JSON, OAI-PMH) or RFC 822 (RSS). */
final class Dates {

    private Dates() {
    }

    /** The instant {@code value} names, null when there is none; a value that is no date rejects its entry. */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    try {
                        return OffsetDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    } catch (DateTimeParseException notRfc822) {
                        throw new IllegalArgumentException(field + " is not an ISO-8601 date (nor an RFC 822 one): " + value);
                    }
                }
            }
        }
    }
}
