package dev.paperboy.admin;

import dev.paperboy.AdminApi;
import dev.paperboy.subscriber.AbuseLimitsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wrong admin tokens are logged with their client, never the token, and after a few from one client its attempts
 * get 429 unchecked; another client, with the right token, is not slowed. (This host is a trusted proxy here, so
 * each test speaks for the client its X-Forwarded-For names.)
 */
@QuarkusTest
@TestProfile(AbuseLimitsProfile.class)
class WrongTokensTest {

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger(WrongTokens.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger(WrongTokens.class.getName()).removeHandler(capture);
    }

    private static Response stats(String client, String token) {
        return RestAssured.given().header("X-Forwarded-For", client).header("Authorization", "Bearer " + token)
                .get("/api/admin/stats");
    }

    @Test
    void wrongTokensAreLoggedThenHeldWithoutSlowingTheRightOne() {
        String guesser = "198.51.100.7";
        for (int i = 0; i < AbuseLimitsProfile.WRONG_ADMIN_TOKENS; i++) {
            assertEquals(401, stats(guesser, "guess-" + i + "-secret").statusCode(), "wrong token " + i);
        }
        String all = String.join("\n", logged);
        assertEquals(AbuseLimitsProfile.WRONG_ADMIN_TOKENS, logged.size(), all);
        assertTrue(all.contains(guesser) && all.contains("/api/admin/stats"), all);
        assertFalse(all.contains("secret"), "no token in the log: " + all);

        Response held = stats(guesser, "guess-next-secret");
        assertEquals(429, held.statusCode(), held.asString());
        assertTrue(Long.parseLong(held.header("Retry-After")) > 0, "Retry-After " + held.header("Retry-After"));
        assertTrue(held.jsonPath().getString("error").contains("too many wrong admin tokens"), held.asString());
        assertEquals(429, stats(guesser, AdminApi.TOKEN).statusCode(), "held: not even checked");
        assertEquals(401, RestAssured.given().header("X-Forwarded-For", guesser).get("/api/admin/stats").statusCode(),
                "no token at all is not an attempt");
        Response page = RestAssured.given().header("X-Forwarded-For", guesser).cookie(AdminAuth.COOKIE, "guess-cookie")
                .redirects().follow(false).get("/admin");
        assertEquals(429, page.statusCode(), "the console's cookie counts too");
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());

        assertEquals(200, stats("198.51.100.8", AdminApi.TOKEN).statusCode(), "another client, the right token");
        assertEquals(401, stats("198.51.100.9", "one-wrong-secret").statusCode(), "another client's first wrong token");
    }

    @Test
    void wrongTokensInTheLoginFormCountToo() {
        String guesser = "198.51.100.30";
        for (int i = 0; i < AbuseLimitsProfile.WRONG_ADMIN_TOKENS; i++) {
            assertEquals(401, login(guesser, "form-guess-" + i).statusCode(), "wrong token " + i);
        }
        assertEquals(AbuseLimitsProfile.WRONG_ADMIN_TOKENS, logged.size(), String.join("\n", logged));
        Response held = login(guesser, AdminApi.TOKEN);
        assertEquals(429, held.statusCode(), "held, the right token not even checked");
        assertTrue(held.asString().contains("Too many"), held.asString());
        assertEquals(303, login("198.51.100.31", AdminApi.TOKEN).statusCode(), "another client signs in");
    }

    /** The login page's form posted with its CSRF field, as a browser would. */
    private static Response login(String client, String token) {
        Response form = RestAssured.given().header("X-Forwarded-For", client).get("/admin/login");
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.asString());
        assertTrue(csrf.find(), form.asString());
        return RestAssured.given().header("X-Forwarded-For", client).cookies(form.cookies()).redirects().follow(false)
                .contentType(ContentType.URLENC).formParam("csrf", csrf.group(1)).formParam("token", token)
                .post("/admin/login");
    }

    @Test
    void aWrongConsoleCookieIsClearedWithTheRedirect() {
        Response page = RestAssured.given().header("X-Forwarded-For", "198.51.100.20")
                .cookie(AdminAuth.COOKIE, "an-old-token").redirects().follow(false).get("/admin");
        assertEquals(303, page.statusCode());
        assertEquals("", page.getDetailedCookie(AdminAuth.COOKIE).getValue(), page.headers().toString());
        assertEquals(0, page.getDetailedCookie(AdminAuth.COOKIE).getMaxAge(), page.headers().toString());
    }
}
