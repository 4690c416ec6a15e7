package dev.paperboy.digest;

import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.subscriber.Subscriber.Cadence;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Periods are named in the subscriber's own zone (also across the date line), and the hour counts locally. */
class PeriodTest {

    static Subscriber subscriber(Cadence cadence, String zone, int hour) {
        Subscriber subscriber = new Subscriber();
        subscriber.cadence = cadence;
        subscriber.timezone = zone;
        subscriber.hour = hour;
        return subscriber;
    }

    private static String daily(String zone, String instant) {
        return Period.of(subscriber(Cadence.daily, zone, 8), Instant.parse(instant));
    }

    private static String weekly(String zone, String instant) {
        return Period.of(subscriber(Cadence.weekly, zone, 8), Instant.parse(instant));
    }

    @Test
    void aDayIsTheLocalDate() {
        assertEquals("2026-11-28", daily("UTC", "2026-11-28T23:30:00Z"));
        assertEquals("2026-11-29", daily("Europe/Paris", "2026-11-28T23:30:00Z"));
        assertEquals("2026-11-28", daily("America/New_York", "2026-11-29T04:59:59Z"));
        assertEquals("2026-11-29", daily("America/New_York", "2026-11-29T05:00:00Z"));
        assertEquals("2026-11-29", daily("Asia/Kolkata", "2026-11-28T18:30:00Z"));
        assertEquals("2026-11-28", daily("Asia/Kolkata", "2026-11-28T18:29:59Z"));
    }

    /** One instant, two calendar days apart: Kiritimati is UTC+14, Pago Pago UTC-11. */
    @Test
    void theDateLineSplitsOneInstantIntoDifferentDays() {
        String instant = "2026-11-28T11:00:00Z";
        assertEquals("2026-11-29", daily("Pacific/Kiritimati", instant));
        assertEquals("2026-11-28", daily("Pacific/Pago_Pago", instant));
        assertEquals("2026-11-27", daily("Etc/GMT+12", instant));
    }

    @Test
    void aWeekIsTheLocalIsoWeekWithItsWeekBasedYear() {
        assertEquals("2026-W48", weekly("UTC", "2026-11-28T12:00:00Z"));
        assertEquals("2026-W05", weekly("UTC", "2026-01-28T12:00:00Z"));
        // Sunday 3 January 2021 still belongs to 2020's week 53; Monday the 4th opens 2021-W01.
        assertEquals("2020-W53", weekly("UTC", "2021-01-03T23:30:00Z"));
        assertEquals("2021-W01", weekly("Europe/Berlin", "2021-01-03T23:30:00Z"));
        // Monday 30 December 2024 is in 2025-W01.
        assertEquals("2025-W01", weekly("UTC", "2024-12-30T00:00:00Z"));
        assertEquals("2024-W52", weekly("America/Los_Angeles", "2024-12-30T00:00:00Z"));
    }

    @Test
    void theDateLineCanPutOneInstantInTwoWeeks() {
        String sundayEvening = "2026-11-29T11:00:00Z"; // Monday 01:00 in Kiritimati, Sunday 00:00 in Pago Pago
        assertEquals("2026-W49", weekly("Pacific/Kiritimati", sundayEvening));
        assertEquals("2026-W48", weekly("Pacific/Pago_Pago", sundayEvening));
    }

    @Test
    void theHourComesAtTheLocalHourWithSummerTime() {
        Subscriber paris = subscriber(Cadence.daily, "Europe/Paris", 8);
        assertFalse(Period.isDue(paris, Instant.parse("2026-06-15T05:59:59Z")), "07:59 CEST");
        assertTrue(Period.isDue(paris, Instant.parse("2026-06-15T06:00:00Z")), "08:00 CEST");
        assertFalse(Period.isDue(paris, Instant.parse("2026-01-15T06:59:59Z")), "07:59 CET");
        assertTrue(Period.isDue(paris, Instant.parse("2026-01-15T07:00:00Z")), "08:00 CET");
        assertTrue(Period.isDue(paris, Instant.parse("2026-01-15T22:59:59Z")), "23:59 CET, same day");
        assertFalse(Period.isDue(paris, Instant.parse("2026-01-15T23:00:00Z")), "00:00 CET the next day");
    }

