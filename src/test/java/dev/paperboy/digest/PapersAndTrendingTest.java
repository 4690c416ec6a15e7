package dev.paperboy.digest;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import dev.paperboy.Rows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A subscriber's number of papers per mail (5 to 30): the digest keeps every paper that passed, the mail shows the
 * chosen number and says how many more its page lists. Trending: the period's most upvoted papers come first, marked.
 */
@QuarkusTest
class PapersAndTrendingTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Test
    void theMailShowsTheChosenNumberAndSaysHowManyMoreThePageLists() {
        String marker = "tern" + People.marker().replaceAll("[0-9]", "q");
        String email = People.address("papers.five");
        importSubscriber(email, "\"interests\": [\"" + marker + " migration\"], \"papers\": 5");
        List<String> titles = new ArrayList<>();
        StringBuilder json = new StringBuilder("[");
        for (int i = 1; i <= 8; i++) {
            String title = "Arctic " + marker + " migration routes, part " + i;
            titles.add(title);
            json.append(i > 1 ? "," : "").append("""
                    {"id": "papers-%s-%d", "title": "%s",
                     "abstract": "We follow %s migration routes across the Arctic with light loggers, season %d."}"""
                    .formatted(marker, i, title, marker, i));
        }
        AdminApi.importPapers(json.append(']').toString());

        AdminApi.forceRun(Instant.now());
        Mailbox.Mail mail = new Mailbox(greenMail, email).awaitMail(1);
        int stored = Rows.digests(email).get(0).papers();
        assertTrue(stored >= 8, "every paper that passed is kept with the digest: " + stored);
        String text = mail.flatText();
        long shown = titles.stream().filter(text::contains).count();
        assertEquals(5, shown, text);
        assertTrue(text.contains((stored - 5) + " more papers on the web"), text);
        assertTrue(mail.html().contains((stored - 5) + " more papers on the web</a>"), mail.html());

        String page = RestAssured.get(mail.linkPath("/digests/")).then().statusCode(200).extract().asString();
        for (int i = 1; i <= 8; i++) {
            assertTrue(page.contains("routes, part " + i + "</a>"), "the page lists them all: part " + i + "\n" + page);
        }
    }

    @Test
    void trendingPapersComeFirstMarkedAndNeedNoInterest() {
        String marker = "auk" + People.marker().replaceAll("[0-9]", "z");
        String alone = People.address("trending.alone");
        String beside = People.address("trending.beside");
        importSubscriber(alone, "\"interests\": [], \"trending\": true");
        importSubscriber(beside, "\"interests\": [\"" + marker + " colonies\"], \"trending\": true");
        String hot = "A most upvoted paper on " + marker + " colonies";
        String quiet = "Counting " + marker + " colonies from drones";
        AdminApi.importPapers("""
                [{"paper": {"id": "2611.%s", "title": "%s", "summary": "Everyone upvoted this %s colonies study.",
                  "upvotes": 2000000000, "publishedAt": "%s"}},
                 {"paper": {"id": "2611.%s", "title": "%s", "summary": "Drones count %s colonies on cliffs.",
                  "upvotes": 0, "publishedAt": "%s"}}]"""
                .formatted(digits(), hot, marker, Instant.now(), digits(), quiet, marker, Instant.now()));

        AdminApi.forceRun(Instant.now());
        String aloneText = new Mailbox(greenMail, alone).awaitMail(1).flatText();
        assertTrue(aloneText.indexOf("1. " + hot) >= 0, "the most upvoted paper comes first: " + aloneText);
        assertTrue(aloneText.contains("Trending on Hugging Face: 2000000000 upvotes."), aloneText);
        assertFalse(aloneText.contains(quiet), "no interest, so no paper without upvotes: " + aloneText);

        Mailbox.Mail besideMail = new Mailbox(greenMail, beside).awaitMail(1);
        String besideText = besideMail.flatText();
        assertTrue(besideText.contains("1. " + hot), besideText);
        assertTrue(besideText.contains("Trending on Hugging Face: 2000000000 upvotes. Matches “" + marker + " colonies”"),
                "trending, and why it matches too: " + besideText);
        assertTrue(besideText.contains(quiet), "the interest's papers follow: " + besideText);
        assertTrue(besideMail.html().contains(">trending</span>"), besideMail.html());
        String marked = """
                select count(*) from digest_paper p join subscriber s on s.id = p.subscriber_id
                join paper x on x.id = p.paper_id where s.email_key = lower(?) and x.title = ? and p.trending""";
        assertEquals(1, Rows.number(marked, beside, hot), "the upvoted paper is marked trending");
        assertEquals(0, Rows.number(marked, beside, quiet), "the paper without upvotes is not");
    }

    private static void importSubscriber(String email, String fields) {
        AdminApi.admin().contentType(ContentType.JSON)
                .body("[{\"email\": \"%s\", %s}]".formatted(email, fields))
                .post("/api/admin/subscribers").then().statusCode(200).body("added", equalTo(1));
    }

    private static String digits() {
        Matcher m = Pattern.compile("\\d").matcher(People.marker() + "0123456789");
        StringBuilder five = new StringBuilder();
        while (five.length() < 5 && m.find()) {
            five.append(m.group());
        }
        return five.toString();
    }
}
