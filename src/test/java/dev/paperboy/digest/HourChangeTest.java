package dev.paperboy.digest;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import dev.paperboy.Rows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static dev.paperboy.digest.PreferencesJourneyTest.at;
import static dev.paperboy.digest.PreferencesJourneyTest.choices;
import static dev.paperboy.digest.PreferencesJourneyTest.importPaper;
import static dev.paperboy.digest.PreferencesJourneyTest.save;
import static dev.paperboy.digest.PreferencesJourneyTest.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person moves their hour or zone on the preferences page minutes before or after it: that day still brings exactly
 * one digest, at the first pass of the clock at or after the hour they hold when it comes. The clock's pass
 * ({@link DigestRunner#tick}) runs at instants days ahead of now, as the other journeys do.
 */
@QuarkusTest
class HourChangeTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    DigestRunner runner;

    @Test
    void aLaterHourChosenMinutesBeforeTheHourMovesThatDaysDigest() {
        String email = People.address("hour.later.before");
        String preferences = signUp(greenMail, email, "narwhal tusk sensing", 8, "UTC");
        importPaper("hour-later-before-1", "Narwhal tusk sensing of salinity", "Narwhal tusk sensing in fjords.");
        LocalDate day = LocalDate.now(ZoneId.of("UTC")).plusDays(2);
        runner.tick(at(day, 7, 50, "UTC"));
        save(preferences, choices("narwhal tusk sensing", "daily", 9, "UTC", false));
        runner.tick(at(day, 8, 0, "UTC"));
        runner.tick(at(day, 8, 55, "UTC"));
        assertEquals(0, Rows.digests(email).size(), "not at 8:00, no longer the hour");
        runner.tick(at(day, 9, 0, "UTC"));
        assertEquals("sent", Rows.digest(email, day.toString()).state());
        assertDigestsStay(email, 1, day, 9, 5, 12, 0, 23, 55);
        assertEquals(2, new Mailbox(greenMail, email).messages().size(), "the confirmation and one digest");
    }

    @Test
    void aLaterHourChosenMinutesAfterTodaysDigestWaitsForTomorrow() {
        String email = People.address("hour.later.after");
        String preferences = signUp(greenMail, email, "axolotl limb regrowth", 8, "UTC");
        importPaper("hour-later-after-1", "Axolotl limb regrowth signals", "Axolotl limb regrowth and nerves.");
        LocalDate day = LocalDate.now(ZoneId.of("UTC")).plusDays(2);
        runner.tick(at(day, 8, 0, "UTC"));
        assertEquals("sent", Rows.digest(email, day.toString()).state());
        save(preferences, choices("axolotl limb regrowth", "daily", 9, "UTC", false));
        importPaper("hour-later-after-2", "Axolotl limb regrowth in old age", "Axolotl limb regrowth slows.");
        assertDigestsStay(email, 1, day, 9, 0, 12, 0, 23, 55);
        assertDigestsStay(email, 1, day.plusDays(1), 8, 5, 8, 55);
        runner.tick(at(day.plusDays(1), 9, 0, "UTC"));
        assertEquals("sent", Rows.digest(email, day.plusDays(1).toString()).state());
        assertTrue(new Mailbox(greenMail, email).awaitMail(3).text().contains("Axolotl limb regrowth in old age"));
    }

    @Test
    void anEarlierHourAlreadyPastIsServedAtTheNextPassOnce() {
        String email = People.address("hour.earlier.before");
        String preferences = signUp(greenMail, email, "quokka heat tolerance", 8, "UTC");
        importPaper("hour-earlier-1", "Quokka heat tolerance on Rottnest", "Quokka heat tolerance in summer.");
        LocalDate day = LocalDate.now(ZoneId.of("UTC")).plusDays(2);
        runner.tick(at(day, 7, 50, "UTC"));
        save(preferences, choices("quokka heat tolerance", "daily", 7, "UTC", false));
        runner.tick(at(day, 7, 55, "UTC"));
        assertEquals("sent", Rows.digest(email, day.toString()).state(), "7:00 has passed and today has no digest yet");
        assertDigestsStay(email, 1, day, 8, 0, 8, 5, 23, 55);
    }

    @Test
    void aZoneChosenMinutesBeforeTheHourMovesThatDaysDigest() {
        String email = People.address("zone.before");
        String preferences = signUp(greenMail, email, "puffin burrow sharing", 8, "Europe/Berlin");
        importPaper("zone-before-1", "Puffin burrow sharing on Skomer", "Puffin burrow sharing among pairs.");
        LocalDate day = LocalDate.now(ZoneId.of("Europe/London")).plusDays(2);
        runner.tick(at(day, 7, 55, "Europe/Berlin"));
        save(preferences, choices("puffin burrow sharing", "daily", 8, "Europe/London", false));
        runner.tick(at(day, 8, 0, "Europe/Berlin"));
        runner.tick(at(day, 7, 55, "Europe/London"));
        assertEquals(0, Rows.digests(email).size(), "not at 8:00 in Berlin, nor before 8:00 in London");
        runner.tick(at(day, 8, 0, "Europe/London"));
        assertEquals("sent", Rows.digest(email, day.toString()).state());
        assertEquals(1, Rows.digests(email).size());
    }

    @Test
    void aZoneChosenMinutesAfterTodaysDigestWaitsForTomorrowThere() {
        String email = People.address("zone.after");
        String preferences = signUp(greenMail, email, "gecko toe adhesion", 8, "Europe/Berlin");
        importPaper("zone-after-1", "Gecko toe adhesion on wet glass", "Gecko toe adhesion in rain.");
        LocalDate day = LocalDate.now(ZoneId.of("Europe/London")).plusDays(2);
        runner.tick(at(day, 8, 0, "Europe/Berlin"));
        assertEquals("sent", Rows.digest(email, day.toString()).state());
        save(preferences, choices("gecko toe adhesion", "daily", 8, "Europe/London", false));
        importPaper("zone-after-2", "Gecko toe adhesion and dust", "Gecko toe adhesion self-cleans.");
        runner.tick(at(day, 8, 0, "Europe/London"));
        runner.tick(at(day, 23, 55, "Europe/London"));
        assertEquals(1, Rows.digests(email).size(), "London's day began before the Berlin digest");
        runner.tick(at(day.plusDays(1), 8, 0, "Europe/London"));
        assertEquals(2, Rows.digests(email).size());
        assertTrue(new Mailbox(greenMail, email).awaitMail(3).text().contains("Gecko toe adhesion and dust"));
    }

    /** Passes of the clock on {@code day} at each (hour, minute) in UTC; the subscriber's digests stay {@code count}. */
    private void assertDigestsStay(String email, int count, LocalDate day, int... hoursAndMinutes) {
        for (int i = 0; i < hoursAndMinutes.length; i += 2) {
            runner.tick(at(day, hoursAndMinutes[i], hoursAndMinutes[i + 1], "UTC"));
            assertEquals(count, Rows.digests(email).size(), "at " + hoursAndMinutes[i] + ":" + hoursAndMinutes[i + 1]);
        }
    }
}