    @Test
    void theHourOnHalfHourAndFarOffsets() {
        Subscriber kolkata = subscriber(Cadence.daily, "Asia/Kolkata", 8);
        assertFalse(Period.isDue(kolkata, Instant.parse("2026-03-10T02:29:59Z")));
        assertTrue(Period.isDue(kolkata, Instant.parse("2026-03-10T02:30:00Z")));
        Subscriber kiritimati = subscriber(Cadence.daily, "Pacific/Kiritimati", 6);
        assertFalse(Period.isDue(kiritimati, Instant.parse("2026-03-09T15:59:59Z")), "05:59 on the 10th");
        assertTrue(Period.isDue(kiritimati, Instant.parse("2026-03-09T16:00:00Z")), "06:00 on the 10th");
    }

    @Test
    void midnightAndLastHour() {
        assertTrue(Period.isDue(subscriber(Cadence.daily, "UTC", 0), Instant.parse("2026-03-10T00:00:00Z")));
        Subscriber late = subscriber(Cadence.daily, "America/Los_Angeles", 23);
        assertFalse(Period.isDue(late, Instant.parse("2026-03-11T05:59:59Z")), "22:59 PDT");
        assertTrue(Period.isDue(late, Instant.parse("2026-03-11T06:00:00Z")), "23:00 PDT");
    }

    @Test
    void aWeeklyDigestIsDueFromMondayAtTheHour() {
        Subscriber weekly = subscriber(Cadence.weekly, "America/Los_Angeles", 23);
        assertFalse(Period.isDue(weekly, Instant.parse("2026-03-10T05:59:59Z")), "Monday 22:59 PDT");
        assertTrue(Period.isDue(weekly, Instant.parse("2026-03-10T06:00:00Z")), "Monday 23:00 PDT");
        assertTrue(Period.isDue(weekly, Instant.parse("2026-03-12T01:00:00Z")), "Wednesday, not sent yet");
    }

    @Test
    void theFirstDigestWaitsForTheNextDeliveryHourAfterConfirming() {
        Subscriber fresh = subscriber(Cadence.daily, "UTC", 8);
        fresh.confirmedAt = Instant.parse("2026-03-10T15:00:00Z");
        assertFalse(Period.isDue(fresh, Instant.parse("2026-03-10T15:02:00Z")), "today's 08:00 was before confirming");
        assertFalse(Period.isDue(fresh, Instant.parse("2026-03-11T07:59:00Z")));
        assertTrue(Period.isDue(fresh, Instant.parse("2026-03-11T08:00:00Z")), "the next morning");
    }

    private static Subscriber weeklyOn(java.time.DayOfWeek day, String zone, int hour) {
        Subscriber subscriber = subscriber(Cadence.weekly, zone, hour);
        subscriber.weekdayNumber = day.getValue();
        return subscriber;
    }

    @Test
    void aWeeklyDigestComesOnTheChosenWeekdayOfItsIsoWeek() {
        Subscriber thursday = weeklyOn(java.time.DayOfWeek.THURSDAY, "UTC", 8); // 2026-12-03 is a Thursday
        assertFalse(Period.isDue(thursday, Instant.parse("2026-12-02T12:00:00Z")), "Wednesday");
        assertFalse(Period.isDue(thursday, Instant.parse("2026-12-03T07:59:59Z")));
        assertTrue(Period.isDue(thursday, Instant.parse("2026-12-03T08:00:00Z")));
        assertTrue(Period.isDue(thursday, Instant.parse("2026-12-06T23:59:59Z")), "still that week, Sunday night");
        assertFalse(Period.isDue(thursday, Instant.parse("2026-12-07T08:00:00Z")), "Monday of the next week");
        assertEquals("2026-W49", Period.of(thursday, Instant.parse("2026-12-03T08:00:00Z")));
        Subscriber sunday = weeklyOn(java.time.DayOfWeek.SUNDAY, "Europe/Paris", 18);
        assertEquals(Instant.parse("2026-12-06T17:00:00Z"), Period.deliveryMoment(sunday, Instant.parse("2026-11-30T09:00:00Z")),
                "the last day of the ISO week, at 18:00 in Paris");
        Subscriber monday = subscriber(Cadence.weekly, "UTC", 8);
        assertEquals(Instant.parse("2026-11-30T08:00:00Z"), Period.deliveryMoment(monday, Instant.parse("2026-12-03T09:00:00Z")),
                "Monday unless chosen otherwise");
    }

