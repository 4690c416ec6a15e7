package dev.paperboy.subscriber;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.AdminApi;
import dev.paperboy.InjectGreenMail;
import dev.paperboy.Mailbox;
import dev.paperboy.Person;
import dev.paperboy.Visitor;
import dev.paperboy.system.Secrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every token link refuses unknown, forged, foreign-purpose, garbage and overlong tokens with a 404 page and changes nothing; the genuine ones work, once. */
@QuarkusTest
class TokenLinksTest {

    private static final String NOT_FOUND = "This link does not work";

    @InjectGreenMail
    GreenMail greenMail;

    private static String unique(String name) {
        return "links." + name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static Map<String, String> choices(String interests) {
        return Person.choices(interests);
    }

    private Person pending(String name, String interests) {
        return Person.pending(greenMail, unique(name), interests);
    }

    private Person active(String name, String interests) {
        return Person.active(greenMail, unique(name), interests);
    }

    private static String linkIn(String html, String prefix) {
        return Person.linkIn(html, prefix);
    }

    private static Subscriber.State state(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.byEmail(email).orElseThrow().state);
    }

    /** The page without its per-visit CSRF value, so two visits of an unchanged page compare equal. */
    private static String withoutCsrf(String html) {
        return html.replaceAll("name=\"csrf\" value=\"[^\"]*\"", "name=\"csrf\" value=\"\"");
    }

    private static String replaceAt(String text, int index, char c) {
        return text.substring(0, index) + c + text.substring(index + 1);
    }

    /** Tokens that must open nothing, made from a genuine one: named by what they are. */
    private static Map<String, String> badTokens(String genuine) {
        int dot = genuine.lastIndexOf('.');
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("unknown", Secrets.randomToken(16) + "." + Secrets.randomToken(16));
        bad.put("MAC changed in one character", replaceAt(genuine, dot + 1, genuine.charAt(dot + 1) == 'A' ? 'B' : 'A'));
        bad.put("MAC changed in its middle", replaceAt(genuine, dot + 10, genuine.charAt(dot + 10) == 'z' ? 'y' : 'z'));
        bad.put("subject changed in one character", replaceAt(genuine, 0, genuine.charAt(0) == 'A' ? 'B' : 'A'));
        bad.put("MAC cut off", genuine.substring(0, dot));
        bad.put("MAC alone", genuine.substring(dot));
        bad.put("garbage", "garbage");
        bad.put("dots", "...");
        bad.put("markup", "<b>x<b>");
        bad.put("overlong (3,000 characters)", genuine + "A".repeat(3_000 - genuine.length()));
        return bad;
    }

    /** One link: how a person's browser or mail client follows it. */
    private record Link(String name, String prefix, Function<String, Response> follow) {
    }

    private static final Map<String, String> GOOD_CHOICES = choices("kelp forests");

    private static List<Link> links() {
        return List.of(
                new Link("GET /confirm", "/confirm/", t -> RestAssured.given().get("/confirm/" + t)),
                new Link("POST /confirm", "/confirm/", t -> new Visitor().submit("/", "/confirm/" + t, Map.of())),
                new Link("GET /preferences", "/preferences/", t -> RestAssured.given().get("/preferences/" + t)),
                new Link("POST /preferences", "/preferences/", t -> new Visitor().submit("/", "/preferences/" + t, GOOD_CHOICES)),
                new Link("GET /unsubscribe", "/unsubscribe/", t -> RestAssured.given().get("/unsubscribe/" + t)),
                new Link("POST /unsubscribe", "/unsubscribe/", t -> RestAssured.given().redirects().follow(false)
                        .contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                        .post("/unsubscribe/" + t)),
                new Link("GET /digests", "/digests/", t -> RestAssured.given().get("/digests/" + t)),
                new Link("GET /feed", "/feed/", t -> RestAssured.given().get("/feed/" + t)));
    }

