package dev.paperboy.paper.source;

import dev.paperboy.AdminApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Polling a source over real HTTP: who we say we are, conditional GET, gzip and redirects, and politeness. */
@QuarkusTest
class FeedPollTest {

    private static final String JSON = "application/json";

    @Test
    void everyRequestNamesPaperboyAndTheOperatorAndAnUnchangedFeedAddsNothing() throws IOException {
        String name = SourcesApi.unique("hf-conditional");
        String marker = "conditional" + name.substring(name.lastIndexOf('-') + 1);
        byte[] document = gzip(Documents.huggingFace(Documents.papers(marker, 2)));
        try (SourceServer server = new SourceServer()) {
            server.on("/api/daily_papers", (exchange, number) -> {
                if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", JSON);
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                exchange.getResponseHeaders().set("ETag", "\"v1\"");
                exchange.getResponseHeaders().set("Last-Modified", "Fri, 27 Nov 2026 08:00:00 GMT");
                exchange.sendResponseHeaders(200, document.length);
                exchange.getResponseBody().write(document);
            });
            server.on("/moved", (exchange, number) -> SourceServer.send(exchange, 301, null, "",
                    "Location", server.url("/api/daily_papers")));
            SourcesApi.add(source(name, server.url("/moved")));

            JsonPath first = SourcesApi.pollOk(name);
            assertEquals(2, first.getInt("added"));
            assertFalse(first.getBoolean("notModified"));
            assertEquals(2, Documents.stored(marker));

            JsonPath second = SourcesApi.pollOk(name);
            assertTrue(second.getBoolean("notModified"), second.prettify());
            assertEquals(0, second.getInt("added"));

            List<SourceServer.Request> requests = server.requests("/api/daily_papers");
            assertEquals(2, requests.size(), "the redirect was followed each time");
            assertNull(requests.get(0).header("If-None-Match"));
            assertEquals("\"v1\"", requests.get(1).header("If-None-Match"));
            assertEquals("Fri, 27 Nov 2026 08:00:00 GMT", requests.get(1).header("If-Modified-Since"));
            for (SourceServer.Request request : server.requests("/moved")) {
                String userAgent = request.header("User-Agent");
                assertTrue(userAgent.startsWith("Paperboy/") && userAgent.contains("(mailto:paperboy-tests@example.org)"), userAgent);
            }
            assertEquals(requests.get(0).header("User-Agent"), server.requests("/moved").get(0).header("User-Agent"));

            JsonPath view = SourcesApi.view(name);
            assertEquals(0, view.getInt("lastAdded"), "the last poll (a 304) added nothing");
            assertEquals(2, view.getLong("totalAdded"));
            assertTrue(Instant.parse(view.getString("lastSuccessAt")).isAfter(Instant.now().minusSeconds(120)));
            assertNull(view.getString("lastError"));

            String metrics = AdminApi.admin().get("/q/metrics").asString();
            assertTrue(metrics.contains("paperboy_source_papers_added_total{source=\"" + name + "\"} 2.0"), metrics);
            assertTrue(metrics.contains("paperboy_source_last_added{source=\"" + name + "\"} 0.0"), metrics);
            assertTrue(metrics.contains("paperboy_source_last_success_seconds{source=\"" + name + "\"}"), metrics);
        } finally {
            SourcesApi.delete(name);
        }
    }

    /** A source moved to another host whose document cannot be read: the error names the host that answered. */
    @Test
    void aRedirectedSourcesErrorNamesTheHostThatAnswered() {
        String name = SourcesApi.unique("hf-moved-garbled");
        try (SourceServer server = new SourceServer()) {
            server.on("/garbled", (exchange, number) -> SourceServer.send(exchange, 200, JSON, "<html>not the daily papers</html>"));
            server.on("/moved", (exchange, number) -> SourceServer.send(exchange, 301, null, "",
                    "Location", server.url("/garbled").replace("127.0.0.1", "localhost")));
            SourcesApi.add(source(name, server.url("/moved")));
            SourcesApi.poll(name);
            assertEquals(1, server.requests("/garbled").size(), "the redirect to the other host was followed");
            String error = SourcesApi.view(name).getString("lastError");
            assertTrue(error.contains("the document from localhost could not be read"), error);
            assertFalse(error.contains("127.0.0.1"), error);
        } finally {
            SourcesApi.delete(name);
        }
    }

    @Test
    void aShortRetryAfterIsWaitedOutWithinThePoll() {
        String name = SourcesApi.unique("hf-429");
        String marker = "patient" + name.substring(name.lastIndexOf('-') + 1);
        String document = Documents.huggingFace(Documents.papers(marker, 1));
        try (SourceServer server = new SourceServer()) {
            server.on("/daily", (exchange, number) -> {
                if (number == 1) {
                    SourceServer.send(exchange, 429, "text/plain", "slow down", "Retry-After", "1");
                } else {
                    SourceServer.send(exchange, 200, JSON, document);
                }
            });
            SourcesApi.add(source(name, server.url("/daily")));
            assertEquals(1, SourcesApi.pollOk(name).getInt("added"));
            List<SourceServer.Request> requests = server.requests("/daily");
            assertEquals(2, requests.size());
            long gap = requests.get(1).nanos() - requests.get(0).nanos();
            assertTrue(gap >= Duration.ofSeconds(1).toNanos(), "asked again after " + gap / 1_000_000 + " ms");
        } finally {
            SourcesApi.delete(name);
        }
    }

