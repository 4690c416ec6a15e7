package dev.paperboy.admin;

import dev.paperboy.AdminApi;
import dev.paperboy.Visitor;
import dev.paperboy.subscriber.Subscriber;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console is the operator's alone: without the sign-in cookie (or the bearer token) every page and action is a
 * redirect to the login page that tells nothing, whatever address is asked about, and every form needs its CSRF token.
 */
@QuarkusTest
class AdminConsoleAuthTest {

    private static List<Supplier<RequestSpecification>> strangers() {
        return List.of(RestAssured::given, () -> RestAssured.given().cookie(AdminAuth.COOKIE, "wrong-token"),
                () -> RestAssured.given().header("Authorization", "Bearer wrong-token"));
    }

    @Test
    void everyPageSendsStrangersToTheLogin() {
        String email = Operator.address("stranger");
        Operator.importActive("tidal energy", email);
        long id = Operator.id(email);
        for (String path : List.of("/admin", "/admin/runs", "/admin/subscribers", "/admin/subscribers?q=" + email,
                "/admin/subscribers/" + id, "/admin/subscribers/" + id + "/delete", "/admin/test-digest")) {
            for (Supplier<RequestSpecification> stranger : strangers()) {
                Response response = stranger.get().redirects().follow(false).get(path);
                assertEquals(303, response.statusCode(), path);
                assertTrue(response.header("Location").endsWith("/admin/login"), path);
                assertFalse(response.asString().contains(email), path + " tells nothing about the subscriber");
            }
        }
    }

    /** A search for a subscriber's address and one for an unknown address answer a stranger byte for byte alike. */
    @Test
    void aStrangersSearchCannotTellAKnownAddressFromAnUnknownOne() {
        String known = Operator.address("known");
        Operator.importActive("tidal energy", known);
        String unknown = Operator.address("unknown");
        for (Supplier<RequestSpecification> stranger : strangers()) {
            Response a = stranger.get().redirects().follow(false).get("/admin/subscribers?q=" + known);
            Response b = stranger.get().redirects().follow(false).get("/admin/subscribers?q=" + unknown);
            assertEquals(a.statusCode(), b.statusCode());
            assertEquals(a.header("Location"), b.header("Location"));
            assertEquals(a.asString(), b.asString());
        }
        String page = Operator.signedIn().open("/admin/subscribers?q=" + known).then().statusCode(200).extract().asString();
        assertTrue(page.contains(known), "the operator finds them");
    }

    @Test
    void actionsWithoutTheSignInChangeNothing() {
        String email = Operator.address("unsigned");
        Operator.importActive("tidal energy", email);
        long id = Operator.id(email);
        Visitor stranger = new Visitor(); // has a CSRF token from the login page, but no admin cookie
        for (String action : List.of("pause", "unsubscribe", "delete")) {
            Response response = stranger.submit("/admin/login", "/admin/subscribers/" + id + "/" + action, Map.of());
            assertEquals(303, response.statusCode(), action);
            assertTrue(response.header("Location").endsWith("/admin/login"), action);
        }
        Response test = stranger.submit("/admin/login", "/admin/test-digest",
                Map.of("email", Operator.address("target"), "interest", "tidal energy"));
        assertEquals(303, test.statusCode());
        assertEquals(Subscriber.State.active, Operator.state(email));
    }

    /** Every form of the console carries a CSRF token, and a post without it is refused and changes nothing. */
    @Test
    void everyPostNeedsItsCsrfToken() {
        String email = Operator.address("csrf");
        Operator.importActive("tidal energy", email);
        long id = Operator.id(email);
        Operator operator = Operator.signedIn();
        for (String action : List.of("pause", "unsubscribe", "delete")) {
            String page = operator.open("/admin/subscribers/" + id + "/" + action).then().statusCode(200).extract().asString();
            assertTrue(page.contains("name=\"csrf\""), action + " page has its token");
            Response forged = operator.visitor().given().contentType("application/x-www-form-urlencoded")
                    .formParam("csrf", "forged").post("/admin/subscribers/" + id + "/" + action);
            assertEquals(400, forged.statusCode(), action + " with a forged token");
            Response none = operator.visitor().given().contentType("application/x-www-form-urlencoded")
                    .formParam("x", "y").post("/admin/subscribers/" + id + "/" + action);
            assertEquals(400, none.statusCode(), action + " without a token");
            assertEquals(400, signedInPostWithoutContentType("/admin/subscribers/" + id + "/" + action),
                    action + " with no form at all (what a same-site fetch sends with the console's cookie)");
        }
        assertEquals(Subscriber.State.active, Operator.state(email));
        assertTrue(operator.open("/admin/test-digest").asString().contains("name=\"csrf\""));
        assertTrue(operator.open("/admin").asString().contains("action=\"/admin/logout\""), "sign out is a form too");
    }

