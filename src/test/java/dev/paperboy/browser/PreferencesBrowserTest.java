package dev.paperboy.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.Await;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.People;
import dev.paperboy.Person;
import dev.paperboy.subscriber.Subscriber;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.paperboy.browser.Browser.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A subscriber on their preferences page: a change, a mistake, downloading their data, deleting themselves. */
@QuarkusTest
@NeedsChromium
class PreferencesBrowserTest {

    @InjectGreenMail
    GreenMail greenMail;

    @TestHTTPResource("/")
    URL root;

    private static Subscriber row(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.byEmail(email).orElse(null));
    }

    @Test
    void changeMakeAMistakeDownloadAndDelete() throws IOException {
        Person person = Person.active(greenMail, People.address("browser.prefs"), "coral spawning");
        Path downloads = Files.createTempDirectory(Path.of("target"), "downloads-");
        try (Browser browser = Browser.start("Europe/Oslo", true)) {
            browser.open(url(root, person.preferences()));
            browser.awaitHeading("Your preferences");
            PageChecks.assertReadable(browser, "preferences");
            PageChecks.assertReachableByKeyboard(browser, "#interests");

            browser.find("#interests").clear();
            browser.find("#interests").sendKeys("coral spawning\nreef acoustics");
            browser.find("input[name=cadence][value=weekly]").click();
            new Select(browser.find("#hour")).selectByValue("18");
            new Select(browser.find("#timezone")).selectByVisibleText("Asia/Tokyo");
            browser.find("form.card button[type=submit]").click();
            browser.awaitVisible("p.notice");
            assertTrue(browser.find("p.notice").getText().startsWith("Saved."));
            Subscriber saved = row(person.email());
            assertEquals(List.of("coral spawning", "reef acoustics"), saved.interestList());
            assertEquals(Subscriber.Cadence.weekly, saved.cadence);
            assertEquals(18, saved.hour);
            assertEquals("Asia/Tokyo", saved.timezone);
            PageChecks.assertReadable(browser, "preferences-saved");

            browser.find("#interests").clear();
            browser.find("form.card button[type=submit]").click();
            browser.awaitVisible("#interests-error");
            assertEquals("Add at least one interest, one per line.", browser.find("#interests-error").getText());
            assertEquals(List.of("coral spawning", "reef acoustics"), row(person.email()).interestList(), "nothing changed");
            PageChecks.assertReadable(browser, "preferences-error");

            browser.driver().executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
            browser.driver().findElement(By.linkText("Download my data")).click();
            Path file = downloads.resolve("paperboy-data.json");
            assertTrue(Await.until(Duration.ofSeconds(30), () -> Files.exists(file)), "the data is downloaded");
            JsonNode data = new ObjectMapper().readTree(file.toFile());
            assertEquals(person.email(), data.at("/subscription/email").asText());
            assertEquals("reef acoustics", data.at("/subscription/interests/1").asText());
            assertEquals("weekly", data.at("/subscription/cadence").asText());

            browser.driver().findElement(By.linkText("Delete me")).click();
            browser.awaitHeading("Delete everything about you?");
            assertTrue(row(person.email()) != null, "asking deletes nothing");
            PageChecks.assertReadable(browser, "delete-confirm");
            browser.find("button.danger").click();
            browser.awaitHeading("Everything about you is deleted");
            assertNull(row(person.email()));
            PageChecks.assertReadable(browser, "deleted");

            browser.open(url(root, person.preferences()));
            browser.awaitHeading("This link does not work");
        } finally {
            try (var files = Files.list(downloads)) {
                files.forEach(p -> p.toFile().delete());
            }
            Files.deleteIfExists(downloads);
        }
    }

    @Test
    void afterLeavingThePreferencesLinkStillOffersTheDataAndDeletion() {
        Person person = Person.active(greenMail, "browser.left." + UUID.randomUUID().toString().substring(0, 8)
                + "@example.org", "whale song");
        io.restassured.RestAssured.given().contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").post(person.unsubscribe()).then().statusCode(200);
        try (Browser browser = Browser.start("Europe/Oslo", false)) {
            browser.open(url(root, person.preferences()));
            browser.awaitHeading("No active subscription");
            assertTrue(browser.driver().findElement(By.linkText("Download my data")).isDisplayed());
            assertTrue(browser.driver().findElement(By.linkText("Delete me")).isDisplayed());
            PageChecks.assertReadable(browser, "preferences-after-leaving");
        }
    }
}
