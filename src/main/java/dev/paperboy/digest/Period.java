package dev.paperboy.digest;

import dev.paperboy.subscriber.Subscriber;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

/** The period a digest covers, named in the subscriber's own zone: a day (2026-11-28) or an ISO week (2026-W48). */
final class Period {

    private Period() {
    }

    static String of(Subscriber subscriber, Instant at) {
        ZonedDateTime local = at.atZone(subscriber.zone());
        return switch (subscriber.cadence) {
            case daily -> local.toLocalDate().toString();
            case weekly -> String.format("%d-W%02d", local.get(IsoFields.WEEK_BASED_YEAR), local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        };
    }

    /** Whether the subscriber's chosen local hour has come, on this day. */
    static boolean hourHasCome(Subscriber subscriber, Instant at) {
        return at.atZone(subscriber.zone()).getHour() >= subscriber.hour;
    }
}
