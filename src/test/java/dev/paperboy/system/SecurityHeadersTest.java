package dev.paperboy.system;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.People;
import dev.paperboy.Person;
import dev.paperboy.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every answer carries the CSP and the other security headers, and no page holds inline script or style. */
@QuarkusTest
class SecurityHeadersTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");
    private static final Pattern STYLE = Pattern.compile("<style|\\sstyle=", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE);
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/(?:css|js)/[^\"]+)\"");

    @InjectGreenMail
    GreenMail greenMail;

    private static void assertHeaders(String what, Response response) {
        String csp = response.header("Content-Security-Policy");
        assertTrue(csp != null, what + ": no Content-Security-Policy");
        List<String> directives = List.of(csp.split("\\s*;\\s*"));
        for (String needed : List.of("default-src 'none'", "script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'", "form-action 'self'", "base-uri 'none'")) {
            assertTrue(directives.contains(needed), what + ": CSP lacks " + needed + ": " + csp);
        }
        assertFalse(csp.contains("unsafe"), what + ": " + csp);
        assertEquals("DENY", response.header("X-Frame-Options"), what);
        assertEquals("no-referrer", response.header("Referrer-Policy"), what);
        assertEquals("nosniff", response.header("X-Content-Type-Options"), what);
    }

    /** A page: the headers, no inline script, style or event handler, and every script and sheet it names is served. */
    private static void assertPage(String what, int status, Response response) {
        assertEquals(status, response.statusCode(), what);
        assertHeaders(what, response);
        String html = response.asString();
        assertTrue(response.contentType().startsWith("text/html"), what + ": " + response.contentType());
        assertFalse(INLINE_SCRIPT.matcher(html).find(), what + " has inline script");
        assertFalse(STYLE.matcher(html).find(), what + " has inline style");
        assertFalse(HANDLER.matcher(html).find(), what + " has an inline event handler");
        assertTrue(html.contains("href=\"/css/paperboy.css\""), what + " uses the shared stylesheet");
        Matcher asset = ASSET.matcher(html);
        while (asset.find()) {
            Response served = RestAssured.given().get(asset.group(1));
            assertEquals(200, served.statusCode(), asset.group(1));
            assertHeaders(asset.group(1), served);
        }
    }

    @Test
    void everyPageOfTheSubscriberCarriesThePolicyAndNoInlineCode() {
        Person person = Person.active(greenMail, People.address("csp"), "tidal energy");
        Map<String, Supplier<Response>> pages = new LinkedHashMap<>();
        pages.put("form", () -> RestAssured.given().get("/"));
        pages.put("preferences", () -> RestAssured.given().get(person.preferences()));
        pages.put("confirm (already active)", () -> RestAssured.given().get(person.confirm()));
        pages.put("unsubscribe", () -> RestAssured.given().get(person.unsubscribe()));
        for (Map.Entry<String, Supplier<Response>> page : pages.entrySet()) {
            assertPage(page.getKey(), 200, page.getValue().get());
        }
        assertPage("form with errors", 400, new Visitor().submit("/", "/subscribe", Map.of("email", "nope")));
        assertPage("check inbox", 200, new Visitor().submit("/", "/subscribe",
                Map.of("email", People.address("csp.inbox"), "interests", "tides")));
        assertPage("form with its preview", 200, new Visitor().submit("/", "/subscribe",
                Map.of("interests", "tides\n\"unclosed", "preview", "on")));
        assertPage("preferences with their preview", 200, new Visitor().submit(person.preferences(),
                person.preferences(), Map.of("interests", "tidal energy", "preview", "on")));
        assertPage("expired form", 400, RestAssured.given().contentType("application/x-www-form-urlencoded")
                .formParam("email", "x@example.org").post("/subscribe"));
        assertPage("unknown link", 404, RestAssured.given().get("/confirm/nothing.here"));
        assertPage("one-click unsubscribe", 200, RestAssured.given().contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").post(person.unsubscribe()));
        assertPage("unknown one-click token", 404, RestAssured.given().contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").post("/unsubscribe/nothing.here"));
    }

    @Test
    void apiAnswersStaticFilesAndUnknownPathsCarryThePolicyToo() {
        assertHeaders("preview", RestAssured.given().get("/api/preview?interest=graphs"));
        assertHeaders("health", RestAssured.given().get("/q/health/live"));
        assertHeaders("stylesheet", RestAssured.given().get("/css/paperboy.css"));
        assertHeaders("unknown path", RestAssured.given().get("/no/such/page"));
    }
}
