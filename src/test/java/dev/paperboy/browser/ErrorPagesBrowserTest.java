package dev.paperboy.browser;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.HoldsExpiredSignUps;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.People;
import dev.paperboy.Person;
import dev.paperboy.subscriber.Subscriber;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;

import static dev.paperboy.browser.Browser.url;

/** The pages of things gone wrong read as calmly as the rest: an expired confirmation link, an expired form. */
@QuarkusTest
@NeedsChromium
class ErrorPagesBrowserTest implements HoldsExpiredSignUps {

    @InjectGreenMail
    GreenMail greenMail;

    @TestHTTPResource("/")
    URL root;

    @Test
    void anExpiredConfirmationLinkAndAnExpiredForm() {
        Person person = Person.pending(greenMail, People.address("browser.expired"), "sea grass");
        QuarkusTransaction.requiringNew().run(() -> Subscriber.update("confirmRequestedAt = ?1 where emailKey = ?2",
                Instant.now().minus(Duration.ofDays(8)), person.email().toLowerCase()));
        try (Browser browser = Browser.start("UTC", true)) {
            browser.open(url(root, person.confirm()));
            browser.awaitHeading("This confirmation link has expired");
            PageChecks.assertReadable(browser, "confirm-expired");

            browser.open(url(root, "/"));
            browser.find("#email").sendKeys(People.address("browser.stale"));
            browser.find("#interests").sendKeys("sea grass");
            browser.driver().manage().deleteAllCookies();
            browser.find("button[type=submit]").click();
            browser.awaitHeading("This form has expired");
            PageChecks.assertReadable(browser, "form-expired");
        }
    }
}