    /** The source is enabled: its own Quartz job polls it at once, meets the 503, and schedules no poll before the hour. */
    @Test
    void aLongRetryAfterEndsThePollAndNoRequestComesBeforeIt() {
        String name = SourcesApi.unique("hf-503");
        try (SourceServer server = new SourceServer()) {
            server.on("/daily", (exchange, number) ->
                    SourceServer.send(exchange, 503, "text/plain", "maintenance", "Retry-After", "3600"));
            SourcesApi.add("{\"name\": \"" + name + "\", \"kind\": \"huggingface\", \"url\": \"" + server.url("/daily") + "\"}");
            JsonPath failed = SourcesApi.awaitView(name, v -> v.getString("lastErrorAt") != null, "a failed poll");
            assertTrue(failed.getString("lastError").contains("HTTP 503"), failed.getString("lastError"));
            Instant notBefore = Instant.parse(failed.getString("notBefore"));
            assertTrue(notBefore.isAfter(Instant.now().plus(Duration.ofMinutes(55))), "not before " + notBefore);
            assertEquals(notBefore, Instant.parse(failed.getString("nextPollAt")), "the next poll waits for the hour");

            JsonPath refused = SourcesApi.poll(name).then().statusCode(502).extract().jsonPath();
            assertTrue(refused.getString("error").contains("asked not to be polled before"), refused.getString("error"));
            assertEquals(0, refused.getInt("requests"));
            assertEquals(1, server.requests("/daily").size(), "nobody asked again before the hour");
        } finally {
            SourcesApi.delete(name);
        }
    }

    @Test
    void aFailedPollIsRetriedByItsJobAfterABackoff() {
        String name = SourcesApi.unique("hf-retry");
        String marker = "retried" + name.substring(name.lastIndexOf('-') + 1);
        String document = Documents.huggingFace(Documents.papers(marker, 1));
        try (SourceServer server = new SourceServer()) {
            server.on("/daily", (exchange, number) -> {
                if (number == 1) {
                    SourceServer.send(exchange, 500, "text/plain", "oops");
                } else {
                    SourceServer.send(exchange, 200, JSON, document);
                }
            });
            SourcesApi.add("{\"name\": \"" + name + "\", \"kind\": \"huggingface\", \"url\": \"" + server.url("/daily") + "\"}");
            JsonPath recovered = SourcesApi.awaitView(name, v -> v.getString("lastSuccessAt") != null, "a successful retry");
            assertTrue(recovered.getString("lastError").contains("HTTP 500"), recovered.getString("lastError"));
            assertEquals(0, recovered.getInt("failures"));
            assertEquals(1, recovered.getLong("totalAdded"));
            assertEquals(1, Documents.stored(marker));
            assertTrue(server.requests("/daily").size() >= 2);
        } finally {
            SourcesApi.delete(name);
        }
    }

    @Test
    void ingestPollsEveryEnabledSourceAndSaysWhatEachAdded() {
        String first = SourcesApi.unique("ingest-a");
        String second = SourcesApi.unique("ingest-b");
        String paused = SourcesApi.unique("ingest-paused");
        String marker = "ingested" + first.substring(first.lastIndexOf('-') + 1);
        try (SourceServer server = new SourceServer()) {
            // every request brings a paper never seen, so the ingest's own poll adds one whatever the job did before
            server.on("/daily", (exchange, number) -> SourceServer.send(exchange, 200, JSON,
                    Documents.huggingFace(Documents.papers(marker + "x" + number, 1))));
            SourcesApi.add("{\"name\": \"" + first + "\", \"kind\": \"huggingface\", \"url\": \"" + server.url("/daily") + "\"}");
            SourcesApi.add("{\"name\": \"" + second + "\", \"kind\": \"huggingface\", \"url\": \"" + server.url("/daily") + "\"}");
            SourcesApi.add(source(paused, server.url("/daily")));

            JsonPath ingest = AdminApi.admin().contentType(ContentType.JSON).post("/api/admin/ingest")
                    .then().statusCode(200).extract().jsonPath();
            List<String> polled = ingest.getList("sources.source");
            assertTrue(polled.contains(first) && polled.contains(second), polled.toString());
            assertFalse(polled.contains(paused), "a paused source is not polled");
            assertEquals(1, ingest.getInt("sources.find { it.source == '" + first + "' }.added"));
            assertEquals(1, ingest.getInt("sources.find { it.source == '" + second + "' }.added"));
            assertTrue(ingest.getInt("added") >= 2);
        } finally {
            List.of(first, second, paused).forEach(SourcesApi::delete);
        }
    }

    private static String source(String name, String url) {
        return "{\"name\": \"" + name + "\", \"kind\": \"huggingface\", \"url\": \"" + url + "\", \"enabled\": false}";
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
