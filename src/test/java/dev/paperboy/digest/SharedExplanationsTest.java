package dev.paperboy.digest;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The explanations that mails of a run share are those of the paper as it is: a paper updated in place after one
 * mail carried it is explained from its new text in the next; and each mail shows its own reason for a paper that
 * several mails of a run explain for the same interest.
 */
@QuarkusTest
class SharedExplanationsTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Test
    void aPaperUpdatedBetweenTwoMailsIsExplainedFromItsNewTitle() {
        String marker = "eelgrass" + People.marker().replaceAll("[0-9]", "q");
        String first = People.address("shared.first");
        People.subscribe(first, marker + " restoration");
        // an arXiv id of its own; its v2 updates the paper in place
        String arxiv = "29%02d.%05d".formatted(ThreadLocalRandom.current().nextInt(100),
                ThreadLocalRandom.current().nextInt(100_000));
        String papers = """
                [{"id": "%s", "title": "%s restoration %s",
                  "abstract": "We followed %s restoration plots along a sheltered coast for five years."}]""";
        AdminApi.importPapers(papers.formatted(arxiv + "v1", marker, "in shallow bays", marker));
        AdminApi.forceRun(Instant.now());
        String before = new Mailbox(greenMail, first).awaitMail(1).html();
        assertTrue(before.contains("<mark>restoration</mark> in shallow bays"), before);

        assertEquals(1, AdminApi.importPapers(papers.formatted(arxiv + "v2", marker, "after marine heatwaves", marker))
                .getInt("updated"));
        String second = People.address("shared.second");
        People.subscribe(second, marker + " restoration");
        AdminApi.forceRun(Instant.now());
        String after = new Mailbox(greenMail, second).awaitMail(1).html();
        assertTrue(after.contains("<mark>restoration</mark> after marine heatwaves"), after);
        assertFalse(after.contains("in shallow bays"), after);
    }

    @Test
    void mailsSharingAPapersExplanationEachShowTheirOwnReason() {
        String marker = "seagrass" + People.marker().replaceAll("[0-9]", "q");
        String first = marker + " restoration";
        String second = marker + " meadows";
        // both of one person's interests bring the paper ("Also matches" the other); each of the other two people
        // follows one of them, so whichever interest is the first person's best, one of them shares its explanation
        String both = People.address("shared.both");
        String onlyFirst = People.address("shared.first-only");
        String onlySecond = People.address("shared.second-only");
        AdminApi.admin().contentType(ContentType.JSON)
                .body("""
                        [{"email": "%s", "interests": ["%s", "%s"]},
                         {"email": "%s", "interests": ["%s"]},
                         {"email": "%s", "interests": ["%s"]}]"""
                        .formatted(both, first, second, onlyFirst, first, onlySecond, second))
                .post("/api/admin/subscribers").then().statusCode(200)
                .body("added", org.hamcrest.Matchers.equalTo(3));
        AdminApi.importPapers("""
                [{"title": "%s restoration in %s meadows of a sheltered coast",
                  "abstract": "We followed %s restoration plots in %s meadows along a sheltered coast for five years."}]"""
                .formatted(marker, marker, marker, marker));
        AdminApi.forceRun(Instant.now());
        String why = "Also matches";
        assertTrue(new Mailbox(greenMail, both).awaitMail(1).flatText().contains(why));
        assertFalse(new Mailbox(greenMail, onlyFirst).awaitMail(1).flatText().contains(why));
        assertFalse(new Mailbox(greenMail, onlySecond).awaitMail(1).flatText().contains(why));
    }
}
