package dev.paperboy.subscriber.feedback;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import dev.paperboy.Rows;
import dev.paperboy.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "More like this" and "less like this" the way a subscriber gives them: from the links of a digest mail, through the
 * page that records by POST, into the next digest; and undone on the preferences page. A second subscriber with the
 * same interest and no feedback shows what the digest would have been.
 */
@QuarkusTest
class FeedbackJourneyTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Test
    void lessAndMoreLikeThisChangeTheNextDigestAndUndoRestoresIt() {
        String word = "zorb" + letters();
        String site = "Q" + letters();
        String liker = People.address("feedback.liker");
        String control = People.address("feedback.control");
        People.subscribe(liker, word);
        People.subscribe(control, word);
        String liked = word + " sonar surveys of glass sponges at site " + site;
        String disliked = word + " toxicity in freshwater snail farms";
        AdminApi.importPapers(papers(
                paper(liked, "Ship sonar maps deep-sea glass sponge reefs at site " + site + ", counting sponges by"
                        + " their acoustic echo and the " + word + " they host."),
                paper(disliked, "Copper-based " + word + " poisons freshwater snails raised in farm ponds; we measure"
                        + " snail mortality and growth.")));

        Instant day = Instant.now();
        AdminApi.forceRun(day);
        Mailbox.Mail first = new Mailbox(greenMail, liker).awaitMail(1);
        new Mailbox(greenMail, control).awaitMail(1);
        assertTrue(first.flatText().contains(liked) && first.flatText().contains(disliked), first.text());
        assertTrue(first.html().contains(">More like this</a>") && first.html().contains(">Less like this</a>"),
                "the HTML part carries the links too: " + first.html());
        String less = first.linkAfter(disliked, "Less like this");
        String more = first.linkAfter(liked, "More like this");
        long subscriberId = Rows.number("select id from subscriber where email_key = lower(?)", liker);
        String webPage = RestAssured.get(first.linkPath("/digests/")).then().statusCode(200).extract().asString();
        assertTrue(webPage.contains(">Less like this</a>") && webPage.contains(">More like this</a>"),
                "the digest's web page carries the links too: " + webPage);

        String page = RestAssured.get(less).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Less like this: " + disliked), page);
        assertTrue(page.contains("src=\"/js/feedback.js\""), "the script submits the form: " + page);
        RestAssured.get(more).then().statusCode(200);
        assertEquals(0, feedbackRows(subscriberId), "opening the links (as mail scanners do) records nothing");

        String noted = new Visitor().submit(less, less, Map.of()).then().statusCode(200).extract().asString();
        assertTrue(noted.contains("Noted: less like this"), noted);
        assertTrue(noted.contains("/preferences/"), "the page links to where it can be undone: " + noted);
        new Visitor().submit(less, less, Map.of()).then().statusCode(200);
        assertEquals(1, feedbackRows(subscriberId), "the same choice twice is one row");
        new Visitor().submit(more, more, Map.of()).then().statusCode(200);
        assertEquals(1, Rows.number("select count(*) from paper_feedback where subscriber_id = ? and not more"
                + " and paper_id = (select id from paper where title = ?)", subscriberId, disliked));
        assertEquals(1, Rows.number("select count(*) from paper_feedback where subscriber_id = ? and more"
                + " and paper_id = (select id from paper where title = ?)", subscriberId, liked));

        String sponges = "Sonar surveys of glass sponges at site " + site + ", revisited";
        String snails = word + " toxicity in freshwater snail farms, a second survey";
        String telescopes = word + " calibration of radio telescope arrays";
        AdminApi.importPapers(papers(
                paper(sponges, "Ship sonar maps deep-sea glass sponge reefs at site " + site + " again, counting"
                        + " sponges by their acoustic echo."),
                paper(snails, "Copper-based " + word + " poisons freshwater snails raised in farm ponds; a second"
                        + " survey measures snail mortality and growth."),
                paper(telescopes, "We calibrate the phases of radio telescope arrays against " + word
                        + " beacons on satellites.")));
        AdminApi.forceRun(day.plus(1, ChronoUnit.DAYS));
        String theirs = new Mailbox(greenMail, liker).awaitMail(2).flatText();
        String without = new Mailbox(greenMail, control).awaitMail(2).flatText();
        assertTrue(without.contains(snails) && without.contains(telescopes), "without feedback: " + without);
        assertFalse(without.contains(sponges), "no interest brings the sponges: " + without);
        assertTrue(theirs.contains(telescopes), theirs);
        assertFalse(theirs.contains(snails), "a near neighbour of the disliked paper leaves the digest: " + theirs);
        assertTrue(theirs.contains(sponges), "a near neighbour of the liked paper comes: " + theirs);
        assertTrue(theirs.contains("which you asked more of"), theirs);

        String preferences = new Mailbox(greenMail, liker).awaitMail(2).linkPath("/preferences/");
        String listed = RestAssured.get(preferences).then().statusCode(200).extract().asString();
        assertTrue(listed.contains("Less like this</span> " + disliked), listed);
        assertTrue(listed.contains("More like this</span> " + liked), listed);
        long dislikedId = Rows.number("select id from paper where title = ?", disliked);
        new Visitor().submit(preferences, preferences + "/feedback/" + dislikedId + "/undo", Map.of())
                .then().statusCode(303);
        assertEquals(1, feedbackRows(subscriberId), "the undone choice is gone, the other stays");
        assertFalse(RestAssured.get(preferences).then().extract().asString().contains(disliked));

        String third = word + " toxicity in freshwater snail farms, a third survey";
        AdminApi.importPapers(papers(paper(third, "Copper-based " + word + " poisons freshwater snails raised in"
                + " farm ponds; a third survey measures snail mortality and growth.")));
        AdminApi.forceRun(day.plus(2, ChronoUnit.DAYS));
        String after = new Mailbox(greenMail, liker).awaitMail(3).flatText();
        assertTrue(after.contains(third), "undone: the snails' papers come again: " + after);

        String data = RestAssured.get(preferences + "/data").then().statusCode(200).extract().asString();
        assertTrue(data.contains("\"feedback\"") && data.contains(liked) && data.contains("more like this"), data);
        new Visitor().submit(preferences + "/delete", preferences + "/delete", Map.of()).then().statusCode(200);
        assertEquals(0, feedbackRows(subscriberId), "deleting the subscriber deletes their feedback");
    }

    @Test
    void aForgedOrAlteredTokenIs404AndRecordsNothing() {
        String word = "quib" + letters();
        String email = People.address("feedback.forger");
        People.subscribe(email, word);
        String title = word + " lichens on basalt cliffs";
        String other = word + " moss on granite walls";
        AdminApi.importPapers(papers(paper(title, "Lichens grow on " + word + " basalt cliffs."),
                paper(other, "Moss grows on " + word + " granite walls.")));
        AdminApi.forceRun(Instant.now());
        String less = new Mailbox(greenMail, email).awaitMail(1).linkAfter(title, "Less like this");
        long subscriberId = Rows.number("select id from subscriber where email_key = lower(?)", email);
        long otherId = Rows.number("select id from paper where title = ?", other);

        Matcher parts = Pattern.compile("/feedback/([^~]+)~([0-9]+)~less\\.(.+)").matcher(less);
        assertTrue(parts.matches(), less);
        String mac = parts.group(3);
        String forged = "/feedback/" + parts.group(1) + "~" + parts.group(2) + "~less."
                + (mac.charAt(0) == 'A' ? 'B' : 'A') + mac.substring(1);
        String otherPaper = "/feedback/" + parts.group(1) + "~" + otherId + "~less." + mac;
        String otherChoice = "/feedback/" + parts.group(1) + "~" + parts.group(2) + "~more." + mac;
        for (String path : new String[] {forged, otherPaper, otherChoice, "/feedback/nothing"}) {
            RestAssured.get(path).then().statusCode(404);
            new Visitor().submit(less, path, Map.of()).then().statusCode(404);
        }
        assertEquals(0, feedbackRows(subscriberId));
        new Visitor().given().contentType("application/x-www-form-urlencoded").post(less).then().statusCode(400);
        assertEquals(0, feedbackRows(subscriberId), "a POST without the page's CSRF token records nothing");
    }

    private static long feedbackRows(long subscriberId) {
        return Rows.number("select count(*) from paper_feedback where subscriber_id = ?", subscriberId);
    }

    static String paper(String title, String abstractText) {
        return "{\"title\": \"%s\", \"abstract\": \"%s\"}".formatted(title, abstractText);
    }

    static String papers(String... papers) {
        return "[" + String.join(",", papers) + "]";
    }

    /** Eight random letters: a word no other test's papers have. */
    static String letters() {
        return People.marker().chars().mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'k' + c - '0' : c)))
                .reduce("", String::concat);
    }
}