    private static Link link(String name) {
        return links().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    private static void assertLinkDoesNotWork(Response response, String what) {
        assertEquals(404, response.statusCode(), what);
        assertTrue(response.contentType().startsWith("text/html"), what + ": " + response.contentType());
        assertTrue(response.asString().contains(NOT_FOUND), what + ": " + response.asString());
    }

    /** Every link with every kind of bad token: 404, the page, and no subscriber changed. */
    @Test
    void badTokensOpenNoLinkAndChangeNothing() {
        Person waiting = pending("waiting", "tide pools");
        Person reader = active("reader", "sea urchins");
        Map<String, String> genuineOf = Map.of("/confirm/", waiting.token(waiting.confirm()),
                "/preferences/", reader.token(reader.preferences()), "/unsubscribe/", reader.token(reader.unsubscribe()),
                "/digests/", reader.token(reader.unsubscribe()), "/feed/", reader.token(reader.feed()));
        for (Link link : links()) {
            for (Map.Entry<String, String> bad : badTokens(genuineOf.get(link.prefix())).entrySet()) {
                assertLinkDoesNotWork(link.follow().apply(bad.getValue()), link.name() + " with " + bad.getKey() + " token");
            }
        }
        assertEquals(Subscriber.State.pending, state(waiting.email()));
        assertEquals(Subscriber.State.active, state(reader.email()));
        String page = RestAssured.given().get(reader.preferences()).then().statusCode(200).extract().asString();
        assertTrue(page.contains(">sea urchins</textarea>"), "preferences unchanged");
        RestAssured.given().get(reader.feed()).then().statusCode(200).contentType(containsString("application/atom+xml"));
    }

    /** 5,000 characters pass the token's own limit and the server's request-line limit (4,096) alike: refused, nothing changed. */
    @Test
    void aFiveThousandCharacterTokenChangesNothing() {
        Person reader = active("fivethousand", "sand dunes");
        for (Link link : links()) {
            for (String path : new String[]{reader.confirm(), reader.preferences(), reader.unsubscribe(), reader.feed()}) {
                String genuine = reader.token(path);
                Response response = link.follow().apply(genuine + "A".repeat(5_000 - genuine.length()));
                int status = response.statusCode();
                assertTrue(status == 404 || status == 414, link.name() + ": " + status);
            }
        }
        assertEquals(Subscriber.State.active, state(reader.email()));
    }

    @Test
    void aFiveThousandCharacterTokenGetsTheNotFoundPage() {
        for (Link link : links()) {
            assertLinkDoesNotWork(link.follow().apply("a".repeat(5_000)), link.name() + " with 5,000 characters");
        }
    }

    @Test
    void anEmptyTokenOpensNothing() {
        for (Link link : links()) {
            Response response = link.follow().apply("");
            assertEquals(404, response.statusCode(), link.name() + " with an empty token: " + response.asString());
        }
    }

    /** A token opens only what it was issued for: each genuine token of the person, tried on every other link. */
    @Test
    void aTokenOfOnePurposeOpensNoOtherLink() {
        Person reader = active("purpose", "deep sea vents");
        Map<String, String> tokens = Map.of("/confirm/", reader.token(reader.confirm()),
                "/preferences/", reader.token(reader.preferences()), "/unsubscribe/", reader.token(reader.unsubscribe()),
                "/feed/", reader.token(reader.feed()));
        for (Link link : links()) {
            tokens.forEach((prefix, token) -> {
                if (!prefix.equals(link.prefix())) {
                    assertLinkDoesNotWork(link.follow().apply(token), link.name() + " with the " + prefix + " token");
                }
            });
        }
        assertEquals(Subscriber.State.active, state(reader.email()), "the confirm token did not unsubscribe");
    }

    @Test
    void aConfirmTokenCannotUnsubscribe() {
        Person reader = active("binding", "mangroves");
        String confirmToken = reader.token(reader.confirm());
        String unsubscribeToken = reader.token(reader.unsubscribe());
        String subject = unsubscribeToken.substring(0, unsubscribeToken.lastIndexOf('.'));
        String swapped = subject + confirmToken.substring(confirmToken.lastIndexOf('.'));
        assertNotEquals(unsubscribeToken, swapped);
        assertLinkDoesNotWork(link("POST /unsubscribe").follow().apply(swapped), "unsubscribe subject with the confirm MAC");
        assertEquals(Subscriber.State.active, state(reader.email()));
        link("POST /unsubscribe").follow().apply(unsubscribeToken).then().statusCode(200);
        assertEquals(Subscriber.State.unsubscribed, state(reader.email()), "while the genuine token works");
    }

    @Test
    void unsubscribingTwiceIsFineAndCountsOnce() {
        Person reader = active("twice", "lichens");
        for (int i = 0; i < 2; i++) {
            Response response = link("POST /unsubscribe").follow().apply(reader.token(reader.unsubscribe()));
            assertEquals(200, response.statusCode(), "POST number " + (i + 1));
            assertTrue(response.asString().contains("You are unsubscribed"));
            assertTrue(response.asString().contains(reader.email()));
        }
        assertEquals(Subscriber.State.unsubscribed, state(reader.email()));

        String page = RestAssured.given().get(reader.unsubscribe()).then().statusCode(200).extract().asString();
        assertTrue(page.contains("You are unsubscribed"));
        assertFalse(page.contains("<form"), "no button left to press");
        assertLinkDoesNotWork(link("POST /confirm").follow().apply(reader.token(reader.confirm())), "confirming after leaving");
        assertLinkDoesNotWork(link("GET /confirm").follow().apply(reader.token(reader.confirm())), "the confirm page after leaving");
        assertEquals(Subscriber.State.unsubscribed, state(reader.email()), "an old confirm link does not bring them back");
        assertTrue(RestAssured.given().get(reader.preferences()).then().statusCode(200).extract().asString()
                .contains("No active subscription"));
        Response save = new Visitor().submit("/", reader.preferences(), GOOD_CHOICES);
        assertEquals(409, save.statusCode());
        assertTrue(save.asString().contains("No active subscription"));
        assertEquals(Subscriber.State.unsubscribed, state(reader.email()));
    }

    @Test
    void confirmingTwiceIsFineAndCountsOnce() {
        Person person = pending("confirmtwice", "moss");
        for (int i = 0; i < 2; i++) {
            new Visitor().submit(person.confirm(), person.confirm(), Map.of())
                    .then().statusCode(200).body(containsString("You are subscribed"));
        }
        assertEquals(Subscriber.State.active, state(person.email()));
    }

    /** Confirming is a form post like any other: without the page's CSRF field (another site's post) nothing is confirmed. */
    @Test
    void confirmingWithoutTheCsrfFieldConfirmsNothing() {
        Person person = pending("confirmcsrf", "cave fish");
        Visitor visitor = new Visitor();
        visitor.open(person.confirm()).then().statusCode(200);
        visitor.given().contentType(ContentType.URLENC).formParam("x", "y").post(person.confirm())
                .then().statusCode(400).body(containsString("This form has expired"));
        visitor.given().contentType(ContentType.URLENC).formParam("csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .post(person.confirm()).then().statusCode(400);
        visitor.given().post(person.confirm()).then().statusCode(400).body(containsString("This form has expired"));
        RestAssured.given().contentType("text/plain").body("x").post(person.confirm()).then().statusCode(400);
        String page = new Visitor().open(person.confirm()).then().statusCode(200).extract().asString();
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(csrf.find(), page);
        RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC).formParam("csrf", csrf.group(1))
                .post(person.confirm()).then().statusCode(400);
        assertEquals(Subscriber.State.pending, state(person.email()), "still waiting for its owner");
        new Visitor().submit(person.confirm(), person.confirm(), Map.of()).then().statusCode(200)
                .body(containsString("You are subscribed"));
        assertEquals(Subscriber.State.active, state(person.email()));
    }

    /** Mail scanners open every link: a GET of the unsubscribe or confirm link changes nothing. */
    @Test
    void openingTheLinksChangesNothing() {
        Person reader = active("scanned", "peat bogs");
        Person waiting = pending("scannedpending", "salt marshes");
        for (int i = 0; i < 3; i++) {
            String page = RestAssured.given().get(reader.unsubscribe()).then().statusCode(200).extract().asString();
            assertTrue(page.contains("Unsubscribe?") && page.contains("<form method=\"post\">"), page);
            RestAssured.given().get(waiting.confirm()).then().statusCode(200);
            RestAssured.given().head(reader.unsubscribe());
        }
        assertEquals(Subscriber.State.active, state(reader.email()));
        assertEquals(Subscriber.State.pending, state(waiting.email()));
    }

    @Test
    void preferencesChangeThroughTheFormAndReadBack() {
        Person reader = active("prefs", "coral bleaching");
        Map<String, String> fields = Map.of("interests", "ocean acidification\nmarine heatwaves", "cadence", "weekly",
                "hour", "21", "timezone", "Asia/Tokyo", "paused", "on");
        new Visitor().submit(reader.preferences(), reader.preferences(), fields)
                .then().statusCode(200).body(containsString("Saved."));

        String page = RestAssured.given().get(reader.preferences()).then().statusCode(200).extract().asString();
        assertTrue(page.contains(">ocean acidification\nmarine heatwaves</textarea>"), page);
        assertTrue(page.contains("value=\"weekly\" checked"));
        assertFalse(page.contains("value=\"daily\" checked"));
        assertTrue(page.contains("<option value=\"21\" selected>21:00</option>"));
        assertTrue(page.contains("<option selected>Asia/Tokyo</option>"));
        assertTrue(page.contains("name=\"paused\" value=\"on\" checked"));
        assertEquals(Subscriber.State.paused, state(reader.email()));

        Map<String, String> resumed = new HashMap<>(fields);
        resumed.remove("paused");
        new Visitor().submit(reader.preferences(), reader.preferences(), resumed).then().statusCode(200);
        page = RestAssured.given().get(reader.preferences()).then().statusCode(200).extract().asString();
        assertFalse(page.contains("name=\"paused\" value=\"on\" checked"));
        assertEquals(Subscriber.State.active, state(reader.email()));
    }

    @Test
    void invalidPreferencesAreRefusedAndChangeNothing() {
        Person reader = active("badprefs", "river deltas");
        String original = withoutCsrf(RestAssured.given().get(reader.preferences()).then().statusCode(200).extract().asString());
        String twentyOne = IntStream.rangeClosed(1, 21).mapToObj(i -> "topic " + i).collect(Collectors.joining("\n"));
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("no interests", new String[]{"interests", "\n \n", "Add at least one interest, one per line."});
        cases.put("21 interests", new String[]{"interests", twentyOne, "At most 20 interests, please; you gave 21."});
        cases.put("long interest", new String[]{"interests", "x".repeat(201), "Each interest can have at most 200 characters; one has 201."});
        cases.put("hour 24", new String[]{"hour", "24", "Choose an hour from 0 to 23."});
        cases.put("hour -1", new String[]{"hour", "-1", "Choose an hour from 0 to 23."});
        cases.put("hour abc", new String[]{"hour", "abc", "Choose an hour from 0 to 23."});
        cases.put("cadence", new String[]{"cadence", "hourly", "Choose daily or weekly."});
        cases.put("zone", new String[]{"timezone", "Mars/Olympus", "Unknown time zone: choose one from the list (for example Europe/Paris)."});
        cases.forEach((name, c) -> {
            Map<String, String> fields = new LinkedHashMap<>(choices("estuaries"));
            fields.put("paused", "on");
            fields.put(c[0], c[1]);
            Response response = new Visitor().submit(reader.preferences(), reader.preferences(), fields);
            assertEquals(400, response.statusCode(), name);
            String html = response.asString();
            assertTrue(html.contains("<p class=\"error\"") && html.contains(c[2]), name + ": " + html);
            assertTrue(html.contains("nothing was changed"), name);
            assertFalse(html.contains("Saved."), name);
        });
        assertEquals(original, withoutCsrf(RestAssured.given().get(reader.preferences()).then().statusCode(200).extract().asString()),
                "the stored preferences are as before");
        assertEquals(Subscriber.State.active, state(reader.email()), "not paused either");
    }

    @Test
    void preferencesWithoutTheCsrfFieldAreRefused() {
        Person reader = active("prefsnocsrf", "fjords");
        Visitor visitor = new Visitor();
        visitor.open(reader.preferences()).then().statusCode(200);
        visitor.given().contentType(ContentType.URLENC).formParams(choices("avalanches")).formParam("paused", "on")
                .post(reader.preferences()).then().statusCode(400)
                .body(containsString("This form has expired"));
        String page = RestAssured.given().get(reader.preferences()).then().statusCode(200).extract().asString();
        assertTrue(page.contains(">fjords</textarea>"));
        assertEquals(Subscriber.State.active, state(reader.email()));
    }

    @Test
    void hostileMarkupInPreferencesIsStoredAsTextAndShownEscaped() {
        Person reader = active("prefsmarkup", "glaciers");
        new Visitor().submit(reader.preferences(), reader.preferences(),
                choices("<script>alert(1)</script>\n</textarea><img src=x onerror=alert(2)>")).then().statusCode(200);
        String page = RestAssured.given().get(reader.preferences()).then().statusCode(200).extract().asString();
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;\n&lt;/textarea&gt;&lt;img src=x onerror=alert(2)&gt;</textarea>"), page);
        assertFalse(page.contains("<script>alert(1)"));
        assertFalse(page.contains("<img src=x"));
    }

    /** "View in browser" works for the digest's own token and for nothing made from it. */
    @Test
    void theDigestPageOpensOnlyWithItsOwnToken() {
        String topic = "xenobot locomotion";
        Person reader = active("digest", topic);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String title = "Xenobot locomotion driven by cilia " + marker;
        AdminApi.importPapers("[{\"id\": \"links-" + marker + "\", \"title\": \"" + title + "\", "
                + "\"abstract\": \"Xenobots show coordinated locomotion.\"}]");
        AdminApi.forceRun(Instant.now());
        Mailbox.Mail digest = new Mailbox(greenMail, reader.email()).awaitMail(2);
        String view = digest.linkPath("/digests/");
        String page = RestAssured.given().get(view).then().statusCode(200).contentType(ContentType.HTML).extract().asString();
        assertTrue(page.replaceAll("</?mark>", "").contains(title), page);

        String token = view.substring("/digests/".length());
        for (Map.Entry<String, String> bad : badTokens(token).entrySet()) {
            assertLinkDoesNotWork(link("GET /digests").follow().apply(bad.getValue()), "digest page with " + bad.getKey());
        }
        assertLinkDoesNotWork(link("GET /digests").follow().apply(reader.token(reader.unsubscribe())), "an unsubscribe token");
        assertLinkDoesNotWork(link("POST /unsubscribe").follow().apply(token), "the digest token used to unsubscribe");
        assertLinkDoesNotWork(link("GET /preferences").follow().apply(token), "the digest token used for preferences");
        assertLinkDoesNotWork(link("GET /feed").follow().apply(token), "the digest token used for the feed");
        assertLinkDoesNotWork(link("GET /digests").follow().apply(reader.token(reader.feed())), "the feed token used for a digest");
        assertEquals(Subscriber.State.active, state(reader.email()));
    }
}
