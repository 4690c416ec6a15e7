package dev.paperboy.browser;

import dev.paperboy.AdminApi;
import dev.paperboy.ScriptedRelay;
import dev.paperboy.digest.ScriptedRelayProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.paperboy.browser.Browser.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator watches a digest run on the dashboard while the relay takes one mail at a time (the scripted relay
 * holds each until the test lets it go): the figures move in place with script, by the page's own refresh without,
 * and the relay's refusal shows up among the failures and on the subscriber's page.
 */
@QuarkusTest
@TestProfile(ScriptedRelayProfile.class)

class AdminDashboardBrowserTest {

    ScriptedRelay relay;

    @TestHTTPResource("/")
    URL root;

    @Test
    void theDashboardShowsARunsProgressWhileItSends() throws Exception {
        String m = UUID.randomUUID().toString().substring(0, 8);
        String first = "watch.first." + m + "@example.org";
        String second = "watch.second." + m + "@example.org";
        String refused = "watch.refused." + m + "@example.org";
        relay.refuse(refused);
        ScriptedRelay.Hold firstHeld = relay.hold(Set.of(first), "250 2.0.0 queued");
        ScriptedRelay.Hold secondHeld = relay.hold(Set.of(second), "250 2.0.0 queued");
        AdminApi.importPapers("[{\"title\": \"Sea otter foraging with tools " + m + "\", \"abstract\": \"Sea otter"
                + " foraging " + m + " uses stones as tools.\"}]");
        AdminApi.admin().contentType(ContentType.JSON).body("""
                [{"email": "%s", "interests": ["sea otter foraging %4$s"]}, {"email": "%s", "interests": ["sea otter foraging %4$s"]},
                 {"email": "%s", "interests": ["sea otter foraging %4$s"]}]""".formatted(first, second, refused, m))
                .post("/api/admin/subscribers").then().statusCode(200);

        try (Browser browser = Browser.start("UTC", true); Browser noScript = Browser.start("UTC", false)) {
            signIn(browser);
            browser.awaitHeading("Dashboard");
            long run = AdminApi.admin().contentType(ContentType.JSON).body("{\"force\": true}")
                    .post("/api/admin/digests/run").then().statusCode(200).extract().jsonPath().getLong("runId");
            // one mail at a time: whichever of the two comes first is held, and the other waits behind it
            ScriptedRelay.Hold heldNow = awaitEither(firstHeld, secondHeld);
            ScriptedRelay.Hold heldNext = heldNow == firstHeld ? secondHeld : firstHeld;

            // a run the page did not show yet: the script brings in its row, which reads "running"
            WebElement row = await(browser, "#run-" + run, e -> "running".equals(field(e, "state")));
            long sentBefore = Long.parseLong(field(row, "sent"));
            assertTrue(Long.parseLong(field(row, "pending")) >= 2, "the held mail and the ones after it wait");
            browser.screenshot("admin-dashboard-running");

            signIn(noScript);
            noScript.awaitHeading("Dashboard");
            assertEquals(1, noScript.driver().findElements(By.cssSelector("noscript")).size(), "reloads itself while a run is on");
            String noScriptSent = field(noScript.find("#run-" + run), "sent");

            browser.driver().executeScript("window.paperboyMarker = 'same page'");
            heldNow.release();
            heldNext.awaitArrival();
            row = await(browser, "#run-" + run, e -> Long.parseLong(field(e, "sent")) > sentBefore);
            assertEquals("same page", browser.driver().executeScript("return window.paperboyMarker"),
                    "the figures moved in place, without a reload");
            assertEquals("running", field(row, "state"));
            browser.screenshot("admin-dashboard-progress");
            await(noScript, "#run-" + run, e -> !field(e, "sent").equals(noScriptSent));
            noScript.screenshot("admin-dashboard-noscript");

            heldNext.release();
            await(browser, "#run-" + run, e -> "finished".equals(field(e, "state")));
            WebElement failure = browser.driver().findElement(By.linkText(refused)).findElement(By.xpath("./ancestor::tr"));
            assertTrue(failure.getText().contains("550 5.1.1"), "the relay's answer is shown: " + failure.getText());
            browser.screenshot("admin-dashboard-finished");
            await(noScript, "#run-" + run, e -> "finished".equals(field(e, "state")));

            browser.driver().findElement(By.linkText(refused)).click();
            browser.awaitHeading(refused);
            assertTrue(browser.find("main").getText().contains("550 5.1.1"), "the refusal is among their bounces");
            browser.screenshot("admin-subscriber");

            browser.open(url(root, "/admin"));
            browser.find("#q").sendKeys(m.toUpperCase());
            browser.find("form.search button").click();
            browser.awaitHeading("Subscribers");
            assertEquals(3, browser.driver().findElements(By.cssSelector("#matches tbody tr")).size());
            browser.screenshot("admin-search");

            browser.driver().findElement(By.linkText(refused)).click();
            browser.driver().findElement(By.linkText("Delete…")).click();
            browser.awaitHeading("Delete " + refused + "?");
            browser.screenshot("admin-confirm-delete");
            browser.find("button.danger").click();
            browser.awaitHeading("Subscribers");
            assertTrue(browser.find("p.notice").getText().contains("every row about them is gone"));
            assertTrue(AdminApi.admin().get("/api/admin/stats").then().extract().asString().contains("\"subscribers\""));

            browser.open(url(root, "/admin/test-digest"));
            browser.find("#interest").sendKeys("sea otter foraging " + m);
            browser.find("#email").sendKeys(first);
            browser.find("main button[type=submit]").click();
            // papers of other tests on the same topic may come too, by meaning
            assertTrue(browser.awaitVisible("p.notice").getText().contains("A test digest with "));
            browser.screenshot("admin-test-digest");
            assertTrue(relay.awaitMessagesTo(first, 2).get(1).getSubject().startsWith("[Test] Paperboy"));
        } finally {
            firstHeld.release();
            secondHeld.release();
        }
    }

    private static ScriptedRelay.Hold awaitEither(ScriptedRelay.Hold one, ScriptedRelay.Hold other) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (one.arrived() || other.arrived()) {
                return one.arrived() ? one : other;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("neither held mail reached the relay within 60 s");
    }

    private void signIn(Browser browser) {
        browser.open(url(root, "/admin/login"));
        browser.find("#token").sendKeys(AdminApi.TOKEN);
        browser.find("button[type=submit]").click();
    }

    /** Waits up to a minute for the element to exist and satisfy {@code condition}; polls, since the page may reload. */
    private static WebElement await(Browser browser, String css, Predicate<WebElement> condition) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).ignoring(RuntimeException.class)
                .withMessage(() -> css + " did not get there; the page reads:\n" + browser.find("main").getText())
                .until(driver -> {
                    WebElement element = driver.findElement(By.cssSelector(css));
                    return condition.test(element) ? element : null;
                });
    }

    private static String field(WebElement row, String name) {
        return row.findElement(By.cssSelector("[data-field=" + name + "]")).getText().trim();
    }

}
