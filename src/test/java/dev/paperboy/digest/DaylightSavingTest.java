package dev.paperboy.digest;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import dev.paperboy.Rows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * On the days the clocks change, a subscriber whose hour is the one skipped or the one repeated gets exactly one
 * digest, through the clock's own pass run every half hour across that local day. The days are the next
 * transitions of the zone's own rules after now, so the test never runs out of dates.
 */
@QuarkusTest
class DaylightSavingTest {

    /** Zones tried in turn, should a tzdata update ever drop summer time from one. */
    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Australia/Sydney");

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    DigestRunner runner;

    /** Spring forward: 02:00 does not exist that day; the digest comes at the first moment after the gap. */
    @Test
    void theHourThatDoesNotExistGivesOneDigest() {
        Change change = nextChange(true);
        ZoneOffsetTransition gap = change.transition();
        int hour = gap.getDateTimeBefore().getHour();
        LocalDate day = gap.getDateTimeBefore().toLocalDate();
        String email = subscriber("gap", "axolotl gill morphology", hour, change.zone());
        Instant firstSend = passTheDay(email, day, change.zone());
        assertEquals(gap.getInstant(), firstSend, "sent at the end of the gap, when the local clock shows "
                + gap.getDateTimeAfter().toLocalTime());
    }

    /** Fall back: 02:00 comes twice that day; only the first one sends. */
    @Test
    void theHourThatRepeatsGivesOneDigest() {
        Change change = nextChange(false);
        ZoneOffsetTransition overlap = change.transition();
        int hour = overlap.getDateTimeAfter().getHour();
        LocalDate day = overlap.getDateTimeAfter().toLocalDate();
        String email = subscriber("overlap", "narwhal tusk sensing", hour, change.zone());
        Instant firstSend = passTheDay(email, day, change.zone());
        assertEquals(overlap.getInstant().minus(overlap.getDuration().abs()), firstSend,
                "sent at the first of the two " + overlap.getDateTimeAfter().toLocalTime() + "s");
    }

    /**
     * Ticks every half hour from the local midnight of {@code day} to the next, checking the subscriber's rows after
     * each pass; returns the pass that sent the digest, and fails unless exactly one digest and one mail came.
     */
    private Instant passTheDay(String email, LocalDate day, ZoneId zone) {
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant sentAt = null;
        for (Instant tick = start; tick.isBefore(end); tick = tick.plus(Duration.ofMinutes(30))) {
            runner.tick(tick);
            List<Rows.DigestRow> digests = Rows.digests(email);
            if (sentAt == null && !digests.isEmpty()) {
                sentAt = tick;
            }
            assertTrue(digests.size() <= 1, "a second digest at " + tick + ": " + digests);
        }
        if (sentAt == null) {
            return fail("no digest on " + day + " in " + zone);
        }
        assertEquals(List.of("sent"), Rows.digests(email).stream().map(Rows.DigestRow::state).toList());
        assertEquals(day.toString(), Rows.digests(email).get(0).period());
        Mailbox mailbox = new Mailbox(greenMail, email);
        mailbox.awaitMail(1);
        assertEquals(1, mailbox.messages().size(), "exactly one mail that day");
        return sentAt;
    }

    private static String subscriber(String name, String interest, int hour, ZoneId zone) {
        String email = People.address("dst." + name);
        People.subscribe(email, interest, "daily", hour, zone.getId());
        String title = Character.toUpperCase(interest.charAt(0)) + interest.substring(1) + " " + name;
        AdminApi.importPapers("[{\"id\": \"dst-%s\", \"title\": \"%s\", \"abstract\": \"On %s.\"}]"
                .formatted(email, title, interest));
        return email;
    }

    /** A change of the clocks in one zone. */
    private record Change(ZoneId zone, ZoneOffsetTransition transition) {
    }

    /** The next one-hour, on-the-hour gap (or overlap) at least two days from now, in the first zone that has one. */
    private static Change nextChange(boolean gap) {
        for (String id : ZONES) {
            Optional<ZoneOffsetTransition> found = next(ZoneId.of(id), gap);
            if (found.isPresent()) {
                return new Change(ZoneId.of(id), found.get());
            }
        }
        return fail("none of " + ZONES + " changes its clocks within a year and a half");
    }

    private static Optional<ZoneOffsetTransition> next(ZoneId zone, boolean gap) {
        Instant from = Instant.now().plus(2, ChronoUnit.DAYS);
        Instant until = from.plus(550, ChronoUnit.DAYS);
        for (ZoneOffsetTransition t = zone.getRules().nextTransition(from); t != null && t.getInstant().isBefore(until);
             t = zone.getRules().nextTransition(t.getInstant())) {
            if (t.isGap() == gap && t.getDuration().abs().equals(Duration.ofHours(1))
                    && t.getDateTimeBefore().getMinute() == 0) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
