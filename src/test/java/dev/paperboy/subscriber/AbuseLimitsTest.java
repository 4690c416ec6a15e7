package dev.paperboy.subscriber;

import dev.paperboy.AdminApi;
import dev.paperboy.Await;
import dev.paperboy.HangingRelay;
import dev.paperboy.People;
import dev.paperboy.Person;
import dev.paperboy.Visitor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bursts of sign-ups and previews from one client are answered 429 with Retry-After, counted per client address
 * (from X-Forwarded-For, since this host is a trusted proxy here); a relay that hangs never holds the answer.
 */
@QuarkusTest
@TestProfile(AbuseLimitsProfile.class)
class AbuseLimitsTest {

    /** Answers must come long before the relay's 10-minute timeout: a send inside the request would not. */
    private static final RestAssuredConfig PATIENT = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 60_000).setParam("http.socket.timeout", 60_000));

    private static RestAssuredConfig previous;

    @BeforeAll
    static void bePatient() {
        previous = RestAssured.config;
        RestAssured.config = PATIENT;
    }

    @AfterAll
    static void stopHanging() {
        RestAssured.config = previous;
        HangingRelay.current().release();
    }

    private static Map<String, String> form(String email) {
        Map<String, String> fields = new LinkedHashMap<>(Person.choices("glacier retreat"));
        fields.put("email", email);
        return fields;
    }

    private static Response signUpFrom(String client, String email) {
        return new Visitor().submit("/", "/subscribe", form(email), Map.of("X-Forwarded-For", client));
    }

    private static Subscriber row(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.byEmail(email).orElse(null));
    }

    @Test
    void aBurstOfSignUpsFromOneClientIsCutOffWith429AndRetryAfter() {
        String client = "203.0.113.7";
        for (int i = 0; i < AbuseLimitsProfile.SIGNUPS; i++) {
            assertEquals(200, signUpFrom(client, People.address("burst" + i)).statusCode());
        }
        String refused = People.address("burst.refused");
        Response tooMany = signUpFrom(client, refused);
        assertEquals(429, tooMany.statusCode());
        long retryAfter = Long.parseLong(tooMany.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertTrue(tooMany.contentType().startsWith("text/html"));
        assertTrue(tooMany.asString().contains("Too many tries"), tooMany.asString());
        assertNull(row(refused), "nothing stored for a refused post");

        // what the client writes at the left of the header does not make it someone else
        assertEquals(429, signUpFrom("198.51.100.1, " + client, People.address("burst.spoof")).statusCode());
        assertEquals(200, signUpFrom("203.0.113.8", People.address("burst.other")).statusCode(), "another client is not held");
    }

    @Test
    void aBurstOfPreviewsFromOneClientIsCutOffWith429AndRetryAfter() {
        String client = "203.0.113.30";
        for (int i = 0; i < AbuseLimitsProfile.PREVIEWS; i++) {
            RestAssured.given().header("X-Forwarded-For", client).get("/api/preview?interest=graphs")
                    .then().statusCode(200);
        }
        Response tooMany = RestAssured.given().header("X-Forwarded-For", client).get("/api/preview?interest=graphs");
        assertEquals(429, tooMany.statusCode());
        assertTrue(Long.parseLong(tooMany.header("Retry-After")) > 0);
        assertTrue(tooMany.contentType().startsWith("application/json"));
        assertTrue(tooMany.jsonPath().getString("error").contains("try again in"), tooMany.asString());
        RestAssured.given().header("X-Forwarded-For", "203.0.113.31").get("/api/preview?interest=graphs")
                .then().statusCode(200);
    }

    @Test
    void aKnownAndANewAddressGetTheSameAnswerWhileTheRelayHangs() {
        String known = People.address("hang.known");
        AdminApi.admin().contentType(ContentType.JSON)
                .body("[{\"email\": \"" + known + "\", \"interests\": [\"glacier retreat\"]}]")
                .post("/api/admin/subscribers").then().statusCode(200);
        String fresh = People.address("hang.new");
        String client = "203.0.113.20";

        Response forKnown = signUpFrom(client, known);
        Response forNew = signUpFrom(client, fresh);
        assertEquals(200, forKnown.statusCode());
        assertEquals(200, forNew.statusCode());
        assertEquals(SignupAbuseTest.page(forKnown, known), SignupAbuseTest.page(forNew, fresh),
                "one page for a known and a new address");

        assertTrue(Await.until(Duration.ofSeconds(60), () -> HangingRelay.current().connections() > 0), "the mails are being sent, after the answers");
        assertEquals(Subscriber.State.pending, row(fresh).state);
        assertEquals(client, row(fresh).signupIp, "kept, since PAPERBOY_RECORD_SIGNUP_IP is on here");
        assertEquals(Subscriber.State.active, row(known).state);
        assertNull(row(known).signupIp, "a sign-up of a known address changes nothing about it");
    }
}
