package dev.paperboy.digest;

import dev.paperboy.subscriber.Subscriber;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The period a digest covers, named in the subscriber's own zone: a day (2026-11-28) or an ISO week (2026-W48, Monday
 * to Sunday, delivered on the subscriber's weekday).
 */
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
     * of the week's chosen weekday) has come, and came after the subscription was confirmed, so the first digest waits for
     * the next delivery hour rather than going out the moment someone confirms.
     */
    static boolean isDue(Subscriber subscriber, Instant at) {
        Instant moment = deliveryMoment(subscriber, at);
        return !at.isBefore(moment) && (subscriber.confirmedAt == null || !moment.isBefore(subscriber.confirmedAt));
    }

    /**
     * As {@link #isDue(Subscriber, Instant)}, and the subscriber's last digest ({@code lastDecided}, the moment its
     * run served; null for none) was decided before this period began in their zone. So a zone moved west, or daily
     * turned weekly mid-week, names a period that was already served, and the next digest waits for the next
     * period's delivery moment: one digest per local day (or week), whatever the person changes.
     */
    static boolean isDue(Subscriber subscriber, Instant at, Instant lastDecided) {
        return isDue(subscriber, at) && (lastDecided == null || lastDecided.isBefore(start(subscriber, at)));
    }

    /**
     * As {@link #isDue(Subscriber, Instant, Instant)}, and no later than {@code catchUpLimit} after the delivery
     * moment: a period missed while Paperboy was down is caught up once when it comes back, within its own period
     * (the day, or the week), but not when its moment is older than that (nobody wants last week's news at midnight);
     * its papers then go into the next period's digest.
     */
    static boolean isDue(Subscriber subscriber, Instant at, Instant lastDecided, Duration catchUpLimit) {
        return isDue(subscriber, at, lastDecided) && !at.isAfter(deliveryMoment(subscriber, at).plus(catchUpLimit));
    }

    /** The first instant of the period around {@code at}: local midnight of its day, or of its week's Monday. */
    static Instant start(Subscriber subscriber, Instant at) {
        return firstDay(subscriber, at).atStartOfDay(subscriber.zone()).toInstant();
    }

    /** The period's day, or its week's Monday, in the subscriber's zone. */
    private static LocalDate firstDay(Subscriber subscriber, Instant at) {
        LocalDate day = at.atZone(subscriber.zone()).toLocalDate();
        return subscriber.cadence == Subscriber.Cadence.weekly
                ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day;
    }

    /**
     * The chosen hour on the period's day (daily) or on its chosen weekday (weekly), in the subscriber's zone. An
     * hour that the day skips (clocks going forward) comes at the end of the gap, the first instant it exists; an
     * hour the day repeats (clocks going back) comes the first time.
     */
    static Instant deliveryMoment(Subscriber subscriber, Instant at) {
        LocalDate day = firstDay(subscriber, at);
        if (subscriber.cadence == Subscriber.Cadence.weekly) {
            day = day.plusDays(subscriber.weekday().getValue() - 1L);
        }
        return day.atTime(subscriber.hour, 0).atZone(subscriber.zone()).toInstant();
    }
}
