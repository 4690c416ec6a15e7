package dev.paperboy.browser;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.Await;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import dev.paperboy.Rows;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static dev.paperboy.browser.Browser.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A subscriber clicks "less like this" in a digest: the page's script records it; without script the button does. */
@QuarkusTest
@NeedsChromium
class FeedbackBrowserTest {

    @InjectGreenMail
    GreenMail greenMail;

    @TestHTTPResource("/")
    URL root;

    @Test
    void theFeedbackLinkRecordsByScriptAndTheButtonWithout() throws IOException {
        String word = "vexl" + People.marker().replaceAll("[0-9]", "m");
        String email = People.address("browser.feedback");
        People.subscribe(email, word);
        String dull = word + " firmware for tide gauges";
        String good = word + " kelp forest carbon budgets";
        AdminApi.importPapers("""
                [{"title": "%s", "abstract": "We rewrite the %s firmware of coastal tide gauges in Rust."},
                 {"title": "%s", "abstract": "How much carbon %s kelp forests store, measured over four seasons."}]"""
                .formatted(dull, word, good, word));
        AdminApi.forceRun(Instant.now());
        Mailbox.Mail mail = new Mailbox(greenMail, email).awaitMail(1);
        long subscriberId = Rows.number("select id from subscriber where email_key = lower(?)", email);
        Path html = Files.createDirectories(Browser.SCREENSHOTS).resolve("feedback-mail.html");
        Files.writeString(html, mail.html());

        try (Browser browser = Browser.start("UTC", true)) {
            browser.open(html.toAbsolutePath().toUri().toString());
            browser.awaitVisible("a[href*='/feedback/']");
            browser.screenshot("feedback-mail");

            browser.open(url(root, mail.linkAfter(dull, "Less like this")));
            browser.awaitHeading("Noted: less like this");
            assertTrue(Await.until(Duration.ofSeconds(30), () -> Rows.number(
                    "select count(*) from paper_feedback where subscriber_id = ? and not more", subscriberId) == 1),
                    "the page's script recorded the choice");
            PageChecks.assertReadable(browser, "feedback-recorded");
            browser.screenshot("feedback-recorded");
        }
        try (Browser browser = Browser.start("UTC", false)) {
            browser.open(url(root, mail.linkAfter(good, "More like this")));
            browser.awaitHeading("More like this: " + good);
            browser.screenshot("feedback-ask-without-script");
            assertEquals(1, Rows.number("select count(*) from paper_feedback where subscriber_id = ?", subscriberId),
                    "without script, opening the page records nothing");
            browser.find("form#feedback button[type=submit]").click();
            browser.awaitHeading("Noted: more like this");
            assertEquals(2, Rows.number("select count(*) from paper_feedback where subscriber_id = ?", subscriberId));

            browser.open(url(root, mail.linkPath("/preferences/")));
            browser.awaitHeading("Your preferences");
            browser.awaitVisible("#feedback li");
            assertEquals(2, browser.driver().findElements(org.openqa.selenium.By.cssSelector("#feedback li")).size());
            browser.screenshot("feedback-preferences");
            browser.find("#feedback li form button").click();
            browser.awaitHeading("Your preferences");
            assertTrue(Await.until(Duration.ofSeconds(30), () -> Rows.number(
                    "select count(*) from paper_feedback where subscriber_id = ?", subscriberId) == 1), "undone");
            browser.screenshot("feedback-preferences-undone");
        }
    }
}
