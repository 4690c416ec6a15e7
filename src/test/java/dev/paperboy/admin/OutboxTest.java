package dev.paperboy.admin;

import dev.paperboy.AdminApi;
import dev.paperboy.Await;
import dev.paperboy.People;
import dev.paperboy.Rows;
import dev.paperboy.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Without an SMTP relay a newcomer reads every mail at /admin/outbox, after signing in with the admin token. */
@QuarkusTest
@TestProfile(OutboxProfile.class)
class OutboxTest {

    @Test
    void confirmationAndDigestLandInTheOutbox() {
        String email = People.address("newcomer");
        Visitor newcomer = new Visitor();
        newcomer.submit("/", "/subscribe", Map.of("email", email,
                "interests", "hypernetworks", "cadence", "daily", "hour", "9", "timezone", "UTC"))
                .then().statusCode(200);

        newcomer.open("/admin/outbox").then().statusCode(303);
        newcomer.submit("/admin/login", "/admin/login", Map.of("token", "wrong")).then().statusCode(401);
        newcomer.submit("/admin/login", "/admin/login", Map.of("token", AdminApi.TOKEN)).then().statusCode(303);

        // the confirmation mail is written after the answer, by a queued job
        Await.until(Duration.ofSeconds(30), () -> newcomer.open("/admin/outbox").asString().contains(email));
        String outbox = newcomer.open("/admin/outbox").then().statusCode(200).extract().asString();
        String mail = newcomer.open(mailTo(outbox, email, "Confirm your Paperboy subscription")).then().statusCode(200)
                .extract().asString();
        Matcher confirm = Pattern.compile("http://localhost:\\d+(/confirm/[A-Za-z0-9_.-]+)").matcher(mail);
        assertTrue(confirm.find(), mail);
        // the HTML part is framed from an answer of its own: sandboxed, no script, framed by this site only
        Matcher frame = Pattern.compile("<iframe[^>]*src=\"(/admin/outbox/[^\"]+/html)\"").matcher(mail);
        assertTrue(frame.find(), mail);
        io.restassured.response.Response html = newcomer.open(frame.group(1));
        html.then().statusCode(200).body(containsString("Confirm my subscription"));
        String policy = html.header("Content-Security-Policy");
        assertTrue(policy.contains("sandbox") && policy.contains("frame-ancestors 'self'") && !policy.contains("script"), policy);

        newcomer.submit(confirm.group(1), confirm.group(1), Map.of()).then().statusCode(200)
                .body(containsString("You are subscribed"));
        AdminApi.forceRun(Instant.now());
        assertEquals(List.of("sent"), Rows.digests(email).stream().map(Rows.DigestRow::state).toList());
        outbox = newcomer.open("/admin/outbox").then().statusCode(200).extract().asString();
        newcomer.open(mailTo(outbox, email, "new paper")).then().statusCode(200)
                .body(containsString("To: " + email))
                .body(containsString("Hypernetworks in Deep Learning"));
    }

    /** The link of the outbox row addressed to {@code email} whose subject contains {@code subject}. */
    private static String mailTo(String outbox, String email, String subject) {
        Matcher row = Pattern.compile("<td>" + Pattern.quote(email) + "</td><td><a href=\"(/admin/outbox/[^\"]+)\">([^<]*)</a>")
                .matcher(outbox);
        while (row.find()) {
            if (row.group(2).contains(subject)) {
                return row.group(1);
            }
        }
        return fail("no mail to " + email + " about '" + subject + "' in the outbox:\n" + outbox);
    }

    @Test
    void outboxNamesThatAreNotMailFilesAreNotFound() {
        RestAssured.given().header("Authorization", "Bearer " + AdminApi.TOKEN)
                .get("/admin/outbox/..%2Fsecrets.properties").then().statusCode(404)
                .body(not(containsString("admin-token")));
    }
}
