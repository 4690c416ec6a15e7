package dev.paperboy.admin;

import dev.paperboy.digest.RunReport;
import io.quarkus.qute.TemplateExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the admin pages write times and a run's progress; the dashboard's script writes them the same way. */
@TemplateExtension
class AdminFormats {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private AdminFormats() {
    }

    /** An instant in UTC to the second, like 2026-11-28 08:00:05. */
    static String utc(Instant instant) {
        return UTC.format(instant);
    }

    /** The digests of a run no longer waiting for a first send: sent, empty, failed, cancelled or retrying. */
    static long settled(RunReport run) {
        return run.due() - run.pending();
    }

    /** A search text or address key as one query parameter's value (the page escapes it again for HTML). */
    static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A progress bar needs a positive maximum; a run with nothing due shows an empty one. */
    static long progressMax(RunReport run) {
        return Math.max(1, run.due());
    }
}
