package dev.paperboy.digest;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import dev.paperboy.Rows;
import dev.paperboy.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person changes their subscription from the link in their mail (over HTTP, as from a mail client), and the
 * clock's own pass ({@link DigestRunner#tick}) follows: pausing stops digests, resuming brings them back, new
 * interests, hour, zone and cadence change what is sent and when. Instants are derived from now, days ahead.
 */
@QuarkusTest
class PreferencesJourneyTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    DigestRunner runner;

    @Test
    void aPausedSubscriberGetsNothingAndResumingDeliversAgain() {
        String email = People.address("journey.pause");
        String preferences = signUp(greenMail, email, "manatee seagrass grazing", 8, "UTC");
        Mailbox mailbox = new Mailbox(greenMail, email);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        importPaper("journey-pause-1", "Manatee seagrass grazing in Florida", "Manatees graze seagrass meadows.");
        runner.tick(at(day, 8, 5, "UTC"));
        Mailbox.Mail first = mailbox.awaitMail(2);
        assertEquals("sent", Rows.digest(email, day.toString()).state());
        assertEquals(preferences, first.linkPath("/preferences/"), "the digest carries the same preferences link");

        save(first.linkPath("/preferences/"), choices("manatee seagrass grazing", "daily", 8, "UTC", true));
        assertEquals("paused", Rows.subscriberState(email).orElseThrow());
        importPaper("journey-pause-2", "Manatee seagrass grazing after hurricanes", "Hurricanes and manatee seagrass grazing.");
        runner.tick(at(day.plusDays(1), 8, 5, "UTC"));
        assertEquals(1, Rows.digests(email).size(), "nothing decided for a paused subscriber");
        assertEquals(2, mailbox.messages().size(), "and no mail");

        save(preferences, choices("manatee seagrass grazing", "daily", 8, "UTC", false));
        assertEquals("active", Rows.subscriberState(email).orElseThrow());
        runner.tick(at(day.plusDays(2), 8, 5, "UTC"));
        assertEquals("sent", Rows.digest(email, day.plusDays(2).toString()).state());
        assertTrue(mailbox.awaitMail(3).text().contains("Manatee seagrass grazing after hurricanes"),
                "resuming delivers again, with what arrived during the pause");
    }

    @Test
    void newInterestsChangeWhatIsSent() {
        String email = People.address("journey.interests");
        String preferences = signUp(greenMail, email, "tardigrade cryptobiosis", 8, "UTC");
        save(preferences, choices("kakapo breeding", "daily", 8, "UTC", false));
        importPaper("journey-interests-1", "Tardigrade cryptobiosis revisited", "Tardigrade cryptobiosis in dry moss.");
        importPaper("journey-interests-2", "Kakapo breeding and rimu mast years", "Kakapo breeding follows rimu masts.");
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        runner.tick(at(day, 8, 5, "UTC"));
        assertEquals("sent", Rows.digest(email, day.toString()).state());
        String text = new Mailbox(greenMail, email).awaitMail(2).text();
        assertTrue(text.contains("Kakapo breeding and rimu mast years"), text);
        assertFalse(text.contains("Tardigrade"), "the interest given up brings nothing");
    }

    @Test
    void aNewHourAndZoneMoveTheDigest() {
        String email = People.address("journey.zone");
        String preferences = signUp(greenMail, email, "okapi foraging", 7, "Europe/Berlin");
        save(preferences, choices("okapi foraging", "daily", 9, "America/New_York", false));
        importPaper("journey-zone-1", "Okapi foraging in the Ituri forest", "Okapi foraging on understory leaves.");
        LocalDate day = LocalDate.now(ZoneId.of("America/New_York")).plusDays(2);
        Mailbox mailbox = new Mailbox(greenMail, email);

        runner.tick(at(day, 7, 5, "Europe/Berlin"));
        runner.tick(at(day, 8, 55, "America/New_York"));
        assertEquals(List.of(), Rows.digests(email), "not at 7:00 in Berlin, nor before 9:00 in New York");
        assertEquals(1, mailbox.messages().size(), "the confirmation only");

        runner.tick(at(day, 9, 5, "America/New_York"));
        assertEquals("sent", Rows.digest(email, day.toString()).state());
        assertTrue(mailbox.awaitMail(2).text().contains("Okapi foraging in the Ituri forest"));
    }

    /** Switched from daily to weekly: one digest an ISO week, on its Monday at the hour, however often the clock passes. */
    @Test
    void weeklyGivesOneDigestPerIsoWeek() {
        String email = People.address("journey.weekly");
        String preferences = signUp(greenMail, email, "pangolin conservation", 9, "UTC");
        save(preferences, choices("pangolin conservation", "weekly", 9, "UTC", false));
        importPaper("journey-weekly-1", "Pangolin conservation in Sabah", "Pangolin conservation and trafficking.");
        Mailbox mailbox = new Mailbox(greenMail, email);
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).plusDays(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));

        runner.tick(at(monday, 8, 55, "UTC"));
        assertEquals(List.of(), Rows.digests(email), "not before Monday at the hour");
        runner.tick(at(monday, 9, 5, "UTC"));
        assertEquals("sent", Rows.digest(email, week(monday)).state());
        assertTrue(mailbox.awaitMail(2).text().contains("Pangolin conservation in Sabah"));

        importPaper("journey-weekly-2", "Pangolin conservation and scale seizures", "Scale seizures inform pangolin conservation.");
        for (int day = 1; day < 7; day++) {
            runner.tick(at(monday.plusDays(day), 9, 5, "UTC"));
            runner.tick(at(monday.plusDays(day), 21, 0, "UTC"));
        }
        assertEquals(1, Rows.digests(email).size(), "one digest in the week: " + Rows.digests(email));
        assertEquals(2, mailbox.messages().size());

        runner.tick(at(monday.plusWeeks(1), 9, 5, "UTC"));
        assertEquals("sent", Rows.digest(email, week(monday.plusWeeks(1))).state());
        String next = mailbox.awaitMail(3).text();
        assertTrue(next.contains("Pangolin conservation and scale seizures"), "the next week brings what came since");
        assertFalse(next.contains("in Sabah"));
    }

    /** Signs up through the form, confirms from the mail, and returns the preferences link of the confirmed page. */
    static String signUp(GreenMail greenMail, String email, String interests, int hour, String zone) {
        Map<String, String> form = new LinkedHashMap<>(choices(interests, "daily", hour, zone, false));
        form.put("email", email);
        new Visitor().submit("/", "/subscribe", form).then().statusCode(200);
        String confirm = new Mailbox(greenMail, email).awaitMail(1).linkPath("/confirm/");
        String confirmed = new Visitor().submit(confirm, confirm, Map.of()).then().statusCode(200).extract().asString();
        Matcher link = Pattern.compile("href=\"https?://[^/\"]+(/preferences/[^\"]+)\"").matcher(confirmed);
        assertTrue(link.find(), confirmed);
        return link.group(1);
    }

    static Map<String, String> choices(String interests, String cadence, int hour, String zone, boolean paused) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("interests", interests);
        fields.put("cadence", cadence);
        fields.put("hour", Integer.toString(hour));
        fields.put("timezone", zone);
        if (paused) {
            fields.put("paused", "on");
        }
        return fields;
    }

    static void save(String preferences, Map<String, String> fields) {
        new Visitor().submit(preferences, preferences, fields).then().statusCode(200).body(containsString("Saved."));
    }

    static void importPaper(String id, String title, String abstractText) {
        AdminApi.importPapers("[{\"id\": \"%s\", \"title\": \"%s\", \"abstract\": \"%s\"}]".formatted(id, title, abstractText));
    }

    static Instant at(LocalDate day, int hour, int minute, String zone) {
        return day.atTime(hour, minute).atZone(ZoneId.of(zone)).toInstant();
    }

    private static String week(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
