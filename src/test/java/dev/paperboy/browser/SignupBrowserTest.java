package dev.paperboy.browser;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.Rows;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.paperboy.browser.Browser.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing up, confirming, reading a digest and leaving, as a person does it in a real (headless) Chromium. */
@QuarkusTest
@NeedsChromium
class SignupBrowserTest {

    private static final String ZONE = "America/New_York";
    private static final String INTEREST = "axolotl limb regeneration";

    @InjectGreenMail
    GreenMail greenMail;

    @TestHTTPResource("/")
    URL root;

    @Test
    void signUpWithScriptFixingMistakesThenConfirmAtOnce() throws IOException {
        String email = address("js");
        try (Browser browser = Browser.start(ZONE, true)) {
            browser.open(url(root, "/"));
            browser.awaitHeading("New papers on your topics, in your inbox");
            assertEquals("email", browser.find("input#email").getAttribute("type"));
            assertEquals("textarea", browser.find("#interests").getTagName());
            assertEquals(List.of("daily", "weekly"), browser.driver().findElements(By.cssSelector("input[name=cadence]"))
                    .stream().map(radio -> radio.getAttribute("value")).toList());
            assertEquals(24, new Select(browser.find("select#hour")).getOptions().size());
            assertEquals(ZONE, browser.selected("#timezone"), "the page's script takes the zone from the browser");
            assertTrue(browser.driver().findElements(By.cssSelector(".newest .paper h3 a")).size() >= 1,
                    "the newest papers are listed below the form");
            PageChecks.assertReadable(browser, "signup-form");
            PageChecks.assertReachableByKeyboard(browser, "#email");
            PageChecks.assertReachableByKeyboard(browser, "button[type=submit]");

            browser.find("#email").sendKeys("ada at example");
            browser.find("input[name=cadence][value=weekly]").click();
            new Select(browser.find("#hour")).selectByValue("7");
            browser.find("button[type=submit]").click();
            WebElement emailError = browser.awaitVisible("#email + p.error#email-error");
            assertEquals("Enter a valid email address, like ada@example.org.", emailError.getText());
            assertEquals("Add at least one interest, one per line.", browser.find("#interests + p.error").getText());
            assertEquals("Please fix the fields marked below.", browser.find("p.problem").getText());
            assertEquals("ada at example", browser.find("#email").getAttribute("value"));
            assertTrue(browser.find("input[name=cadence][value=weekly]").isSelected());
            assertEquals("7", browser.selected("#hour"));
            assertEquals(ZONE, browser.selected("#timezone"));
            assertEquals(Optional.empty(), Rows.subscriberState("ada at example"), "a bad form stores no subscriber");
            PageChecks.assertReadable(browser, "signup-errors");

            // two interests the language refuses: each has its message, line and marked character under the field
            browser.find("#email").clear();
            browser.find("#email").sendKeys(email);
            browser.find("#interests").sendKeys("graph \"neural networks\n(kelp OR seagrass");
            browser.find("button[type=submit]").click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions
                    .textToBePresentInElementLocated(By.cssSelector("#interests + p.error#interests-error"), "Line 2: "));
            WebElement refused = browser.find("#interests-error");
            assertTrue(refused.getText().contains("Line 1: “graph \"neural networks”: The quote at character 7 is never closed."),
                    refused.getText());
            assertTrue(refused.getText().contains("Line 2: “(kelp OR seagrass”: The '(' at character 1 is never closed."),
                    refused.getText());
            assertEquals(List.of("\"", "("), refused.findElements(By.cssSelector("code.refused-at mark")).stream()
                    .map(WebElement::getText).toList());
            assertEquals(Optional.empty(), Rows.subscriberState(email), "refused interests store no subscriber");
            PageChecks.assertReadable(browser, "signup-refused-interests");

            browser.find("#interests").clear();
            browser.find("#email").clear();
            browser.find("#email").sendKeys(email);
            browser.find("#interests").sendKeys(INTEREST + "\nplanarian stem cells");
            browser.find("button[type=submit]").click();
            browser.awaitHeading("Check your inbox");
            assertTrue(browser.find("main").getText().contains("We sent a mail to " + email), browser.find("main").getText());
            PageChecks.assertReadable(browser, "check-inbox");

            Mailbox.Mail confirmation = new Mailbox(greenMail, email).awaitMail(1);
            assertTrue(confirmation.text().contains("send weekly digests"), confirmation.text());
            assertTrue(confirmation.text().contains("- planarian stem cells"), confirmation.text());
            assertEquals(Optional.of("pending"), Rows.subscriberState(email));
            String confirmPath = confirmation.linkPath("/confirm/");
            assertTrue(confirmation.html().contains("href=\"" + url(root, confirmPath) + "\""), "the mail links to this server");
            showMail(browser, confirmation.html(), "confirmation-mail");
            browser.awaitHeading("Confirm your subscription");
            PageChecks.assertReadable(browser, "confirmation-mail");
            browser.open(url(root, confirmPath));
            browser.awaitHeading("You are subscribed");
            assertEquals(url(root, confirmPath), browser.driver().getCurrentUrl(), "answered by the POST to the same link");
            assertTrue(browser.find("a[href*='/preferences/']").isDisplayed());
            assertEquals(Optional.of("active"), Rows.subscriberState(email));
            PageChecks.assertReadable(browser, "confirmed");
        }
    }

    @Test
    void withoutScriptNothingIsConfirmedUntilTheButtonIsClicked() {
        String email = address("noscript");
        try (Browser browser = Browser.start(ZONE, false)) {
            browser.open(url(root, "/"));
            assertEquals("UTC", browser.selected("#timezone"), "no script, so the zone stays at the form's default");
            String confirmPath = signUp(browser, email);

            browser.open(url(root, confirmPath));
            browser.awaitHeading("Confirm your subscription");
            WebElement button = browser.find("form#confirm button[type=submit]");
            assertEquals("Confirm my subscription", button.getText());
            assertEquals(Optional.of("pending"), Rows.subscriberState(email), "opening the link confirms nothing");
            PageChecks.assertReadable(browser, "confirm-without-script");

            button.click();
            browser.awaitHeading("You are subscribed");
            assertEquals(Optional.of("active"), Rows.subscriberState(email));
        }
    }

    @Test
    void digestMailReadsWellAndItsUnsubscribeLinkAsksFirst() throws IOException {
        String email = address("digest");
        String title = "Axolotl limb regeneration needs nerve-derived signals";
        try (Browser browser = Browser.start(ZONE, true)) {
            browser.open(url(root, signUp(browser, email)));
            browser.awaitHeading("You are subscribed");
            JsonPath imported = AdminApi.importPapers("""
                    [{"id": "%s", "title": "%s",
                      "abstract": "Axolotls regrow whole limbs. We show that limb regeneration stalls when the nerve is cut.",
                      "authors": ["R. Salamander", "C. Newt"], "url": "https://example.org/papers/axolotl"}]"""
                    .formatted(email, title));
            assertEquals(1, imported.getInt("added"));
            AdminApi.forceRun(Instant.now());
            assertEquals(List.of("sent"), Rows.digests(email).stream().map(Rows.DigestRow::state).toList());

            showMail(browser, new Mailbox(greenMail, email).awaitMail(2).html(), "digest-mail");
            // papers of other tests on the same topic (regeneration) may come too, by meaning
            int papers = Rows.digests(email).get(0).papers();
            browser.awaitHeading(papers == 1 ? "1 new paper for you" : papers + " new papers for you");
            assertTrue(browser.driver().findElement(By.linkText(title)).isDisplayed());
            assertTrue(browser.find("body").getText().contains("R. Salamander, C. Newt"));
            assertTrue(browser.find("body").getText().contains("Why: Matches “" + INTEREST + "”"), browser.find("body").getText());
            PageChecks.assertReadable(browser, "digest-mail");

            String view = browser.driver().findElement(By.linkText("View in your browser")).getAttribute("href");
            String unsubscribe = browser.driver().findElement(By.linkText("Unsubscribe")).getAttribute("href");
            browser.open(view);
            browser.awaitHeading(papers == 1 ? "1 new paper" : papers + " new papers");
            assertTrue(browser.driver().findElement(By.linkText(title)).isDisplayed());
            PageChecks.assertReadable(browser, "digest-view");
            browser.open(browser.driver().getCurrentUrl().replace("/digests/", "/digests/x"));
            browser.awaitHeading("This link does not work");
            PageChecks.assertReadable(browser, "not-found");

            assertTrue(unsubscribe.startsWith(url(root, "/unsubscribe/")), "the mail links to this server: " + unsubscribe);
            browser.open(unsubscribe);
            browser.awaitHeading("Unsubscribe?");
            assertTrue(browser.find("main").getText().contains(email));
            List<WebElement> buttons = browser.driver().findElements(By.tagName("button"));
            assertEquals(1, buttons.size());
            assertEquals(Optional.of("active"), Rows.subscriberState(email), "the GET changes nothing");
            PageChecks.assertReadable(browser, "unsubscribe");
            buttons = browser.driver().findElements(By.tagName("button"));

            buttons.get(0).click();
            browser.awaitHeading("You are unsubscribed");
            assertEquals(Optional.of("unsubscribed"), Rows.subscriberState(email));
            PageChecks.assertReadable(browser, "unsubscribed");
        }
    }

    /** Opens a mail's HTML part as a mail client shows it: from a file, nothing around it. */
    private static void showMail(Browser browser, String html, String name) throws IOException {
        Path file = Browser.SCREENSHOTS.resolve(name + ".html");
        Files.createDirectories(file.getParent());
        Files.writeString(file, html);
        browser.open(file.toAbsolutePath().toUri().toString());
    }

    /** Fills and sends the form, then returns the path of the confirm link from the mail. */
    private String signUp(Browser browser, String email) {
        browser.open(url(root, "/"));
        browser.find("#email").sendKeys(email);
        browser.find("#interests").sendKeys(INTEREST);
        browser.find("button[type=submit]").click();
        browser.awaitHeading("Check your inbox");
        return new Mailbox(greenMail, email).awaitMail(1).linkPath("/confirm/");
    }

    private static String address(String kind) {
        return "browser." + kind + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
