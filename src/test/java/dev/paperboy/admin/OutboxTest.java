package dev.paperboy.admin;

import dev.paperboy.AdminApi;
import dev.paperboy.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without an SMTP relay a newcomer reads every mail at /admin/outbox, after signing in with the admin token. */
@QuarkusTest
@TestProfile(OutboxProfile.class)
class OutboxTest {

    @Test
    void confirmationAndDigestLandInTheOutbox() {
        Visitor newcomer = new Visitor();
        newcomer.submit("/", "/subscribe", Map.of("email", "newcomer@example.org",
                "interests", "hypernetworks", "cadence", "daily", "hour", "9", "timezone", "UTC"))
                .then().statusCode(200);

        newcomer.open("/admin/outbox").then().statusCode(303);
        newcomer.submit("/admin/login", "/admin/login", Map.of("token", "wrong")).then().statusCode(401);
        newcomer.submit("/admin/login", "/admin/login", Map.of("token", AdminApi.TOKEN)).then().statusCode(303);

        String outbox = newcomer.open("/admin/outbox").then().statusCode(200)
                .body(containsString("Confirm your Paperboy subscription")).extract().asString();
        Matcher mailLink = Pattern.compile("href=\"(/admin/outbox/[^\"]+-confirm\\.eml)\"").matcher(outbox);
        assertTrue(mailLink.find(), outbox);
        String mail = newcomer.open(mailLink.group(1)).then().statusCode(200).extract().asString();
        Matcher confirm = Pattern.compile("http://localhost:\\d+(/confirm/[A-Za-z0-9_.-]+)").matcher(mail);
        assertTrue(confirm.find(), mail);

        newcomer.submit(confirm.group(1), confirm.group(1), Map.of()).then().statusCode(200)
                .body(containsString("You are subscribed"));
        AdminApi.forceRun(Instant.now());
        newcomer.open("/admin/outbox").then().statusCode(200)
                .body(containsString("new papers for"))
                .body(containsString("newcomer@example.org"));
    }

    @Test
    void outboxNamesThatAreNotMailFilesAreNotFound() {
        RestAssured.given().header("Authorization", "Bearer " + AdminApi.TOKEN)
                .get("/admin/outbox/..%2Fsecrets.properties").then().statusCode(404)
                .body(not(containsString("admin-token")));
    }
}
