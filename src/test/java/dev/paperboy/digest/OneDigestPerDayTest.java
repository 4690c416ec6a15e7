package dev.paperboy.digest;

import dev.paperboy.AdminApi;
import dev.paperboy.Mailbox;
import dev.paperboy.ScriptedRelay;
import dev.paperboy.Visitor;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Through the clock's own pass, with instants taken from now: after a digest, a new zone or cadence never brings a
 * second one before the next delivery moment of the new choice.
 */
@QuarkusTest
@TestProfile(ScriptedRelayProfile.class)
class OneDigestPerDayTest {

    ScriptedRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DigestRunner runner;

    @Test
    void movingFromTokyoToNewYorkAfterTodaysDigestWaitsForTomorrowsHourInNewYork() {
        Rows rows = new Rows(dataSource);
        String email = "tokyo.mover@example.org";
        rows.subscribe(email, "moth navigation", ", \"hour\": 8, \"timezone\": \"Asia/Tokyo\"");
        AdminApi.importPapers("""
                [{"id": "mover-1", "title": "Moth navigation by starlight",
                  "abstract": "Moth navigation uses the Milky Way."}]""");
        // the first Tokyo 08:00 at least half a day away, so New York's 08:00 before it also follows the sign-up
        Instant tokyoHour = Moments.nextHour(Instant.now().plus(Duration.ofHours(12)), ZoneId.of("Asia/Tokyo"), 8);
        runner.tick(tokyoHour.plus(2, ChronoUnit.MINUTES));
        MimeMessage first = relay.awaitMessagesTo(email, 1).get(0);
        assertTrue(ScriptedRelay.text(first).contains("Moth navigation by starlight"));

        changePreferences(first, "daily", "8", "America/New_York");
        AdminApi.importPapers("""
                [{"id": "mover-2", "title": "Moth navigation under city lights",
                  "abstract": "Artificial light disturbs moth navigation."}]""");
        Instant newYorkHour = Moments.nextHour(tokyoHour, ZoneId.of("America/New_York"), 8);
        for (Instant at = tokyoHour.plus(30, ChronoUnit.MINUTES); at.isBefore(newYorkHour); at = at.plus(3, ChronoUnit.HOURS)) {
            runner.tick(at);
            assertEquals(1, rows.digestStates(email).size(), "no second digest for New York's day, at " + at);
        }
        runner.tick(newYorkHour.minus(1, ChronoUnit.MINUTES));
        assertEquals(1, rows.digestStates(email).size(), "not before 08:00 in New York");

        runner.tick(newYorkHour.plus(2, ChronoUnit.MINUTES));
        List<MimeMessage> mails = relay.awaitMessagesTo(email, 2);
        String second = ScriptedRelay.text(mails.get(1));
        assertTrue(second.contains("Moth navigation under city lights"), second);
        assertFalse(second.contains("by starlight"), "a paper never arrives twice");
        assertEquals(List.of("sent", "sent"), rows.digestStates(email));
        assertEquals(2, relay.messagesTo(email).size());
    }

    @Test
    void turningDailyIntoWeeklyMidWeekWaitsForNextMonday() {
        Rows rows = new Rows(dataSource);
        String email = "weekly.switcher@example.org";
        rows.subscribe(email, "lamprey spawning", ", \"hour\": 8, \"timezone\": \"UTC\"");
        AdminApi.importPapers("""
                [{"id": "switch-1", "title": "Lamprey spawning migrations",
                  "abstract": "Where lamprey spawning takes place."}]""");
        // a Wednesday whose Monday comes after the sign-up, so that week's weekly digest would be due at once
        Instant monday = Moments.nextHour(Instant.now(), ZoneId.of("UTC"), 8, DayOfWeek.MONDAY);
        Instant wednesday = monday.plus(2, ChronoUnit.DAYS);
        runner.tick(wednesday.plus(2, ChronoUnit.MINUTES));
        MimeMessage first = relay.awaitMessagesTo(email, 1).get(0);

        changePreferences(first, "weekly", "8", "UTC");
        AdminApi.importPapers("""
                [{"id": "switch-2", "title": "Lamprey spawning and river dams",
                  "abstract": "Dams block lamprey spawning runs."}]""");
        runner.tick(wednesday.plus(3, ChronoUnit.HOURS));
        runner.tick(wednesday.plus(2, ChronoUnit.DAYS));
        assertEquals(1, rows.digestStates(email).size(), "this week was served on Wednesday");

        runner.tick(monday.plus(7, ChronoUnit.DAYS).plus(2, ChronoUnit.MINUTES));
        String weekly = ScriptedRelay.text(relay.awaitMessagesTo(email, 2).get(1));
        assertTrue(weekly.contains("Lamprey spawning and river dams"), weekly);
        assertEquals(2, relay.messagesTo(email).size());
    }

    private static void changePreferences(MimeMessage digest, String cadence, String hour, String zone) {
        String preferences = new Mailbox.Mail(digest).linkPath("/preferences/");
        String interests = "moth navigation\nlamprey spawning";
        new Visitor().submit(preferences, preferences, Map.of("interests", interests, "cadence", cadence,
                "hour", hour, "timezone", zone)).then().statusCode(200);
    }
}
