package dev.paperboy.digest;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The digest job's own pass (not forced) sends each subscriber's digest once their local hour has come. */
@QuarkusTest
class DigestScheduleTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    DigestRunner runner;

    @Test
    void aDigestGoesOutAtTheSubscribersLocalHourAndOncePerDay() {
        String email = "berlin.reader@example.org";
        AdminApi.admin().contentType(ContentType.JSON)
                .body("[{\"email\": \"" + email + "\", \"interests\": [\"nudibranch coloration\"], \"hour\": 7, "
                        + "\"timezone\": \"Europe/Berlin\"}]")
                .post("/api/admin/subscribers").then().statusCode(200);
        AdminApi.importPapers("""
                [{"id": "tick-1", "title": "Nudibranch coloration as a warning signal",
                  "abstract": "Aposematic nudibranch coloration deters fish."}]""");
        Mailbox mailbox = new Mailbox(greenMail, email);

        runner.tick(Instant.parse("2027-03-10T05:55:00Z")); // 06:55 in Berlin
        assertEquals(0, mailbox.messages().size(), "not before 7:00 local time");

        runner.tick(Instant.parse("2027-03-10T06:02:00Z")); // 07:02 in Berlin
        assertTrue(mailbox.awaitMail(1).text().contains("Nudibranch coloration as a warning signal"));

        AdminApi.importPapers("""
                [{"id": "tick-2", "title": "Nudibranch coloration and diet",
                  "abstract": "Diet shapes nudibranch coloration."}]""");
        runner.tick(Instant.parse("2027-03-10T12:00:00Z"));
        assertEquals(1, mailbox.messages().size(), "one digest a day, however many passes");

        runner.tick(Instant.parse("2027-03-11T06:04:00Z")); // the next day, 07:04 in Berlin
        Mailbox.Mail next = mailbox.awaitMail(2);
        assertTrue(next.text().contains("Nudibranch coloration and diet"));
        assertTrue(!next.text().contains("as a warning signal"), "a paper never arrives twice");
    }

    @Test
    void aForcedRunSendsWhatArrivedAfterTheDayWasDecidedEmpty() {
        String email = "empty.reader@example.org";
        AdminApi.admin().contentType(ContentType.JSON)
                .body("[{\"email\": \"" + email + "\", \"interests\": [\"quokka ecology\"], \"hour\": 6}]")
                .post("/api/admin/subscribers").then().statusCode(200);
        Mailbox mailbox = new Mailbox(greenMail, email);
        long emptyBefore = AdminApi.stats().getLong("deliveries.empty");
        runner.tick(Instant.parse("2027-04-01T09:00:00Z"));
        assertEquals(0, mailbox.messages().size(), "nothing matched yet: the day is decided empty, no mail");
        assertTrue(AdminApi.stats().getLong("deliveries.empty") > emptyBefore, "the pass decided the day empty");

        AdminApi.importPapers("""
                [{"id": "empty-1", "title": "Quokka ecology on Rottnest Island",
                  "abstract": "Field study of quokka ecology."}]""");
        AdminApi.forceRun(Instant.parse("2027-04-01T09:05:00Z"));
        assertTrue(mailbox.awaitMail(1).text().contains("Quokka ecology on Rottnest Island"),
                "a forced run serves every period with no digest sent, an empty one included");
    }
}
