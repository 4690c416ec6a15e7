package dev.paperboy.digest;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import dev.paperboy.Rows;
import dev.paperboy.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole loop as a person and their mail client live it, over HTTP and real SMTP. */
@QuarkusTest
class DigestLoopTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Test
    void signUpConfirmReceiveDigestsAndLeaveInOneClick() {
        String email = People.address("loop.reader");
        Mailbox mailbox = new Mailbox(greenMail, email);
        Visitor person = new Visitor();
        Instant today = Instant.now();

        person.submit("/", "/subscribe", Map.of("email", email,
                        "interests", "zebrafish regeneration\nsoil microbiome", "cadence", "daily",
                        "hour", "7", "timezone", "Europe/Berlin"))
                .then().statusCode(200).body(containsString("Check your inbox"));

        Mailbox.Mail confirmation = mailbox.awaitMail(1);
        assertTrue(confirmation.contentType().startsWith("multipart/alternative"));
        assertTrue(confirmation.text().contains("zebrafish regeneration"));
        assertTrue(confirmation.html().contains("Confirm my subscription"));
        String confirmPath = confirmation.linkPath("/confirm/");

        assertEquals(Optional.of("pending"), Rows.subscriberState(email));
        Visitor mailScanner = new Visitor();
        mailScanner.open(confirmPath).then().statusCode(200).body(containsString("<form method=\"post\""));
        assertEquals(Optional.of("pending"), Rows.subscriberState(email), "a GET alone confirms nothing");

        person.submit(confirmPath, confirmPath, Map.of()).then().statusCode(200).body(containsString("You are subscribed"));
        assertEquals(Optional.of("active"), Rows.subscriberState(email));

        JsonPath imported = AdminApi.importPapers("""
                [{"id": "loop-1", "title": "Zebrafish fin regeneration needs macrophages",
                  "abstract": "We show that regeneration of the zebrafish fin depends on macrophages.",
                  "authors": ["A. Researcher", "B. Scientist"], "url": "https://example.org/papers/loop-1"},
                 {"id": "loop-2", "title": "The soil microbiome under drought",
                  "abstract": "Drought reshapes the soil microbiome of grasslands.", "url": "https://example.org/papers/loop-2"},
                 {"id": "loop-3", "title": "Protein folding with lattice models",
                  "abstract": "Lattice models of protein folding, revisited."}]""");
        assertEquals(3, imported.getInt("added"));

        AdminApi.forceRun(today);
        assertEquals("sent", Rows.digest(email, day(today)).state());
        Mailbox.Mail digest = mailbox.awaitMail(2);
        assertTrue(digest.contentType().startsWith("multipart/alternative"));
        String unsubscribeUrl = digest.header("List-Unsubscribe");
        assertTrue(unsubscribeUrl.matches("<http://localhost:\\d+/unsubscribe/[^>]+>"), unsubscribeUrl);
        assertEquals("List-Unsubscribe=One-Click", digest.header("List-Unsubscribe-Post"));
        String messageId = digest.header("Message-ID");
        assertTrue(digest.text().contains("Zebrafish fin regeneration needs macrophages"));
        assertTrue(digest.text().contains("The soil microbiome under drought"));
        assertFalse(digest.text().contains("Protein folding"), "a paper on none of the interests stays out");
        assertTrue(digest.html().contains("https://example.org/papers/loop-1"));
        assertTrue(digest.text().contains("A. Researcher, B. Scientist"));
        assertTrue(digest.text().contains("Why: Matches “zebrafish regeneration”"), digest.text());

        String page = person.open(digest.linkPath("/digests/")).then().statusCode(200).extract().asString();
        assertTrue(page.replaceAll("</?mark>", "").contains("Zebrafish fin regeneration needs macrophages"), page);
        String preferences = digest.linkPath("/preferences/");
        Matcher feedLink = Pattern.compile("href=\"https?://[^/\"]+(/feed/[A-Za-z0-9_.-]+)\"")
                .matcher(person.open(preferences).then().statusCode(200).extract().asString());
        assertTrue(feedLink.find(), "the preferences page links to the feed");
        String feedPath = feedLink.group(1);
        person.open(feedPath).then().statusCode(200).contentType(containsString("application/atom+xml"))
                .body(containsString("<entry>")).body(containsString("Zebrafish fin regeneration needs macrophages"));

        AdminApi.forceRun(today);
        assertEquals(2, mailbox.messages().size(), "the period's digest is sent once");
        assertEquals(1, Rows.digests(email).size());

        AdminApi.importPapers("""
                [{"id": "loop-4", "title": "Zebrafish heart regeneration at single-cell resolution",
                  "abstract": "Single-cell atlas of zebrafish heart regeneration."}]""");
        AdminApi.forceRun(today.plus(1, ChronoUnit.DAYS));
        assertEquals("sent", Rows.digest(email, day(today.plus(1, ChronoUnit.DAYS))).state());
        Mailbox.Mail next = mailbox.awaitMail(3);
        assertTrue(next.text().contains("Zebrafish heart regeneration"));
        assertFalse(next.text().contains("Zebrafish fin regeneration"), "a paper never arrives twice");
        assertFalse(next.text().contains("soil microbiome under drought"));
        assertTrue(next.subject().matches(".*\\b\\d+ new papers?\\b.*"), next.subject()); // others' zebrafish may come by meaning
        assertFalse(messageId.equals(next.header("Message-ID")), "another period, another Message-ID");

        AdminApi.forceRun(today.plus(2, ChronoUnit.DAYS));
        assertEquals("empty", Rows.digest(email, day(today.plus(2, ChronoUnit.DAYS))).state(),
                "the day was decided, and nothing new matched");
        assertEquals(3, mailbox.messages().size(), "no new matching paper: no mail");

        String unsubscribePath = unsubscribeUrl.replaceAll("<http://localhost:\\d+(/unsubscribe/[^>]+)>", "$1");
        RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").post(unsubscribePath)
                .then().statusCode(200).body(containsString("You are unsubscribed"));

        AdminApi.importPapers("""
                [{"id": "loop-5", "title": "Zebrafish spinal cord regeneration",
                  "abstract": "Zebrafish regenerate their spinal cord."}]""");
        assertEquals(Optional.of("unsubscribed"), Rows.subscriberState(email));
        int digests = Rows.digests(email).size();
        AdminApi.forceRun(today.plus(3, ChronoUnit.DAYS));
        assertEquals(digests, Rows.digests(email).size(), "nothing decided for someone who left");
        assertEquals(3, mailbox.messages().size(), "no mail after unsubscribing");
    }

    /** The subscriber's period (a day in Berlin) around this instant. */
    private static String day(Instant at) {
        return at.atZone(ZoneId.of("Europe/Berlin")).toLocalDate().toString();
    }
}
