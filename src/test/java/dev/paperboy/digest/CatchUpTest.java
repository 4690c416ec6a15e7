package dev.paperboy.digest;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Through the clock's pass: a weekly digest goes out on the subscriber's weekday; after an outage, a period whose
 * moment passed less than PAPERBOY_CATCH_UP_LIMIT (2 days) ago is caught up once, an older one is not, and its papers
 * come with the next period's digest.
 */
@QuarkusTest
class CatchUpTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    DigestRunner runner;

    @Inject
    AgroalDataSource dataSource;

    private static void importWeekly(String email, String interest, String weekday) {
        AdminApi.admin().contentType(ContentType.JSON)
                .body("[{\"email\": \"%s\", \"interests\": [\"%s\"], \"cadence\": \"weekly\", \"hour\": 8, \"timezone\": \"UTC\", \"weekday\": \"%s\"}]"
                        .formatted(email, interest, weekday))
                .post("/api/admin/subscribers").then().statusCode(200).body("added", equalTo(1));
    }

    @Test
    void aPeriodMissedLessThanTheLimitAgoIsCaughtUpOnceAnOlderOneWaitsForTheNext() {
        String wednesday = People.address("catchup.wednesday");
        String monday = People.address("catchup.monday");
        String tag = People.marker();
        importWeekly(wednesday, "coral spawning", "wednesday");
        importWeekly(monday, "coral spawning", "monday");
        Rows rows = new Rows(dataSource);
        assertEquals("3", rows.string("select weekday::text from subscriber where email = ?", wednesday), "stored");
        AdminApi.importPapers("""
                [{"id": "catchup-%s", "title": "Coral spawning under a full moon %s",
                  "abstract": "Coral spawning is timed by the moon."}]""".formatted(tag, tag));

        // a week whose Monday is after now, so both were subscribed before their moment that week
        Instant wednesdayAtEight = Moments.nextHour(Instant.now().plus(Duration.ofDays(7)), ZoneOffset.UTC, 8,
                DayOfWeek.WEDNESDAY);
        // Paperboy was down from before Monday 08:00 to Thursday 08:00: no pass in between
        Instant back = wednesdayAtEight.plus(Duration.ofDays(1));
        runner.tick(back);
        assertEquals(List.of("sent"), rows.digestStates(wednesday), "one day late: caught up");
        assertEquals(List.of(), rows.digestStates(monday), "three days late: not this week");
        runner.tick(back.plus(Duration.ofHours(3)));
        assertEquals(List.of("sent"), rows.digestStates(wednesday), "caught up once");

        Instant nextMonday = wednesdayAtEight.plus(Duration.ofDays(5));
        runner.tick(nextMonday.plus(Duration.ofMinutes(2)));
        assertEquals(List.of("sent"), rows.digestStates(monday), "the next Monday as usual");
        assertEquals(List.of("sent"), rows.digestStates(wednesday), "Monday is not Wednesday's day");
        assertTrue(new Mailbox(greenMail, monday).awaitMail(1).flatText().contains("Coral spawning under a full moon " + tag),
                "with the papers of the week it missed");
    }
}
