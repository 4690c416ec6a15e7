package dev.paperboy.browser;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.People;
import dev.paperboy.PreviewPapers;
import dev.paperboy.Person;
import dev.paperboy.Rows;
import dev.paperboy.subscriber.Subscriber;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.paperboy.browser.Browser.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** As a person types an interest, the papers it would bring appear below the field; a broken one says where. */
@QuarkusTest
@NeedsChromium
class PreviewBrowserTest {

    /** Counts the page's previews asked and the most ever in flight at once; can answer the next ones with a 429. */
    private static final String WATCH_FETCH = """
            var real = window.fetch, inFlight = 0;
            window.previews = []; window.mostInFlight = 0; window.refuse = 0;
            window.fetch = function (url) {
              if (String(url).indexOf('/api/preview') !== 0) { return real.apply(this, arguments); }
              window.previews.push(decodeURIComponent(String(url).replace(/^.*interest=/, '')));
              inFlight++; window.mostInFlight = Math.max(window.mostInFlight, inFlight);
              var answer = window.refuse > 0 && window.refuse--
                  ? Promise.resolve(new Response('{"error":"Too many previews"}',
                      { status: 429, headers: { 'Retry-After': '8', 'Content-Type': 'application/json' } }))
                  : real.apply(this, arguments);
              return answer.finally(function () { inFlight--; });
            };""";

    @InjectGreenMail
    GreenMail greenMail;

    @TestHTTPResource("/")
    URL root;

    @Test
    void theSignUpFormPreviewsTheLineBeingTypedShowsABrokenOneAndStillSubscribes() {
        String word = PreviewPapers.imported();
        String email = People.address("browser.preview");
        try (Browser browser = Browser.start("Europe/Paris", true)) {
            browser.open(url(root, "/"));
            browser.awaitHeading("New papers on your topics, in your inbox");
            assertFalse(browser.find("[data-preview-button]").isDisplayed(), "with script, the preview is live");
            browser.driver().executeScript(WATCH_FETCH);
            browser.find("#email").sendKeys(email);
            WebElement field = browser.find("#interests");
            field.sendKeys(word + " crystals");

            WebElement title = awaitText(browser, "#interests-preview ol.preview-papers li:first-child a",
                    word + " crystals grown in brine");
            assertEquals("https://example.org/" + word + "/1", title.getAttribute("href"));
            assertTrue(title.findElements(By.tagName("mark")).stream().anyMatch(m -> m.getText().equalsIgnoreCase(word)),
                    "the matched words are marked: " + title.getAttribute("innerHTML"));
            assertEquals("Matches " + word + ", crystals in the title.",
                    browser.find("#interests-preview li:first-child .preview-why").getText());
            assertEquals("polite", browser.find("#interests-preview").getAttribute("aria-live"));
            PageChecks.assertReadable(browser, "preview-signup");
            PageChecks.assertReachableByKeyboard(browser, "#interests-preview a");

            field.sendKeys("\n\"unclosed");
            WebElement error = awaitText(browser, "#interests-live-error", "Line 2: “\"unclosed”: ");
            assertEquals("\"", error.findElement(By.cssSelector("code.refused-at mark")).getText());
            assertEquals("true", field.getAttribute("aria-invalid"));
            assertTrue(field.getAttribute("aria-describedby").contains("interests-live-error"));
            assertTrue(browser.driver().findElements(By.cssSelector("#interests-preview a")).isEmpty(),
                    "only the line being typed is previewed");
            PageChecks.assertReadable(browser, "preview-signup-error");

            for (int i = 0; i < "\n\"unclosed".length(); i++) {
                field.sendKeys(Keys.BACK_SPACE);
            }
            awaitText(browser, "#interests-preview ol.preview-papers li:first-child a", word + " crystals grown in brine");
            assertEquals(null, field.getAttribute("aria-invalid"), "fixed: the field is no longer marked");
            assertEquals(1L, (Long) browser.driver().executeScript("return window.mostInFlight"),
                    "never more than one preview in flight");

            browser.find("button[type=submit]:not([data-preview-button])").click();
            browser.awaitHeading("Check your inbox");
            assertEquals(Optional.of("pending"), Rows.subscriberState(email));
        }
    }

    @Test
    void keystrokesInABurstAskOnceAndA429PausesThePreviewUntilItMayAskAgain() {
        String word = PreviewPapers.imported();
        try (Browser browser = Browser.start("Europe/Paris", true)) {
            browser.open(url(root, "/"));
            browser.awaitHeading("New papers on your topics, in your inbox");
            browser.driver().executeScript(WATCH_FETCH);
            typeInOneGo(browser, word + " brine");
            awaitText(browser, "#interests-preview .preview-head", "“" + word + " brine” would bring");
            assertEquals(List.of(word + " brine"), browser.driver().executeScript("return window.previews"),
                    "one request for the whole burst");

            browser.driver().executeScript("window.refuse = 1");
            typeInOneGo(browser, " chemistry");
            awaitText(browser, "#interests-preview .preview-note", "Preview paused");
            PageChecks.assertReadable(browser, "preview-paused");
            awaitText(browser, "#interests-preview .preview-head", "“" + word + " brine chemistry” would bring");
            assertEquals(List.of(word + " brine", word + " brine chemistry", word + " brine chemistry"),
                    browser.driver().executeScript("return window.previews"),
                    "refused once, asked once more when the pause is over, and nothing else");
        }
    }