    @Test
    void aMissedPeriodIsCaughtUpOnlyWithinTheLimit() {
        java.time.Duration twoDays = java.time.Duration.ofDays(2);
        Subscriber monday = subscriber(Cadence.weekly, "UTC", 8); // Monday 2026-11-30 08:00
        assertTrue(Period.isDue(monday, Instant.parse("2026-11-30T08:00:00Z"), null, twoDays));
        assertTrue(Period.isDue(monday, Instant.parse("2026-12-01T15:00:00Z"), null, twoDays), "back on Tuesday: caught up");
        assertTrue(Period.isDue(monday, Instant.parse("2026-12-02T08:00:00Z"), null, twoDays), "exactly the limit");
        assertFalse(Period.isDue(monday, Instant.parse("2026-12-02T08:00:01Z"), null, twoDays), "back on Wednesday: too old");
        assertFalse(Period.isDue(monday, Instant.parse("2026-12-06T23:00:00Z"), null, twoDays), "Sunday: last week's news");
        assertTrue(Period.isDue(monday, Instant.parse("2026-12-07T08:00:00Z"), null, twoDays), "the next Monday as usual");
        assertFalse(Period.isDue(monday, Instant.parse("2026-12-01T15:00:00Z"), Instant.parse("2026-11-30T08:00:00Z"),
                twoDays), "caught up once: not again after the week's digest was decided");

        Subscriber daily = subscriber(Cadence.daily, "UTC", 8);
        java.time.Duration sixHours = java.time.Duration.ofHours(6);
        assertTrue(Period.isDue(daily, Instant.parse("2026-11-30T13:59:00Z"), null, sixHours));
        assertFalse(Period.isDue(daily, Instant.parse("2026-11-30T14:01:00Z"), null, sixHours), "a short limit holds for days too");
    }

    @Test
    void anHourSkippedOrRepeatedByTheClocksComesOnceAtItsFirstInstant() {
        // Berlin: clocks go from 02:00 to 03:00 on 2027-03-28 and from 03:00 back to 02:00 on 2027-10-31
        Subscriber gap = subscriber(Cadence.daily, "Europe/Berlin", 2);
        assertEquals(Instant.parse("2027-03-28T01:00:00Z"), Period.deliveryMoment(gap, Instant.parse("2027-03-28T12:00:00Z")),
                "02:00 does not exist: at the end of the gap, 03:00 CEST");
        assertFalse(Period.isDue(gap, Instant.parse("2027-03-28T00:59:59Z")));
        Subscriber overlap = subscriber(Cadence.daily, "Europe/Berlin", 2);
        assertEquals(Instant.parse("2027-10-31T00:00:00Z"), Period.deliveryMoment(overlap, Instant.parse("2027-10-31T12:00:00Z")),
                "02:00 comes twice: the first, 02:00 CEST");
        Subscriber weekly = weeklyOn(java.time.DayOfWeek.SUNDAY, "Europe/Berlin", 2);
        assertEquals(Instant.parse("2027-03-28T01:00:00Z"), Period.deliveryMoment(weekly, Instant.parse("2027-03-24T12:00:00Z")));
    }
}