    /** A POST carrying the console's cookie and no Content-Type at all (java.net.http, so that no client library adds one). */
    private static int signedInPostWithoutContentType(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                    .header("Cookie", AdminAuth.COOKIE + "=" + AdminApi.TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void consolePagesAreNotKeptInCaches() {
        Operator operator = Operator.signedIn();
        for (String path : List.of("/admin", "/admin/runs", "/admin/subscribers?q=example", "/admin/test-digest")) {
            Response response = operator.open(path);
            assertEquals(200, response.statusCode(), path);
            assertEquals("no-store", response.header("Cache-Control"), path);
        }
        assertEquals("no-store", AdminApi.admin().get("/api/admin/stats").header("Cache-Control"));
    }

    /** Opening a console page without the cookie, then signing in, lands on that page, its query included. */
    @Test
    void signingInReturnsToThePageAsked() {
        for (String asked : List.of("/admin/outbox", "/admin/subscribers?q=someone%40example.org", "/admin/test-digest")) {
            Visitor browser = new Visitor();
            Response toLogin = browser.given().urlEncodingEnabled(false).accept("text/html").get(asked);
            assertEquals(303, toLogin.statusCode(), asked);
            assertTrue(toLogin.header("Location").endsWith("/admin/login"), "the same redirect as ever: " + asked);
            Response signedIn = browser.submit("/admin/login", "/admin/login", Map.of("token", AdminApi.TOKEN));
            assertEquals(303, signedIn.statusCode(), asked);
            URI location = URI.create(signedIn.header("Location"));
            assertEquals(asked, location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
            assertEquals(200, browser.given().urlEncodingEnabled(false).get(asked).statusCode(), asked);
            Response again = browser.submit("/admin/login", "/admin/login", Map.of("token", AdminApi.TOKEN));
            assertEquals("/admin", URI.create(again.header("Location")).getPath(), "used once, then forgotten");
        }
        Response direct = new Visitor().submit("/admin/login", "/admin/login", Map.of("token", AdminApi.TOKEN));
        assertEquals("/admin", URI.create(direct.header("Location")).getPath(), "no page asked: the dashboard");
    }

    /** The dashboard's script polling its figures, or a post, is not a page to come back to. */
    @Test
    void onlyAPageOpenedIsRemembered() {
        Visitor browser = new Visitor();
        browser.given().accept("application/json").get("/admin/runs").then().statusCode(303);
        Response signedIn = browser.submit("/admin/login", "/admin/login", Map.of("token", AdminApi.TOKEN));
        assertEquals("/admin", URI.create(signedIn.header("Location")).getPath());
    }

    /** Whatever the kept value says, sign-in never sends the browser to another site: an open redirect is a defect. */
    @Test
    void signingInNeverLeavesTheSite() {
        for (String evil : List.of("https://evil.example", "//evil.example", "/\\evil.example", "/\\/evil.example",
                "/admin@evil.example", "/adminevil", "http://evil.example/admin", "/admin/login", " //evil.example")) {
            for (String value : List.of(URLEncoder.encode(evil, StandardCharsets.UTF_8), evil)) {
                Response signedIn = signInKeeping(value);
                assertEquals(303, signedIn.statusCode(), evil);
                URI location = URI.create(signedIn.header("Location"));
                assertEquals("/admin", location.getRawPath(), evil + " falls back to the dashboard");
                assertEquals(null, location.getRawQuery(), evil);
            }
        }
        Response local = signInKeeping("%2Fadmin%2Foutbox");
        assertEquals("/admin/outbox", URI.create(local.header("Location")).getRawPath(), "the same way, a local page is kept");
    }

    /** Signs in from a browser whose return cookie holds {@code value}, whatever set it. */
    private static Response signInKeeping(String value) {
        Visitor browser = new Visitor();
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(browser.open("/admin/login").asString());
        assertTrue(csrf.find());
        return browser.given().cookie(SignInReturn.COOKIE, value).contentType("application/x-www-form-urlencoded")
                .formParam("token", AdminApi.TOKEN).formParam("csrf", csrf.group(1)).post("/admin/login");
    }

    @Test
    void signingOutEndsTheSession() {
        Operator operator = Operator.signedIn();
        operator.open("/admin").then().statusCode(200);
        Response out = operator.submit("/admin", "/admin/logout", Map.of());
        assertEquals(303, out.statusCode());
        assertTrue(out.header("Location").endsWith("/admin/login"));
        assertEquals(303, operator.open("/admin").statusCode(), "the cookie is gone");
    }
}
