package dev.paperboy.admin;

import dev.paperboy.AdminApi;
import dev.paperboy.Rows;
import dev.paperboy.Visitor;
import dev.paperboy.digest.DigestRun;
import dev.paperboy.paper.Paper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator's API refuses strangers and bad documents with a clear error, and counts what an import did right. */
@QuarkusTest
class AdminApiTest {

    private static final String TOKEN = "test-admin-token-0123456789abcdef";

    private static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** What a stranger's calls below would have stored, found by their marker. */
    private static void assertNothingStoredFor(String m, Instant runAt) {
        assertEquals(0, Rows.papersTitled(m), "no paper");
        assertEquals(0, Rows.subscribersAt("admin.stranger." + m + "@example.org"), "no subscriber");
        assertEquals(0, Rows.runsAt(runAt), "no run");
    }

    private static Paper paper(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> Paper.<Paper>find("externalId", externalId).firstResult());
    }

    private static Response postPapers(String contentType, String body) {
        return postPapers(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Response postPapers(String contentType, byte[] body) {
        return AdminApi.admin().contentType(contentType).body(body).post("/api/admin/papers");
    }

    /** One call to each admin endpoint, with a body that would be accepted from the operator. */
    private static Map<String, Function<RequestSpecification, Response>> endpoints(String m, Instant runAt) {
        String email = "admin.stranger." + m + "@example.org";
        Map<String, Function<RequestSpecification, Response>> calls = new LinkedHashMap<>();
        calls.put("POST papers", r -> r.contentType(ContentType.JSON)
                .body("[{\"title\": \"Stranger's paper " + m + "\", \"abstract\": \"Should not be stored.\"}]")
                .post("/api/admin/papers"));
        calls.put("POST subscribers", r -> r.contentType(ContentType.JSON)
                .body("[{\"email\": \"" + email + "\", \"interests\": [\"x\"]}]").post("/api/admin/subscribers"));
        calls.put("POST ingest", r -> r.post("/api/admin/ingest"));
        calls.put("POST digests/run", r -> r.contentType(ContentType.JSON)
                .body("{\"force\": true, \"at\": \"" + runAt + "\"}").post("/api/admin/digests/run"));
        calls.put("GET runs", r -> r.get("/api/admin/runs/1"));
        calls.put("GET stats", r -> r.get("/api/admin/stats"));
        calls.put("GET unknown admin path", r -> r.get("/api/admin/nothing-here"));
        return calls;
    }

    private static Map<String, Function<RequestSpecification, RequestSpecification>> strangers() {
        Map<String, Function<RequestSpecification, RequestSpecification>> who = new LinkedHashMap<>();
        who.put("no token", r -> r);
        who.put("a wrong token", r -> r.header("Authorization", "Bearer wrong-token"));
        who.put("the token plus a character", r -> r.header("Authorization", "Bearer " + TOKEN + "x"));
        who.put("the token less a character", r -> r.header("Authorization", "Bearer " + TOKEN.substring(0, TOKEN.length() - 1)));
        who.put("an empty bearer", r -> r.header("Authorization", "Bearer "));
        who.put("the token without a scheme", r -> r.header("Authorization", TOKEN));
        who.put("basic auth", r -> r.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + TOKEN).getBytes(StandardCharsets.UTF_8))));
        who.put("a wrong cookie", r -> r.cookie("paperboy_admin", "wrong-token"));
        return who;
    }

    @Test
    void everyAdminEndpointRefusesStrangersWith401AndDoesNothing() {
        String m = marker();
        Instant runAt = Instant.parse("2031-01-01T00:00:00Z").plusMillis(ThreadLocalRandom.current().nextLong(1_000_000_000));
        endpoints(m, runAt).forEach((endpoint, call) -> strangers().forEach((stranger, as) -> {
            Response response = call.apply(as.apply(RestAssured.given().redirects().follow(false)));
            String what = endpoint + " with " + stranger;
            assertEquals(401, response.statusCode(), what);
            assertTrue(response.contentType().startsWith("application/json"), what + ": " + response.contentType());
            assertEquals("admin token required", response.jsonPath().getString("error"), what);
            assertTrue(response.header("WWW-Authenticate").startsWith("Bearer"), what);
        }));
        assertNothingStoredFor(m, runAt);
    }

    @Test
    void theRightTokenIsAccepted() {
        AdminApi.admin().get("/api/admin/stats").then().statusCode(200);
    }

    /** The sign-in cookie opens the pages only: no other site can make a signed-in browser call the API. */
    @Test
    void theSignInCookieDoesNotOpenTheApi() {
        RestAssured.given().cookie("paperboy_admin", TOKEN).get("/api/admin/stats").then().statusCode(401);
        RestAssured.given().cookie("paperboy_admin", TOKEN).contentType("application/json").body("{\"force\": true}")
                .post("/api/admin/digests/run").then().statusCode(401);
    }

    @Test
    void adminPagesSendStrangersToTheLogin() {
        for (String path : new String[]{"/admin/outbox", "/admin", "/admin/outbox/some-mail.eml"}) {
            for (RequestSpecification stranger : List.of(RestAssured.given(),
                    RestAssured.given().cookie("paperboy_admin", "wrong-token"),
                    RestAssured.given().header("Authorization", "Bearer wrong-token"))) {
                Response response = stranger.redirects().follow(false).get(path);
                assertEquals(303, response.statusCode(), path);
                assertTrue(response.header("Location").endsWith("/admin/login"), response.header("Location"));
            }
        }
        RestAssured.given().cookie("paperboy_admin", TOKEN).redirects().follow(false).get("/admin/outbox").then().statusCode(200);
    }

    @Test
    void aWrongLoginSetsNoCookie() {
        Response wrong = new Visitor().submit("/admin/login", "/admin/login", Map.of("token", "wrong-token"));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.asString().contains("That token is not right."));
        assertNull(wrong.getCookie("paperboy_admin"));
        Visitor operator = new Visitor();
        Response right = operator.submit("/admin/login", "/admin/login", Map.of("token", TOKEN));
        assertEquals(303, right.statusCode());
        assertEquals(TOKEN, right.getCookie("paperboy_admin"));
        operator.open("/admin/outbox").then().statusCode(200);
    }

    /** The cookie as the browser receives it over plain http (AdminCookieTest covers Secure behind https). */
    @Test
    void theSignInCookieIsHttpOnlyStrictAndSiteWide() {
        Response right = new Visitor().submit("/admin/login", "/admin/login", Map.of("token", TOKEN));
        assertEquals(303, right.statusCode());
        String setCookie = right.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("paperboy_admin=")).findFirst().orElseThrow();
        List<String> attributes = List.of(setCookie.toLowerCase(Locale.ROOT).split(";\\s*"));
        assertTrue(attributes.contains("httponly"), setCookie);
        assertTrue(attributes.contains("samesite=strict"), setCookie);
        assertTrue(attributes.contains("path=/"), setCookie);
        assertFalse(attributes.contains("secure"), "plain http here, so not Secure: " + setCookie);
    }

    /** Another site cannot sign a browser in (login CSRF): without the form's CSRF field no cookie is set. */
    @Test
    void aLoginWithoutItsCsrfFieldSetsNoCookie() {
        Visitor visitor = new Visitor();
        visitor.open("/admin/login").then().statusCode(200);
        Response bare = visitor.given().contentType(ContentType.URLENC).formParam("token", TOKEN).post("/admin/login");
        assertEquals(400, bare.statusCode());
        assertTrue(bare.asString().contains("This form has expired"), bare.asString());
        assertNull(bare.getCookie("paperboy_admin"));

        String page = new Visitor().open("/admin/login").then().statusCode(200).extract().asString();
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(csrf.find(), page);
        Response copied = RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("token", TOKEN).formParam("csrf", csrf.group(1)).post("/admin/login");
        assertEquals(400, copied.statusCode(), "a CSRF value copied without its cookie");
        assertNull(copied.getCookie("paperboy_admin"));
    }

    /** The body limit (20 MB, PAPERBOY_MAX_DOCUMENT_SIZE) refuses a larger import whole; a document under it is read. */
    @Test
    void anImportOverTwentyMegabytesIsRefusedWhole() {
        String m = marker();
        String paper = "[{\"title\": \"Large import " + m + "\", \"abstract\": \"Padded with blanks.\"}]";
        byte[] over = (paper + " ".repeat(20 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        // the server answers 413 from the length alone and closes; waiting for its answer keeps the client from a broken pipe
        Response refused = AdminApi.admin().contentType("application/json").header("Expect", "100-continue").body(over)
                .post("/api/admin/papers");
        assertEquals(413, refused.statusCode(), refused.asString());
        assertEquals(0, Rows.papersTitled(m), "nothing of it stored");

        byte[] under = (paper + " ".repeat(19 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        Response read = postPapers("application/json", under);
        assertEquals(200, read.statusCode(), read.asString());
        assertEquals(1, read.jsonPath().getInt("added"));
        assertEquals(1, Rows.papersTitled(m));
    }

    @Test
    void malformedJsonIsRefusedWithAMessageAndAddsNothing() {
        String m = marker();
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        for (String body : new String[]{"[{\"title\": \"Half a paper " + m + "\",", "not json at all", "{\"title\":}", "",
                "[{\"title\": \"Before the break " + m + "\", \"abstract\": \"A.\"}, {\"title\":", deep}) {
            Response response = postPapers("application/json", body);
            String what = body.length() > 40 ? body.substring(0, 40) + "…" : body;
            assertEquals(400, response.statusCode(), what + ": " + response.asString());
            String error = response.jsonPath().getString("error");
            assertNotNull(error, what);
            assertFalse(error.isBlank(), what);
        }
        assertEquals(0, Rows.papersTitled(m));
    }

    /** A list followed by more text is a malformed document, like a truncated one: nothing of it may be stored. */
    @Test
    void trailingContentAfterTheListIsRefused() {
        String m = marker();
        for (String body : new String[]{"[{\"title\": \"Trailing one " + m + "\", \"abstract\": \"A.\"}] trailing",
                "[{\"title\": \"Trailing two " + m + "\", \"abstract\": \"A.\"}][{\"title\": \"Lost " + m + "\", \"abstract\": \"B.\"}]"}) {
            Response response = postPapers("application/json", body);
            assertEquals(400, response.statusCode(), body + ": " + response.asString());
        }
        assertEquals(0, Rows.papersTitled(m));
    }

    @Test
    void aDocumentThatIsNotAListIsRefused() {
        String m = marker();
        for (String body : new String[]{"{\"title\": \"One paper " + m + "\", \"abstract\": \"As an object.\"}", "\"a string\"", "42", "null"}) {
            Response response = postPapers("application/json", body);
            assertEquals(400, response.statusCode(), body);
            assertEquals("expected a JSON list of papers", response.jsonPath().getString("error"), body);
        }
        assertEquals(0, Rows.papersTitled(m));
    }

    @Test
    void anEmptyListImportsNothing() {
        JsonPath result = AdminApi.importPapers("[]");
        assertEquals(List.of(0, 0, 0, 0), List.of(result.getInt("received"), result.getInt("added"),
                result.getInt("duplicates"), result.getInt("rejected")));
    }

    /** Each bad paper is refused with its own reason; the good ones around it are stored; a second import finds them all known. */
    @Test
    void aListWithBadEntriesKeepsTheGoodOnesAndSaysWhatIsWrongWithEachOther() {
        String m = marker();
        String list = """
                [{"id": "mixed-%1$s-1", "title": "Kelp forest carbon budgets %1$s", "abstract": "Kelp stores carbon."},
                 {"id": "mixed-%1$s-2", "abstract": "No title here."},
                 {"id": "mixed-%1$s-3", "title": "No abstract %1$s"},
                 {"id": "mixed-%1$s-4", "title": "%2$s", "abstract": "Too long a title."},
                 {"id": "mixed-%1$s-5", "title": "Script url %1$s", "abstract": "A.", "url": "javascript:alert(1)"},
                 {"id": "mixed-%1$s-6", "title": "Authors as text %1$s", "abstract": "A.", "authors": "A. Person"},
                 42,
                 {"id": "mixed-%1$s-8", "title": "Seagrass meadows %1$s", "abstract": "Seagrass stores carbon too.",
                  "authors": ["A. Person"], "url": "https://example.org/seagrass"},
                 {"id": "mixed-%1$s-9", "title": "Dated yesterday %1$s", "abstract": "A.", "published": "yesterday"},
                 {"id": "mixed-%1$s-10", "title": {"text": "nested"}, "abstract": "A."}]
                """.formatted(m, "T".repeat(700));
        JsonPath first = AdminApi.importPapers(list);
        assertEquals(10, first.getInt("received"));
        assertEquals(2, first.getInt("added"));
        assertEquals(0, first.getInt("duplicates"));
        assertEquals(8, first.getInt("rejected"));
        List<String> errors = first.getList("errors", String.class);
        assertEquals(8, errors.size(), errors.toString());
        assertError(errors.get(0), 2, "title is missing");
        assertError(errors.get(1), 3, "abstract is missing");
        assertError(errors.get(2), 4, "title is longer than 600 characters");
        assertError(errors.get(3), 5, "url must be an absolute http(s) URL");
        assertError(errors.get(4), 6, "list");
        assertError(errors.get(5), 7, "not a JSON object");
        assertError(errors.get(6), 9, "published is not an ISO-8601 date");
        assertError(errors.get(7), 10, "title must be a string");
        assertEquals(2, Rows.papersTitled(m));
        assertEquals("Seagrass meadows " + m, paper("mixed-" + m + "-8").title);
        assertNull(paper("mixed-" + m + "-5"));

        JsonPath second = AdminApi.importPapers(list);
        assertEquals(List.of(10, 0, 2, 8), List.of(second.getInt("received"), second.getInt("added"),
                second.getInt("duplicates"), second.getInt("rejected")));
        assertEquals(8, second.getList("errors").size());
        assertEquals(2, Rows.papersTitled(m));
    }

    private static void assertError(String error, int paper, String reason) {
        assertTrue(error.startsWith("paper " + paper + ": "), error);
        assertTrue(error.contains(reason), error);
    }

    @Test
    void theSamePaperUnderAnotherIdOrSpellingIsADuplicate() {
        String m = marker();
        AdminApi.importPapers("[{\"id\": \"dup-" + m + "\", \"title\": \"Sparse attention, revisited " + m + "\", \"abstract\": \"A.\"}]");
        JsonPath again = AdminApi.importPapers("""
                [{"id": "other-%1$s", "title": "  SPARSE Attention -- Revisited!! %1$s ", "abstract": "Another copy."},
                 {"title": "sparse attention revisited %1$s", "abstract": "A copy without id."},
                 {"id": "dup-%1$s", "title": "A different title, same id %1$s", "abstract": "Same id."}]
                """.formatted(m));
        assertEquals(List.of(3, 0, 3, 0), List.of(again.getInt("received"), again.getInt("added"),
                again.getInt("duplicates"), again.getInt("rejected")));
        assertEquals(1, Rows.papersTitled(m), "still one paper");
        assertEquals("Sparse attention, revisited " + m, paper("dup-" + m).title, "the first copy stays as it was");
    }

    @Test
    void markupInAPaperIsStoredAsPlainText() {
        String m = marker();
        AdminApi.importPapers("""
                [{"id": "markup-%1$s", "title": "<img src=x onerror=alert(1)>Title %1$s",
                  "abstract": "<script>alert(2)</script>An <b>abstract</b>.", "authors": ["<a href='javascript:x'>Eve</a>"]}]
                """.formatted(m));
        Paper stored = paper("markup-" + m);
        assertEquals("Title " + m, stored.title);
        assertEquals("An abstract.", stored.abstractText, "a script's code is not the paper's text");
        assertEquals(List.of("Eve"), List.of(stored.authors));
    }

    @Test
    void huggingFaceDailyPapersImport() {
        String id = "2401." + (10_000 + ThreadLocalRandom.current().nextInt(89_999));
        String m = marker();
        JsonPath result = AdminApi.importPapers("""
                [{"paper": {"id": "%1$s", "title": "Daily paper on tidal turbines %2$s",
                            "summary": "Tidal turbines, summarized.",
                            "authors": [{"name": "Ada Lovelace", "hidden": false}, {"name": "Alan Turing"}],
                            "publishedAt": "2024-01-01T00:00:00.000Z"},
                  "numComments": 3},
                 {"paper": {"id": "%1$s9", "title": "No summary %2$s"}},
                 {"title": "Not a Hugging Face entry %2$s", "abstract": "A."}]
                """.formatted(id, m));
        assertEquals(List.of(3, 1, 0, 2), List.of(result.getInt("received"), result.getInt("added"),
                result.getInt("duplicates"), result.getInt("rejected")));
        List<String> errors = result.getList("errors", String.class);
        assertError(errors.get(0), 2, "abstract is missing");
        assertError(errors.get(1), 3, "no paper object");
        Paper stored = paper(id);
        assertEquals("Daily paper on tidal turbines " + m, stored.title);
        assertEquals("Tidal turbines, summarized.", stored.abstractText);
        assertEquals(List.of("Ada Lovelace", "Alan Turing"), List.of(stored.authors));
        assertEquals("https://huggingface.co/papers/" + id, stored.url);
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), stored.published);
        assertEquals("huggingface", stored.source);
    }

    @Test
    void anUnsupportedContentTypeIs415() {
        String m = marker();
        String json = "[{\"title\": \"Sent as text " + m + "\", \"abstract\": \"A.\"}]";
        for (String type : new String[]{"text/plain", "text/csv", "application/octet-stream"}) {
            Response response = postPapers(type, json);
            assertEquals(415, response.statusCode(), type);
            assertTrue(response.jsonPath().getString("error").contains("unsupported Content-Type"), type);
        }
        assertEquals(0, Rows.papersTitled(m));
    }

    /** A Content-Type header that does not parse is the client's mistake: a 4xx, never a 500 with a stack trace. */
    @Test
    void aMalformedContentTypeIsAClientError() {
        String m = marker();
        for (String type : new String[]{"json, please", "application/"}) {
            Response response = AdminApi.admin().header("Content-Type", type)
                    .body(("[{\"title\": \"Typed badly " + m + "\", \"abstract\": \"A.\"}]").getBytes(StandardCharsets.UTF_8))
                    .post("/api/admin/papers");
            assertTrue(response.statusCode() == 400 || response.statusCode() == 415, type + ": " + response.statusCode());
        }
        assertEquals(0, Rows.papersTitled(m));
    }

    @Test
    void subscriberImportAddsTheValidRefusesTheInvalidAndCountsDuplicates() {
        String m = marker();
        String known = "admin.known." + m + "@example.org";
        AdminApi.admin().contentType(ContentType.JSON).body("[{\"email\": \"" + known + "\", \"interests\": [\"bees\"]}]")
                .post("/api/admin/subscribers").then().statusCode(200);
        String first = "admin.first." + m + "@example.org";
        String second = "admin.second." + m + "@example.org";
        JsonPath result = AdminApi.admin().contentType(ContentType.JSON).body("""
                [{"email": "%1$s", "interests": ["wasps", "hornets"], "cadence": "weekly", "hour": 7, "timezone": "Europe/Oslo"},
                 {"email": "%2$s", "interests": ["ants"]},
                 {"email": "not-an-address", "interests": ["x"]},
                 {"email": "admin.nointerest.%3$s@example.org", "interests": []},
                 {"email": "admin.nulls.%3$s@example.org"},
                 {"email": "admin.zone.%3$s@example.org", "interests": ["x"], "timezone": "Mars/Olympus"},
                 {"email": "admin.hour.%3$s@example.org", "interests": ["x"], "hour": "25"},
                 {"email": "admin.cadence.%3$s@example.org", "interests": ["x"], "cadence": "hourly"},
                 null,
                 {"email": "admin.crlf.%3$s@example.org\\r\\nBcc: victim@example.org", "interests": ["x"]},
                 {"email": "%4$s", "interests": ["termites"]},
                 {"email": "%1$s", "interests": ["again"]}]
                """.formatted(first, second, m, known.toUpperCase()))
                .post("/api/admin/subscribers").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(12, 2, 2, 8), List.of(result.getInt("received"), result.getInt("added"),
                result.getInt("duplicates"), result.getInt("rejected")));
        List<String> errors = result.getList("errors", String.class);
        assertEquals(8, errors.size(), errors.toString());
        String[][] expected = {{"3", "not a valid email address"}, {"4", "Add at least one interest"},
                {"5", "Add at least one interest"}, {"6", "Unknown time zone"}, {"7", "Choose an hour from 0 to 23"},
                {"8", "Choose daily or weekly"}, {"9", "not an object"}, {"10", "not a valid email address"}};
        for (int i = 0; i < expected.length; i++) {
            assertTrue(errors.get(i).startsWith("subscriber " + expected[i][0] + ": "), errors.get(i));
            assertTrue(errors.get(i).contains(expected[i][1]), errors.get(i));
        }
        assertEquals(Optional.of("active"), Rows.subscriberState(first), "imported people are active at once");
        assertEquals(Optional.of("active"), Rows.subscriberState(second));
        for (String refused : new String[]{"nointerest", "nulls", "zone", "hour", "cadence"}) {
            assertEquals(0, Rows.subscribersAt("admin." + refused + "." + m + "@example.org"), refused);
        }
    }

    @Test
    void aSubscriberDocumentThatCannotBeReadStoresNobody() {
        String m = marker();
        for (String body : new String[]{"[{\"email\": \"admin.broken." + m + "@example.org\",",
                "{\"email\": \"admin.object." + m + "@example.org\", \"interests\": [\"x\"]}",
                "[{\"email\": \"admin.ok." + m + "@example.org\", \"interests\": [\"x\"]}, "
                        + "{\"email\": \"admin.text." + m + "@example.org\", \"interests\": \"not a list\"}]",
                "null"}) {
            Response response = AdminApi.admin().contentType(ContentType.JSON).body(body).post("/api/admin/subscribers");
            assertEquals(400, response.statusCode(), body + ": " + response.asString());
        }
        for (String nobody : new String[]{"broken", "object", "ok", "text"}) {
            assertEquals(0, Rows.subscribersAt("admin." + nobody + "." + m + "@example.org"), nobody);
        }
    }

    @Test
    void aRunWithABadInstantIsRefusedAndNotQueued() {
        // a refused run has no instant of its own to look for; the digest clock is off in tests and classes run
        // one at a time, so no other run can be created while this test counts
        long runs = QuarkusTransaction.requiringNew().call(() -> DigestRun.count());
        for (String body : new String[]{"{\"at\": \"tomorrow\"}", "{\"at\": \"2026-13-01T00:00:00Z\"}",
                "{\"at\": \"2026-11-28 08:00\"}", "{\"at\": 5}", "{\"force\": true, \"at\": \"\"}", "{\"force\": ",
                "{\"forse\": true}", "{\"force\": \"yes\"}", "[true]"}) {
            Response response = AdminApi.admin().contentType(ContentType.JSON).body(body).post("/api/admin/digests/run");
            assertEquals(400, response.statusCode(), body + ": " + response.asString());
        }
        assertEquals(runs, QuarkusTransaction.requiringNew().call(() -> DigestRun.count()));
    }

    /** The papers import says what is wrong in {"error": ...}; the other admin endpoints should too. */
    @Test
    void everyAdminErrorSaysWhatIsWrong() {
        assertErrorSays(AdminApi.admin().contentType(ContentType.JSON).body("{\"at\": \"tomorrow\"}")
                .post("/api/admin/digests/run"), "ISO-8601");
        assertErrorSays(AdminApi.admin().contentType(ContentType.JSON).body("{\"force\": \"yes\"}")
                .post("/api/admin/digests/run"), "force must be true or false");
        assertErrorSays(AdminApi.admin().contentType(ContentType.JSON).body("{\"forse\": true}")
                .post("/api/admin/digests/run"), "unknown field forse");
        assertErrorSays(AdminApi.admin().contentType(ContentType.JSON).body("null").post("/api/admin/subscribers"),
                "expected a JSON list of subscribers");
        for (String body : new String[]{"[{", "{\"email\": \"a@example.org\"}"}) {
            assertErrorSays(AdminApi.admin().contentType(ContentType.JSON).body(body).post("/api/admin/subscribers"), "");
        }
    }

    private static void assertErrorSays(Response response, String expected) {
        String what = response.statusCode() + " '" + response.asString() + "'";
        assertEquals(400, response.statusCode(), what);
        assertTrue(String.valueOf(response.contentType()).startsWith("application/json"), "a JSON answer: " + what);
        String error = response.jsonPath().getString("error");
        assertTrue(error != null && !error.isBlank() && error.contains(expected), what);
    }

    @Test
    void anUnknownRunIs404Json() {
        for (String id : new String[]{"999999", "abc", "-1"}) {
            Response response = AdminApi.admin().get("/api/admin/runs/" + id);
            assertEquals(404, response.statusCode(), id);
            assertTrue(response.contentType().startsWith("application/json"), id + ": " + response.contentType());
            assertEquals("not found", response.jsonPath().getString("error"), id);
        }
    }
}