    @Test
    void thePreferencesPagePreviewsTheSameWay() {
        String word = PreviewPapers.imported();
        Person person = Person.active(greenMail, People.address("browser.prefs.preview"), "tidal energy");
        try (Browser browser = Browser.start("Europe/Oslo", true)) {
            browser.open(url(root, person.preferences()));
            browser.awaitHeading("Your preferences");
            WebElement field = browser.find("#interests");
            field.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n" + word + " brine");
            awaitText(browser, "#interests-preview .preview-head", "“" + word + " brine” would bring");
            List<String> titles = browser.driver()
                    .findElements(By.cssSelector("#interests-preview ol.preview-papers:not(.preview-next) li a"))
                    .stream().map(WebElement::getText).toList();
            assertTrue(titles.contains(word + " crystals grown in brine"), titles.toString());
            if (titles.size() < 5) { // other tests' brine papers may fill all five places of the digest's list
                awaitText(browser, "#interests-preview .preview-next-head", "Next best, not in your digest:");
                List<String> next = browser.driver()
                        .findElements(By.cssSelector("#interests-preview ol.preview-next li a"))
                        .stream().map(WebElement::getText).toList();
                assertFalse(next.isEmpty() || next.stream().anyMatch(titles::contains), titles + " then " + next);
            }
            PageChecks.assertReadable(browser, "preview-preferences");

            field.sendKeys("\n(brine AND");
            awaitText(browser, "#interests-live-error", "Line 3: “(brine AND”: ");
            PageChecks.assertReadable(browser, "preview-preferences-error");
            for (int i = 0; i < "\n(brine AND".length(); i++) {
                field.sendKeys(Keys.BACK_SPACE);
            }
            browser.find("form.card button[type=submit]:not([data-preview-button])").click();
            browser.awaitVisible("p.notice");
            Subscriber saved = QuarkusTransaction.requiringNew()
                    .call(() -> Subscriber.byEmail(person.email()).orElseThrow());
            assertEquals(List.of("tidal energy", word + " brine"), saved.interestList());
        }
    }

    @Test
    void withoutScriptThePreviewButtonShowsEveryInterestAndSubscribingStillWorks() {
        String word = PreviewPapers.imported();
        String email = People.address("browser.preview.noscript");
        try (Browser browser = Browser.start("Europe/Paris", false)) {
            browser.open(url(root, "/"));
            browser.find("#email").sendKeys(email);
            browser.find("#interests").sendKeys(word + " crystals\nbrine AND");
            browser.find("[data-preview-button]").click();
            WebElement title = awaitText(browser, "#interests-preview ol.preview-papers li:first-child a",
                    word + " crystals grown in brine");
            assertTrue(title.findElements(By.tagName("mark")).size() >= 1);
            assertTrue(browser.find("#interests-preview p.error").getText().startsWith("“brine AND”: "));
            assertEquals(Optional.empty(), Rows.subscriberState(email), "previewing subscribes nobody");
            PageChecks.assertReadable(browser, "preview-noscript");

            WebElement field = browser.find("#interests");
            field.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
            for (int i = 0; i < "\nbrine AND".length(); i++) {
                field.sendKeys(Keys.BACK_SPACE);
            }
            browser.find("button[type=submit]:not([data-preview-button])").click();
            browser.awaitHeading("Check your inbox");
            assertEquals(Optional.of("pending"), Rows.subscriberState(email));
        }
    }

    /** Appends {@code text} to the interests, one input event per character, all in one go: no debounce fires between. */
    private static void typeInOneGo(Browser browser, String text) {
        browser.driver().executeScript("""
                var field = document.getElementById('interests'), text = arguments[0], typed = field.value;
                field.focus();
                for (var i = 1; i <= text.length; i++) {
                  field.value = typed + text.slice(0, i);
                  field.setSelectionRange(field.value.length, field.value.length);
                  field.dispatchEvent(new Event('input'));
                }""", text);
    }

    /**
     * The element once its text starts with {@code start}; the preview's first answer may wait for the index. The
     * preview redraws as answers come, so an element found may be gone when read: then it is looked for again.
     */
    private static WebElement awaitText(Browser browser, String css, String start) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> css + " never read '" + start + "'; the preview reads: "
                        + browser.driver().findElements(By.id("interests-preview")).stream()
                        .map(WebElement::getText).toList())
                .until(d -> d.findElements(By.cssSelector(css)).stream()
                        .filter(e -> e.getText().startsWith(start)).findFirst().orElse(null));
    }

}
