package dev.paperboy.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** Delivery hours to tick at, found from a moment the test takes from now: never a fixed date. */
final class Moments {

    private Moments() {
    }

    /** The first {@code hour}:00 in {@code zone} after {@code after}. */
    static Instant nextHour(Instant after, ZoneId zone, int hour) {
        ZonedDateTime candidate = after.atZone(zone).truncatedTo(ChronoUnit.DAYS).withHour(hour);
        return (candidate.toInstant().isAfter(after) ? candidate : candidate.plusDays(1).withHour(hour)).toInstant();
    }

    /** The first {@code hour}:00 of a {@code day} in {@code zone} after {@code after}. */
    static Instant nextHour(Instant after, ZoneId zone, int hour, DayOfWeek day) {
        ZonedDateTime candidate = after.atZone(zone).with(TemporalAdjusters.nextOrSame(day)).truncatedTo(ChronoUnit.DAYS)
                .withHour(hour);
        return (candidate.toInstant().isAfter(after) ? candidate : candidate.plusWeeks(1)).toInstant();
    }
}
