package dev.paperboy.paper;

import dev.paperboy.AdminApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static dev.paperboy.paper.PaperDocuments.counts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and broken documents posted to {@code POST /api/admin/papers}: a document that cannot be read adds
 * nothing and says why; in one that can, each bad entry is rejected with its reason and the good ones are added.
 */
@QuarkusTest
class BadPaperDocumentsTest {

    private static long papersMentioning(String text) {
        return QuarkusTransaction.requiringNew().call(() ->
                Paper.count("title like ?1 or abstractText like ?1", "%" + text + "%"));
    }

    private static String error(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        String error = response.jsonPath().getString("error");
        assertFalse(error == null || error.isBlank(), response.asString());
        return error;
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        PaperDocuments run = new PaperDocuments();
        for (String type : new String[]{"application/atom+xml", "application/xml", "text/xml", "application/rss+xml"}) {
            String error = error(PaperDocuments.post(type, run.load("xxe.atom")), 400);
            assertTrue(error.contains("DOCTYPE"), error);
            error = error(PaperDocuments.post(type, run.load("xxe-oai.xml")), 400);
            assertTrue(error.contains("DOCTYPE"), error);
        }
        assertEquals(0, run.papers().size());
        assertEquals(0, papersMentioning("root:"), "nothing of /etc/passwd is stored");
    }

    @Test
    void anEntityBombIsRefusedWithAClearError() {
        PaperDocuments run = new PaperDocuments();
        String error = error(PaperDocuments.post("application/rss+xml", run.load("entity-bomb.rss")), 400);
        assertTrue(error.contains("DOCTYPE") && error.contains("entity"), error);
        assertEquals(0, papersMentioning("lollollol"));
    }

    /** A document cut off in its second entry adds nothing, not even the complete first entry. */
    @Test
    void aCutOffDocumentAddsNothing() {
        PaperDocuments run = new PaperDocuments();
        for (String[] fixture : new String[][]{{"application/atom+xml", "arxiv-api.atom", "<entry>"},
                {"application/rss+xml", "arxiv-rss.xml", "<item>"}, {"application/xml", "oai-arxiv.xml", "<record>"},
                {"application/json", "huggingface.json", "{\n    \"paper\""}}) {
            String whole = new String(run.load(fixture[1]), StandardCharsets.UTF_8);
            int second = whole.indexOf(fixture[2], whole.indexOf(fixture[2]) + 1);
            byte[] cut = whole.substring(0, second + 40).getBytes(StandardCharsets.UTF_8);
            String error = error(PaperDocuments.post(fixture[0], cut), 400);
            assertTrue(error.startsWith("not well-formed XML") || error.startsWith("not valid JSON"), fixture[1] + ": " + error);
        }
        assertEquals(0, run.papers().size());
    }

    @Test
    void jsonThatIsNotJsonAddsNothing() {
        PaperDocuments run = new PaperDocuments();
        for (String body : new String[]{"<feed/>", "[{\"title\": \"[" + run.marker + "] half\",", "{'single': 'quotes'}", "NaN"}) {
            String error = error(PaperDocuments.post("application/json", body.getBytes(StandardCharsets.UTF_8)), 400);
            assertTrue(error.startsWith("not valid JSON") || error.startsWith("expected a JSON list"), error);
        }
        assertEquals(0, run.papers().size());
    }

    @Test
    void xmlThatIsNoFeedSaysWhatItFound() {
        String error = error(PaperDocuments.post("application/xml",
                "<?xml version=\"1.0\"?><html><body>Not a feed</body></html>".getBytes(StandardCharsets.UTF_8)), 400);
        assertTrue(error.contains("<html>"), error);
        error = error(PaperDocuments.post("application/atom+xml", "not xml at all".getBytes(StandardCharsets.UTF_8)), 400);
        assertTrue(error.startsWith("not well-formed XML"), error);
        error = error(PaperDocuments.post("text/xml", new PaperDocuments().load("oai-bad-token.xml")), 400);
        assertTrue(error.contains("badResumptionToken"), error);
        error = error(PaperDocuments.post("application/atom+xml", new PaperDocuments().load("arxiv-api-error.atom")), 400);
        assertTrue(error.contains("incorrect id format"), error);
    }

