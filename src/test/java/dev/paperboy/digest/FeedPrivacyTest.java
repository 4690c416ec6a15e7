package dev.paperboy.digest;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whoever holds a feed URL (a reader service, a shared list of feeds) learns no address and reaches no link that changes the subscription. */
@QuarkusTest
class FeedPrivacyTest {

    private static final Pattern OWN_LINK = Pattern.compile("https?://localhost:\\d+(/[^\\s\"'<>]*)");
    private static final Pattern RELATIVE_HREF = Pattern.compile("href=\"(/[^\"]*)\"");

    @InjectGreenMail
    GreenMail greenMail;

    private static String token(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Test
    void nothingReachableFromTheFeedShowsTheAddressOrChangesTheSubscription() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String email = "feed.privacy." + marker + "@example.org";
        String topic = "lichen symbiosis " + marker;
        AdminApi.admin().contentType(ContentType.JSON)
                .body("[{\"email\": \"" + email + "\", \"interests\": [\"" + topic + "\"]}]")
                .post("/api/admin/subscribers").then().statusCode(200).body("added", equalTo(1));
        String title = "Lichen symbiosis " + marker + " across climates";
        AdminApi.importPapers("[{\"id\": \"feed-privacy-" + marker + "\", \"title\": \"" + title
                + "\", \"abstract\": \"How lichen symbiosis " + marker + " holds in every climate.\","
                + " \"url\": \"https://example.org/papers/" + marker + "\"}]");
        AdminApi.forceRun(Instant.now());
        Mailbox.Mail digest = new Mailbox(greenMail, email).awaitMail(1);

        // what only the mail holds: the subscriber's own links
        String preferences = digest.linkPath("/preferences/");
        String unsubscribe = digest.linkPath("/unsubscribe/");
        String mailView = digest.linkPath("/digests/");
        Matcher feedLink = Pattern.compile("href=\"https?://[^/\"]+(/feed/[^\"]+)\"")
                .matcher(RestAssured.given().get(preferences).then().statusCode(200).extract().asString());
        assertTrue(feedLink.find(), "the preferences page gives the feed URL");
        Set<String> secrets = Set.of(token(preferences), token(unsubscribe), token(mailView));

        // the mail's own "view in browser" keeps the address and the links
        String mailPage = RestAssured.given().get(mailView).then().statusCode(200).extract().asString();
        assertTrue(mailPage.contains(email) && mailPage.contains(preferences) && mailPage.contains(unsubscribe), mailPage);

        // a reader service: the feed URL alone, no cookies, every link of the app followed
        Set<String> visited = new LinkedHashSet<>();
        Deque<String> toVisit = new ArrayDeque<>();
        toVisit.add(feedLink.group(1));
        boolean sawEntryPage = false;
        while (!toVisit.isEmpty()) {
            String path = toVisit.poll();
            if (!visited.add(path)) {
                continue;
            }
            String body = RestAssured.given().redirects().follow(false).get(path)
                    .then().statusCode(200).extract().asString();
            String lower = body.toLowerCase(Locale.ROOT);
            assertFalse(lower.contains(email.toLowerCase(Locale.ROOT)), path + " shows the address:\n" + body);
            assertFalse(lower.contains("feed.privacy." + marker), path + " shows the address's local part");
            for (String kind : new String[]{"/preferences/", "/unsubscribe/", "/confirm/", "/feedback/"}) {
                assertFalse(body.contains(kind), path + " links to " + kind + ":\n" + body);
            }
            for (String secret : secrets) {
                assertFalse(body.contains(secret), path + " carries a token of the mail:\n" + body);
            }
            if (path.startsWith("/digests/")) {
                sawEntryPage = true;
                assertTrue(body.replaceAll("</?mark>", "").contains(title), "the feed's copy of the digest shows its papers");
            }
            for (Pattern link : new Pattern[]{OWN_LINK, RELATIVE_HREF}) {
                Matcher m = link.matcher(body);
                while (m.find()) {
                    toVisit.add(m.group(1).replace("&amp;", "&"));
                }
            }
        }
        assertTrue(sawEntryPage, "the feed links to its digest; visited " + visited);
        assertTrue(visited.size() >= 3, "feed, its entry and the home page: " + visited);

        // and the subscription is as it was: the preferences page still opens as the active owner's
        String after = RestAssured.given().get(preferences).then().statusCode(200).extract().asString();
        assertTrue(after.contains(topic), after);
        assertEquals(1, new Mailbox(greenMail, email).messages().size(), "following the feed sent nothing");
    }
}
