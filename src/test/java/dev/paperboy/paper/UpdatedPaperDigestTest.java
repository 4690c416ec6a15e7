package dev.paperboy.paper;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static dev.paperboy.paper.PaperDocuments.counts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A paper updated in place (a later arXiv version) is matched on its new text from then on, and is not new again:
 * whoever got it already does not get it twice; someone whose interest only the new text meets does get it.
 */
@QuarkusTest
class UpdatedPaperDigestTest {

    @InjectGreenMail
    GreenMail greenMail;

    /** The titles the preview puts in the digest (not the next best it lists after them). */
    private static List<String> preview(String interest) {
        return RestAssured.given().queryParam("interest", interest).get("/api/preview")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.inDigest }.title", String.class);
    }

    private static void subscribe(String email, String interest) {
        AdminApi.admin().contentType(ContentType.JSON)
                .body("[{\"email\": \"" + email + "\", \"interests\": [\"" + interest + "\"]}]")
                .post("/api/admin/subscribers").then().statusCode(200);
    }

    @Test
    void aLaterVersionIsMatchedOnItsNewTextAndIsNotNewAgain() {
        PaperDocuments run = new PaperDocuments();
        String early = "early." + run.marker + "@example.org";
        String late = "late." + run.marker + "@example.org";
        String banditsTitle = "[" + run.marker + "] Sharp Regret Bounds for Bandits with $k<n$ Arms: for k<n and n>m the Rate Is Optimal";
        run.postFixture("application/atom+xml", "arxiv-api.atom");
        subscribe(early, "bandits " + run.marker);
        Instant today = Instant.now();
        AdminApi.forceRun(today);
        Mailbox earlyBox = new Mailbox(greenMail, early);
        assertTrue(earlyBox.awaitMail(1).flatText().contains(banditsTitle));
        assertFalse(preview("adversarial " + run.marker).contains(banditsTitle), "v2 says nothing of adversarial rewards");

        assertEquals(List.of(1, 0, 1, 0, 0), counts(run.postFixture("application/atom+xml", "arxiv-api-v3.atom")));
        assertTrue(preview("adversarial " + run.marker).contains(banditsTitle), "the index sees v3's abstract");

        subscribe(late, "adversarial " + run.marker);
        AdminApi.forceRun(today.plus(1, ChronoUnit.DAYS));
        Mailbox.Mail first = new Mailbox(greenMail, late).awaitMail(1);
        assertTrue(first.flatText().contains(banditsTitle), first.text());
        assertTrue(first.flatText().contains("adversarial rewards"), "the digest shows the new abstract: " + first.text());
        assertEquals(1, earlyBox.messages().size(), "the update is no new paper for whoever had it");
    }
}
