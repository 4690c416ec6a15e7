package dev.paperboy.system;

import dev.paperboy.People;
import dev.paperboy.Person;
import dev.paperboy.Rows;
import dev.paperboy.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A form too large to read gets the site's page with its 413, not a blank one; the API gets its JSON error. */
@QuarkusTest
class TooLargeTest {

    private static void thePage(Response answer) {
        assertEquals(413, answer.statusCode(), answer.asString());
        assertTrue(answer.contentType().startsWith("text/html"), answer.contentType());
        assertTrue(answer.asString().contains("That was too much to read"), answer.asString());
        assertTrue(answer.asString().contains("href=\"/\""), "a way back: " + answer.asString());
    }

    @Test
    void aSignUpWithAnInterestOverTheFieldLimitGetsThePage() {
        String email = People.address("too.large.field");
        Map<String, String> fields = new LinkedHashMap<>(Person.choices("sea ice ".repeat(10_000))); // 80 KB > 64K
        fields.put("email", email);
        thePage(new Visitor().submit("/", "/subscribe", fields));
        assertEquals(0, Rows.subscribersAt(email), "nothing stored");
    }

    @Test
    void aSignUpOverTheBodyLimitGetsThePageFromItsLengthAlone() {
        String email = People.address("too.large.body");
        String body = "email=" + email + "&interests=" + "a".repeat(21 * 1024 * 1024);
        // answered from the length alone, then closed: waiting for the answer keeps the client from a broken pipe
        Response answer = RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .header("Expect", "100-continue").body(body).post("/subscribe");
        thePage(answer);
        assertEquals(0, Rows.subscribersAt(email), "nothing stored");
    }
}