    /** Each bad entry is refused with its own reason; the good ones around it are stored. */
    @Test
    void aFeedMixingGoodAndBadEntriesKeepsTheGoodOnes() {
        PaperDocuments run = new PaperDocuments();
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
                  <entry><id>http://arxiv.org/abs/2611.00001v1</id><title>Good one</title><summary>Fine.</summary>
                    <published>2026-11-01T00:00:00Z</published></entry>
                  <entry><id>http://arxiv.org/abs/2611.00002v1</id><summary>No title.</summary></entry>
                  <entry><id>http://arxiv.org/abs/2611.00003v1</id><title>Bad date</title><summary>A.</summary>
                    <published>yesterday</published></entry>
                  <entry><id>http://arxiv.org/abs/2611.00004v1</id><title>No summary</title></entry>
                  <entry><id>http://arxiv.org/abs/2611.00005v1</id><title>Script link</title><summary>A.</summary>
                    <link rel="related" title="pdf" href="javascript:alert(1)"/></entry>
                  <entry><id>http://arxiv.org/abs/2611.00006v2</id><title>Good two</title><summary>Also fine.</summary></entry>
                </feed>""";
        byte[] body = run.id(atom).replace("<title>", "<title>[" + run.marker + "] ").getBytes(StandardCharsets.UTF_8);
        Response response = PaperDocuments.post("application/atom+xml", body);
        assertEquals(List.of(6, 2, 0, 0, 4), counts(response), response.asString());
        List<String> errors = response.jsonPath().getList("errors", String.class);
        assertEquals(4, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("paper 2: title is missing"), errors.get(0));
        assertTrue(errors.get(1).startsWith("paper 3: published is not an ISO-8601 date"), errors.get(1));
        assertTrue(errors.get(2).startsWith("paper 4: abstract is missing"), errors.get(2));
        assertTrue(errors.get(3).startsWith("paper 5: pdf link must be an absolute http(s) URL"), errors.get(3));
        assertEquals(List.of("[" + run.marker + "] Good one", "[" + run.marker + "] Good two"),
                run.papers().stream().map(p -> p.title).toList());
    }

    @Test
    void anUnsupportedTypeIs415AndNamesTheAcceptedTypes() throws Exception {
        PaperDocuments run = new PaperDocuments();
        for (String type : new String[]{"text/plain", "text/html", "application/octet-stream", "multipart/form-data",
                "application/x-www-form-urlencoded", "application/pdf"}) {
            HttpResponse<String> response = raw(type, run.load("arxiv-api.atom"), false);
            assertEquals(415, response.statusCode(), type + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), type);
            String error = response.body();
            for (String accepted : new String[]{"application/json", "application/atom+xml", "application/rss+xml",
                    "application/xml", "text/xml"}) {
                assertTrue(error.contains(accepted), type + ": " + error);
            }
        }
        Response noType = AdminApi.admin().body(run.load("arxiv-api.atom")).post("/api/admin/papers");
        assertEquals(415, noType.statusCode(), noType.asString());
        assertEquals(0, run.papers().size());
    }

    /** The cap is checked on the declared length before the body is sent (Expect: 100-continue), and while reading. */
    @Test
    void anUploadOverTheSizeCapIsRefused() throws Exception {
        PaperDocuments run = new PaperDocuments();
        byte[] head = run.load("arxiv-api.atom");
        byte[] big = Arrays.copyOf(head, 21 * 1024 * 1024);
        Arrays.fill(big, head.length, big.length, (byte) ' ');
        HttpResponse<String> response = raw("application/atom+xml", big, true);
        assertEquals(413, response.statusCode(), response.body());
        assertEquals(0, run.papers().size());
    }

    /** A post as any client sends it, whatever its type (RestAssured would encode a form body itself). */
    private static HttpResponse<String> raw(String contentType, byte[] body, boolean expectContinue) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/admin/papers"))
                .header("Authorization", "Bearer " + AdminApi.TOKEN).header("Content-Type", contentType)
                .expectContinue(expectContinue).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
