package dev.paperboy.digest;

import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.subscriber.Subscriber.Cadence;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.paperboy.digest.PeriodTest.subscriber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One digest per local day (or week), whatever zone, hour or cadence the person changes to after a digest. */
class PeriodChangeTest {

    @Test
    void movingWestAfterTodaysDigestWaitsForTomorrowsHourThere() {
        Instant tokyoDigest = Instant.parse("2026-03-10T23:02:00Z"); // 08:02 on the 11th in Tokyo
        Subscriber moved = subscriber(Cadence.daily, "America/New_York", 8);
        Instant soonAfter = Instant.parse("2026-03-11T00:00:00Z"); // 20:00 on the 10th in New York
        assertEquals("2026-03-10", Period.of(moved, soonAfter), "a period the Tokyo digest did not name");
        assertTrue(Period.isDue(moved, soonAfter), "its 08:00 is long past");
        assertFalse(Period.isDue(moved, soonAfter, tokyoDigest), "but it came before the last digest was decided");
        assertFalse(Period.isDue(moved, Instant.parse("2026-03-11T11:59:00Z"), tokyoDigest), "07:59 in New York");
        assertTrue(Period.isDue(moved, Instant.parse("2026-03-11T12:00:00Z"), tokyoDigest), "08:00 EDT on the 11th");
        assertEquals("2026-03-11", Period.of(moved, Instant.parse("2026-03-11T12:00:00Z")),
                "the label the Tokyo digest had: the zone, part of a digest's key, keeps the two days apart");
    }

    @Test
    void movingEastAfterTodaysDigestWaitsForTheNextHourThere() {
        Instant newYorkDigest = Instant.parse("2026-03-10T12:02:00Z"); // 08:02 EDT on the 10th
        Subscriber moved = subscriber(Cadence.daily, "Asia/Tokyo", 8);
        Instant soonAfter = Instant.parse("2026-03-10T14:00:00Z"); // 23:00 on the 10th in Tokyo
        assertFalse(Period.isDue(moved, soonAfter, newYorkDigest), "Tokyo's 08:00 of the 10th came before it");
        assertFalse(Period.isDue(moved, Instant.parse("2026-03-10T22:59:00Z"), newYorkDigest));
        assertTrue(Period.isDue(moved, Instant.parse("2026-03-10T23:00:00Z"), newYorkDigest), "08:00 on the 11th");
    }

    @Test
    void dailyTurnedWeeklyMidWeekWaitsForNextMonday() {
        Instant wednesdayDigest = Instant.parse("2026-03-11T08:01:00Z");
        Subscriber weekly = subscriber(Cadence.weekly, "UTC", 8);
        assertTrue(Period.isDue(weekly, Instant.parse("2026-03-11T09:00:00Z")), "this week's Monday 08:00 has come");
        assertFalse(Period.isDue(weekly, Instant.parse("2026-03-11T09:00:00Z"), wednesdayDigest));
        assertFalse(Period.isDue(weekly, Instant.parse("2026-03-15T23:00:00Z"), wednesdayDigest), "Sunday");
        assertTrue(Period.isDue(weekly, Instant.parse("2026-03-16T08:00:00Z"), wednesdayDigest), "next Monday");
    }

    @Test
    void weeklyTurnedDailyIsServedAtTheNextDailyHour() {
        Instant mondayDigest = Instant.parse("2026-03-09T08:01:00Z");
        Subscriber daily = subscriber(Cadence.daily, "UTC", 8);
        assertFalse(Period.isDue(daily, Instant.parse("2026-03-09T12:00:00Z"), mondayDigest), "Monday was served");
        assertTrue(Period.isDue(daily, Instant.parse("2026-03-10T08:00:00Z"), mondayDigest), "Tuesday at the hour");
    }

    @Test
    void aLaterHourTheSameDayWaitsForTheNextDay() {
        Instant morningDigest = Instant.parse("2026-03-10T08:01:00Z");
        Subscriber evening = subscriber(Cadence.daily, "UTC", 20);
        assertFalse(Period.isDue(evening, Instant.parse("2026-03-10T20:00:00Z"), morningDigest));
        assertTrue(Period.isDue(evening, Instant.parse("2026-03-11T20:00:00Z"), morningDigest));
    }

    @Test
    void theDayItselfStartsAtLocalMidnightAndTheWeekOnMonday() {
        Subscriber paris = subscriber(Cadence.daily, "Europe/Paris", 8);
        assertEquals(Instant.parse("2026-03-09T23:00:00Z"), Period.start(paris, Instant.parse("2026-03-10T12:00:00Z")));
        Subscriber weekly = subscriber(Cadence.weekly, "Europe/Paris", 8);
        assertEquals(Instant.parse("2026-03-08T23:00:00Z"), Period.start(weekly, Instant.parse("2026-03-12T12:00:00Z")));
        Subscriber havana = subscriber(Cadence.daily, "America/Havana", 8); // summer time starts at midnight there
        assertEquals(Instant.parse("2026-03-08T05:00:00Z"), Period.start(havana, Instant.parse("2026-03-08T12:00:00Z")));
    }
}
