package dev.paperboy.digest;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import dev.paperboy.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A digest's papers are one row of arrays (V18): a digest with more papers than its mail shows is read back whole and
 * in its order by every reader: the mail's "N more", the web page, the feed, the feedback links, the personal-data
 * export, the operator's page, and the next digest's "already sent" check.
 */
@QuarkusTest
class DigestPaperListTest {

    private static final int PAPERS = 9;

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    DigestPersonalData personalData;

    @Inject
    SubscriberHistory history;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDigestWithMorePapersThanItShowsIsReadWholeByEveryReader() throws Exception {
        String marker = "skua" + People.marker().replaceAll("[0-9]", "k");
        String email = People.address("paper.list");
        AdminApi.admin().contentType(ContentType.JSON)
                .body("[{\"email\": \"%s\", \"interests\": [\"%s plumage\"], \"papers\": 5}]".formatted(email, marker))
                .post("/api/admin/subscribers").then().statusCode(200).body("added", equalTo(1));
        StringBuilder json = new StringBuilder("[");
        for (int i = 1; i <= PAPERS; i++) {
            json.append(i > 1 ? "," : "").append("""
                    {"id": "list-%s-%d", "title": "Seasonal %s plumage moult, colony %d",
                     "abstract": "We follow %s plumage through the moult at colony %d."}"""
                    .formatted(marker, i, marker, i, marker, i));
        }
        AdminApi.importPapers(json.append(']').toString());
        AdminApi.forceRun(Instant.now());
        Mailbox.Mail mail = new Mailbox(greenMail, email).awaitMail(1);

        long subscriber = Rows.number("select id from subscriber where email_key = ?", email.toLowerCase());
        long digest = Rows.number("select id from digest where subscriber_id = ? and state = 'sent'", subscriber);
        assertEquals(1, Rows.number("select count(*) from digest_paper_list where digest_id = ?", digest),
                "one row holds the digest's papers");
        List<String> titles = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int position = 0; ; position++) {
            long count = Rows.number("select count(*) from digest_paper where digest_id = ? and position = ?", digest,
                    position);
            if (count == 0) {
                break;
            }
            assertEquals(1, count);
            ids.add(Rows.number("select paper_id from digest_paper where digest_id = ? and position = ?", digest,
                    position));
            titles.add(Rows.text("select title from paper where id = ?", ids.get(position)));
        }
        assertEquals(PAPERS, titles.size(), "every paper that passed, positions 0 to " + (PAPERS - 1) + ": " + titles);

        String text = mail.flatText();
        assertEquals(5, titles.stream().filter(text::contains).count(), text);
        for (String title : titles.subList(0, 5)) {
            assertTrue(text.contains(title), "the mail shows the first five, best first: " + title);
        }
        assertTrue(text.contains((PAPERS - 5) + " more papers on the web"), text);

        String page = RestAssured.get(mail.linkPath("/digests/")).then().statusCode(200).extract().asString();
        assertInOrder(page, titles, "the page");
        List<String> feedback = new ArrayList<>();
        Matcher link = Pattern.compile("href=\"https?://[^/\"]+(/feedback/[^\"]+)\"").matcher(page);
        while (link.find()) {
            feedback.add(link.group(1).replace("&amp;", "&"));
        }
        assertEquals(2 * PAPERS, new HashSet<>(feedback).size(), "more and less like this, for every paper");
        String last = feedback.get(feedback.size() - 1);
        String choice = RestAssured.get(last).then().statusCode(200).extract().asString();
        assertTrue(choice.replaceAll("</?mark>", "").contains(titles.get(PAPERS - 1)),
                "the last paper's feedback names it: " + choice);

        Matcher feedLink = Pattern.compile("href=\"https?://[^/\"]+(/feed/[^\"]+)\"").matcher(
                RestAssured.get(mail.linkPath("/preferences/")).then().statusCode(200).extract().asString());
        assertTrue(feedLink.find(), "the preferences page gives the feed");
        String feed = RestAssured.get(feedLink.group(1)).then().statusCode(200).extract().asString();
        assertInOrder(feed, titles, "the feed");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> exported = (List<Map<String, Object>>) personalData.export(subscriber);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> papers = (List<Map<String, Object>>) exported.get(0).get("papers");
        assertEquals(titles, papers.stream().map(p -> (String) p.get("title")).toList(), "the export, in order");
        assertTrue(papers.stream().allMatch(p -> ((String) p.get("why")).contains(marker)), "each with why");

        String operator = AdminApi.admin().get("/admin/subscribers/" + subscriber).then().statusCode(200)
                .extract().asString();
        assertTrue(operator.contains("<td class=\"num\">" + PAPERS + "</td>"), "the operator's page counts them all");

        try (Connection connection = dataSource.getConnection()) {
            Set<Long> taken = history.taken(connection, List.of(subscriber), Instant.now().minus(Duration.ofDays(30)))
                    .get(subscriber);
            assertEquals(new HashSet<>(ids), taken, "the next digest leaves out every paper of this one");
        }
    }

    private static void assertInOrder(String page, List<String> titles, String where) {
        String body = page.replaceAll("(<|&lt;)/?mark(>|&gt;)", ""); // the interest's words are marked in titles
        int at = -1;
        for (String title : titles) {
            int next = body.indexOf(title);
            assertTrue(next > at, where + " lists " + title + " after the one before it:\n" + body);
            at = next;
        }
    }
}
