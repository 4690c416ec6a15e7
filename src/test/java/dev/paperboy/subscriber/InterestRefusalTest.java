package dev.paperboy.subscriber;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import dev.paperboy.Rows;
import dev.paperboy.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An interest the language refuses is refused where it is typed, saying what and where, and nothing is stored. */
@QuarkusTest
class InterestRefusalTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Test
    void theFormRefusesASyntaxErrorAndSaysWhere() {
        String email = People.address("refusal.form");
        new Visitor().submit("/", "/subscribe", Map.of("email", email,
                        "interests", "sea urchins\ngraph \"neural networks", "cadence", "daily", "hour", "7",
                        "timezone", "UTC"))
                .then().statusCode(400)
                .body(containsString("“graph &quot;neural networks”: The quote at character 7 is never closed."))
                .body(containsString("<code class=\"refused-at\">graph <mark title=\"character 7\">&quot;</mark>neural networks</code>"));
        assertEquals(0, Rows.subscribersAt(email));
    }

    /** Each refused line has its message, with its line and the character marked; the good lines are kept in the field. */
    @Test
    void theFormShowsEverySyntaxErrorNotOnlyTheFirst() {
        String email = People.address("refusal.two");
        String page = new Visitor().submit("/", "/subscribe", Map.of("email", email,
                        "interests", "sea urchins\ngraph \"neural networks\n(kelp OR seagrass\nsea otters",
                        "cadence", "daily", "hour", "7", "timezone", "UTC"))
                .then().statusCode(400).extract().asString();
        assertRefusals(page,
                "Line 2: “graph \"neural networks”: The quote at character 7 is never closed.", "character 7", "\"",
                "Line 3: “(kelp OR seagrass”: The '(' at character 1 is never closed.", "character 1", "(");
        assertEquals(0, Rows.subscribersAt(email));
    }

    /**
     * The message under the interests field, the one the field points at: each refusal in order (how its text starts,
     * its mark's title and the mark), nothing else marked.
     */
    private static void assertRefusals(String page, String... expected) {
        Document html = Jsoup.parse(page);
        assertEquals("interests-error", html.selectFirst("textarea#interests").attr("aria-describedby"));
        Element shown = html.selectFirst("#interests-error");
        assertTrue(shown != null, page);
        List<Element> marks = shown.select("code.refused-at mark");
        assertEquals(expected.length / 3, marks.size(), shown.outerHtml());
        int from = 0;
        for (int i = 0; i < marks.size(); i++) {
            int at = shown.text().indexOf(expected[3 * i], from);
            assertTrue(at >= from, expected[3 * i] + " in " + shown.text());
            from = at + expected[3 * i].length();
            assertEquals(expected[3 * i + 1], marks.get(i).attr("title"));
            assertEquals(expected[3 * i + 2], marks.get(i).text());
        }
    }

    @Test
    void theFormRefusesInterestsThatAskForNothingOrForEverything() {
        for (String interest : new String[] {"the of and", "*", "NOT vision", "\"\""}) {
            String email = People.address("refusal.everything");
            new Visitor().submit("/", "/subscribe", Map.of("email", email, "interests", interest,
                    "cadence", "daily", "hour", "7", "timezone", "UTC")).then().statusCode(400);
            assertEquals(0, Rows.subscribersAt(email), interest);
        }
    }

    @Test
    void thePreferencesPageRefusesItTooAndKeepsWhatWasSaved() {
        String email = People.address("refusal.preferences");
        new Visitor().submit("/", "/subscribe", Map.of("email", email, "interests", "sea urchins",
                "cadence", "daily", "hour", "7", "timezone", "UTC")).then().statusCode(200);
        String confirm = new Mailbox(greenMail, email).awaitMail(1).linkPath("/confirm/");
        String confirmed = new Visitor().submit(confirm, confirm, Map.of()).then().statusCode(200).extract().asString();
        Matcher link = Pattern.compile("href=\"[^\"]*(/preferences/[^\"]+)\"").matcher(confirmed);
        assertTrue(link.find(), "no preferences link on the confirmed page");
        String preferences = link.group(1);

        new Visitor().submit(preferences, preferences, Map.of("interests", "sea urchins\ncat:", "cadence", "weekly",
                        "hour", "9", "timezone", "UTC"))
                .then().statusCode(400).body(containsString("“cat:”: The interest ends too early"))
                .body(containsString("<code class=\"refused-at\">cat<mark title=\"character 4\">:</mark></code>"));
        String twoRefused = new Visitor().submit(preferences, preferences, Map.of("interests",
                        "cat:\nsea urchins\n\nkelp AND (forests", "cadence", "weekly", "hour", "9", "timezone", "UTC"))
                .then().statusCode(400).extract().asString();
        assertRefusals(twoRefused,
                "Line 1: “cat:”: The interest ends too early", "character 4", ":",
                "Line 4: “kelp AND (forests”: The '(' at character 10 is never closed.", "character 10", "(");
        String page = RestAssured.given().get(preferences).then().statusCode(200).extract().asString();
        assertTrue(page.contains(">sea urchins</textarea>"), "the saved interests are kept");
        assertEquals(0, Rows.subscribersInterestedIn("cat:"));
    }

    @Test
    void theImportRefusesTheEntryAndAddsTheOthers() {
        String good = People.address("refusal.import.good");
        String bad = People.address("refusal.import.bad");
        AdminApi.admin().contentType(ContentType.JSON).body("""
                [{"email": "%s", "interests": ["sea urchins"]},
                 {"email": "%s", "interests": ["sea urchins", "(deep OR wide networks"]}]""".formatted(good, bad))
                .post("/api/admin/subscribers").then().statusCode(200)
                .body("added", equalTo(1)).body("rejected", equalTo(1))
                .body("errors[0]", containsString("subscriber 2: “(deep OR wide networks”: The '(' at character 1 is never closed."));
        assertEquals(1, Rows.subscribersAt(good));
        assertEquals(0, Rows.subscribersAt(bad));
    }
}
