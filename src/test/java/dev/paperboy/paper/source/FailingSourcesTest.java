package dev.paperboy.paper.source;

import dev.paperboy.AdminApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A source that fails is seen failing (in the answer, its view and its metrics) and holds up no other source. */
@QuarkusTest
class FailingSourcesTest {

    private static final String JSON = "application/json";

    @Test
    void ingestPollsTheOthersPastFailingSourcesAndShowsEachFailure() {
        // names sort before the good source's, so ingest meets every failure first
        String broken = SourcesApi.unique("failing-500");
        String garbled = SourcesApi.unique("failing-garbled");
        String closed = SourcesApi.unique("failing-closed");
        String good = SourcesApi.unique("then-good");
        String marker = "survivor" + good.substring(good.lastIndexOf('-') + 1);
        List<String> names = List.of(broken, garbled, closed, good);
        try (SourceServer server = new SourceServer()) {
            server.on("/broken", (exchange, number) -> SourceServer.send(exchange, 500, "text/plain", "internal error"));
            server.on("/garbled", (exchange, number) -> SourceServer.send(exchange, 200, JSON, "<html>not the daily papers</html>"));
            // every request brings a paper never seen, so the ingest's own poll adds one whatever the job did before
            server.on("/daily", (exchange, number) -> SourceServer.send(exchange, 200, JSON,
                    Documents.huggingFace(Documents.papers(marker + "x" + number, 1))));
            add(broken, server.url("/broken"));
            add(garbled, server.url("/garbled"));
            add(closed, "http://127.0.0.1:9/daily");
            add(good, server.url("/daily"));

            JsonPath ingest = AdminApi.admin().contentType(ContentType.JSON).post("/api/admin/ingest")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(1, report(ingest, good).get("added"));
            assertNull(report(ingest, good).get("error"));
            Map<String, String> reasons = Map.of(broken, "HTTP 500 from 127.0.0.1", garbled, "could not be read",
                    closed, "could not fetch 127.0.0.1");
            reasons.forEach((name, reason) -> {
                Map<String, Object> report = report(ingest, name);
                assertEquals(0, report.get("added"), name);
                assertTrue(String.valueOf(report.get("error")).contains(reason), name + ": " + report.get("error"));

                JsonPath view = SourcesApi.view(name);
                assertTrue(view.getString("lastError").contains(reason), name + ": " + view.getString("lastError"));
                assertTrue(view.getInt("failures") >= 1, view.prettify());
                assertNull(view.getString("lastSuccessAt"), view.prettify());
            });
            assertTrue(ingest.getInt("failed") >= 3, ingest.prettify());

            String metrics = AdminApi.admin().get("/q/metrics").asString();
            for (String name : reasons.keySet()) {
                assertTrue(metric(metrics, "paperboy_source_failures", name) >= 1, name);
                long errorAt = (long) metric(metrics, "paperboy_source_last_error_seconds", name);
                assertTrue(errorAt > Instant.now().minus(Duration.ofMinutes(5)).getEpochSecond(), name + " failed at " + errorAt);
            }
            assertEquals(0.0, metric(metrics, "paperboy_source_failures", good));
            assertTrue(metric(metrics, "paperboy_source_papers_added_total", good) >= 1);
        } finally {
            names.forEach(SourcesApi::delete);
        }
    }

    /** Both sources are enabled: their own Quartz jobs poll them, and one that is slow to answer keeps the other waiting for nothing. */
    @Test
    void aSourceThatIsSlowToAnswerHoldsUpNoOtherSource() {
        String slow = SourcesApi.unique("slow");
        String quick = SourcesApi.unique("quick");
        String marker = "trickled" + slow.substring(slow.lastIndexOf('-') + 1);
        byte[] slowDocument = Documents.huggingFace(Documents.papers(marker, 1)).getBytes(StandardCharsets.UTF_8);
        CountDownLatch answering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (SourceServer server = new SourceServer()) {
            server.on("/slow", (exchange, number) -> SourceServer.trickle(exchange, JSON, slowDocument, answering, release));
            server.on("/quick", (exchange, number) -> SourceServer.send(exchange, 200, JSON,
                    Documents.huggingFace(Documents.papers(marker + "q" + number, 1))));

            SourcesApi.add("{\"name\": \"" + slow + "\", \"kind\": \"huggingface\", \"url\": \"" + server.url("/slow") + "\"}");
            if (!SourceServer.await(answering, 60_000)) {
                fail("the slow source's job did not poll it within 60 s");
            }
            SourcesApi.add("{\"name\": \"" + quick + "\", \"kind\": \"huggingface\", \"url\": \"" + server.url("/quick") + "\"}");
            JsonPath polled = SourcesApi.awaitView(quick, v -> v.getString("lastSuccessAt") != null, "the quick source's poll");
            assertEquals(1, polled.getLong("totalAdded"));
            assertNull(SourcesApi.view(slow).getString("lastPollAt"), "the slow source's poll is still reading its answer");
            assertEquals(1, server.requests("/slow").size());

            release.countDown();
            JsonPath done = SourcesApi.awaitView(slow, v -> v.getString("lastPollAt") != null, "the slow poll's end");
            assertNull(done.getString("lastError"), done.prettify());
            assertEquals(1, done.getLong("totalAdded"));
            assertEquals(1, Documents.stored(marker));
        } finally {
            release.countDown();
            SourcesApi.delete(slow);
            SourcesApi.delete(quick);
        }
    }

    /** As many slow polls as Quartz has threads, and a digest run (a Quartz job) still runs: polls run on threads of their own. */
    @Test
    void slowSourcesHoldUpNoDigestRun() {
        int quartzThreads = ConfigProvider.getConfig().getValue("quarkus.quartz.thread-count", Integer.class);
        CountDownLatch answering = new CountDownLatch(quartzThreads);
        CountDownLatch release = new CountDownLatch(1);
        byte[] nothingNew = Documents.huggingFace(List.of()).getBytes(StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        try (SourceServer server = new SourceServer()) {
            server.on("/slow", (exchange, number) -> SourceServer.trickle(exchange, JSON, nothingNew, answering, release));
            for (int i = 0; i < quartzThreads; i++) {
                names.add(SourcesApi.unique("slow-" + i));
                add(names.get(i), server.url("/slow"));
            }
            if (!SourceServer.await(answering, 60_000)) {
                fail("the slow sources' jobs did not all poll them within 60 s");
            }
            AdminApi.assertFinished(AdminApi.requestRun(false, Instant.now()));
            for (String name : names) {
                assertNull(SourcesApi.view(name).getString("lastPollAt"), name + "'s poll is still reading its answer");
            }
        } finally {
            release.countDown();
            names.forEach(SourcesApi::delete);
        }
    }

    private static void add(String name, String url) {
        SourcesApi.add("{\"name\": \"" + name + "\", \"kind\": \"huggingface\", \"url\": \"" + url + "\", \"every\": \"6h\"}");
    }

    private static Map<String, Object> report(JsonPath ingest, String name) {
        List<String> polled = ingest.getList("sources.source");
        assertTrue(polled.contains(name), name + " not in " + polled);
        return ingest.getMap("sources.find { it.source == '" + name + "' }");
    }

    /** The value of a metric tagged with the source, as Prometheus reads it. */
    private static double metric(String metrics, String metric, String source) {
        String prefix = metric + "{source=\"" + source + "\"} ";
        return metrics.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> Double.parseDouble(line.substring(prefix.length())))
                .orElseGet(() -> fail("no " + prefix + "in /q/metrics"));
    }
}
