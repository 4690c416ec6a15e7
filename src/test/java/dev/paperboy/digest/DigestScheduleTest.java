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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The digest job's own pass (not forced) sends each subscriber's digest once their local hour has come. Every
 * instant is derived from now (a day ahead at least, so after the subscriber's confirmation): no date runs out.
 */
@QuarkusTest
class DigestScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    DigestRunner runner;

    @Test
    void aDigestGoesOutAtTheSubscribersLocalHourAndOncePerDay() {
        String email = People.address("schedule.berlin");
        People.subscribe(email, "nudibranch coloration", "daily", 7, "Europe/Berlin");
        AdminApi.importPapers("""
                [{"id": "tick-1", "title": "Nudibranch coloration as a warning signal",
                  "abstract": "Aposematic nudibranch coloration deters fish."}]""");
        Mailbox mailbox = new Mailbox(greenMail, email);
        LocalDate day = LocalDate.now(BERLIN).plusDays(2);
        Instant seven = day.atTime(7, 0).atZone(BERLIN).toInstant();

        runner.tick(seven.minus(Duration.ofMinutes(5)));
        assertEquals(List.of(), Rows.digests(email), "not before 7:00 local time: nothing decided");

        runner.tick(seven.plus(Duration.ofMinutes(2)));
        assertEquals("sent", Rows.digest(email, day.toString()).state());
        assertTrue(mailbox.awaitMail(1).text().contains("Nudibranch coloration as a warning signal"));

        AdminApi.importPapers("""
                [{"id": "tick-2", "title": "Nudibranch coloration and diet",
                  "abstract": "Diet shapes nudibranch coloration."}]""");
        runner.tick(seven.plus(Duration.ofHours(5)));
        assertEquals(1, Rows.digests(email).size(), "one digest a day, however many passes");
        assertEquals(1, mailbox.messages().size());

        runner.tick(day.plusDays(1).atTime(7, 4).atZone(BERLIN).toInstant());
        assertEquals("sent", Rows.digest(email, day.plusDays(1).toString()).state());
        Mailbox.Mail next = mailbox.awaitMail(2);
        assertTrue(next.text().contains("Nudibranch coloration and diet"));
        assertFalse(next.text().contains("as a warning signal"), "a paper never arrives twice");
    }

    @Test
    void aForcedRunSendsWhatArrivedAfterTheDayWasDecidedEmpty() {
        String email = People.address("schedule.empty");
        // An exact author filter: a topic, however rare, can be close in meaning to another test's paper
        String author = "Quokka Watcher " + People.marker();
        People.subscribe(email, "author:\\\"" + author + "\\\"", "daily", 6, "UTC"); // quotes escaped for the JSON
        Mailbox mailbox = new Mailbox(greenMail, email);
        ZonedDateTime nine = LocalDate.now(ZoneOffset.UTC).plusDays(2).atTime(9, 0).atZone(ZoneOffset.UTC);
        String day = nine.toLocalDate().toString();

        runner.tick(nine.toInstant());
        assertEquals(List.of(new Rows.DigestRow(day, "empty", Rows.digest(email, day).runId(), 0)), Rows.digests(email),
                "nothing matched yet: the pass decided the day empty");
        assertEquals(0, mailbox.messages().size(), "and sent no mail");

        AdminApi.importPapers("""
                [{"id": "empty-1", "title": "Quokka ecology on Rottnest Island",
                  "abstract": "Field study of quokka ecology.", "authors": ["%s"]}]""".formatted(author));
        AdminApi.forceRun(nine.plusMinutes(5).toInstant());
        assertEquals("sent", Rows.digest(email, day).state());
        assertTrue(mailbox.awaitMail(1).text().contains("Quokka ecology on Rottnest Island"),
                "a forced run serves every period with no digest sent, an empty one included");
    }
}
