package dev.paperboy.digest;

import dev.paperboy.subscriber.Subscriber;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

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

    /**
     * Whether the digest of the period around {@code at} is due: its delivery moment (the chosen hour of the day, or
     * of the week's Monday) has come, and came after the subscription was confirmed, so the first digest waits for
     * the next delivery hour rather than going out the moment someone confirms.
     */
    static boolean isDue(Subscriber subscriber, Instant at) {
        Instant moment = deliveryMoment(subscriber, at);
        return !at.isBefore(moment) && (subscriber.confirmedAt == null || !moment.isBefore(subscriber.confirmedAt));
    }

    /** The chosen hour on the period's day (daily) or on its Monday (weekly), in the subscriber's zone. */
    static Instant deliveryMoment(Subscriber subscriber, Instant at) {
        LocalDate day = at.atZone(subscriber.zone()).toLocalDate();
        if (subscriber.cadence == Subscriber.Cadence.weekly) {
            day = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        return day.atTime(subscriber.hour, 0).atZone(subscriber.zone()).toInstant();
    }
}
