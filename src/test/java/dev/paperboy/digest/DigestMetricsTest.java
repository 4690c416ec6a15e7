package dev.paperboy.digest;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.People;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Delivery figures on /q/metrics: they move when a digest is sent, and the last run's duration and rate show. */
@QuarkusTest
class DigestMetricsTest {

    @InjectGreenMail
    GreenMail greenMail;

    private static double metric(String name) {
        String page = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " ([0-9.eE+-]+|NaN)$").matcher(page);
        return m.find() ? Double.parseDouble(m.group(1)) : fail(name + " not in /q/metrics");
    }

    @Test
    void sendingADigestMovesTheCounters() {
        double sentBefore = metric("paperboy_digests_sent_total");
        double queuedBefore = metric("paperboy_digests_queued_total");
        metric("paperboy_digests_retried_total");
        metric("paperboy_digests_failed_total");
        metric("paperboy_digests_bounced_total");
        metric("paperboy_digests{state=\"sent\"}");

        String email = People.address("metrics.reader");
        String tag = People.marker();
        People.subscribe(email, "lichen symbiosis");
        AdminApi.importPapers("""
                [{"id": "metrics-%s", "title": "Lichen symbiosis in the Arctic %s", "abstract": "Lichen symbiosis, counted."}]"""
                .formatted(tag, tag));
        AdminApi.forceRun(Instant.now());
        new Mailbox(greenMail, email).awaitMail(1);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (metric("paperboy_digests_sent_total") < sentBefore + 1) {
            if (Instant.now().isAfter(deadline)) {
                fail("paperboy_digests_sent_total did not move from " + sentBefore);
            }
            sleep();
        }
        assertTrue(metric("paperboy_digests_queued_total") >= queuedBefore + 1);
        assertTrue(metric("paperboy_digest_run_duration_seconds") >= 0);
        assertTrue(metric("paperboy_digest_run_messages_per_second") >= 0);
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
