package dev.paperboy.paper.source;

import dev.paperboy.AdminApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Managing sources through the admin API: defaults, validation that changes nothing, replace, pause, remove. */
@QuarkusTest
class SourcesApiTest {

    @Test
    void anArxivSourceGetsArxivsEndpointAndItsDailyScheduleAfterTheAnnouncement() {
        String name = SourcesApi.unique("api-defaults");
        try {
            // paused, so no test ever asks the real arXiv
            JsonPath added = SourcesApi.add("{\"name\": \"" + name + "\", \"kind\": \"arxiv-api\", \"query\": \"cat:cs.LG OR cat:cs.CL\", \"enabled\": false}");
            assertEquals("https://export.arxiv.org/api/query", added.getString("url"));
            assertEquals("cat:cs.LG OR cat:cs.CL", added.getString("query"));
            assertEquals("api", added.getString("origin"));
            assertEquals("cron 0 30 20 ? * SUN-THU America/New_York", added.getString("schedule"));
            assertEquals(0, added.getLong("totalAdded"));
            assertNull(added.getString("lastSuccessAt"));
            assertNull(added.getString("nextPollAt"), "a paused source is not polled");

            JsonPath enabled = SourcesApi.save("{\"name\": \"" + name + "\", \"kind\": \"arxiv-api\", \"query\": \"cat:cs.LG OR cat:cs.CL\", \"url\": \"http://127.0.0.1:9/api/query\"}")
                    .then().statusCode(200).extract().jsonPath();
            assertTrue(enabled.getBoolean("enabled"));
            // a source never polled is polled at once (by its job: here it meets a closed port)
            SourcesApi.awaitView(name, v -> v.getString("lastPollAt") != null, "the first poll");

            JsonPath rss = SourcesApi.add("{\"name\": \"" + name + "-rss\", \"kind\": \"arxiv-rss\", \"query\": \"cs.LG cs.CL\", \"enabled\": false}");
            assertEquals("https://rss.arxiv.org/rss/", rss.getString("url"));
            assertEquals("cs.LG+cs.CL", rss.getString("query"), "categories are joined with +");

            JsonPath hf = SourcesApi.add("{\"name\": \"" + name + "-hf\", \"kind\": \"huggingface\", \"enabled\": false}");
            assertEquals("https://huggingface.co/api/daily_papers", hf.getString("url"));
            assertEquals("every 1h", hf.getString("schedule"));
        } finally {
            List.of(name, name + "-rss", name + "-hf").forEach(SourcesApi::delete);
        }
    }

    @Test
    void badDefinitionsAreRefusedWithAReasonAndChangeNothing() {
        String name = SourcesApi.unique("api-bad");
        SourcesApi.add("{\"name\": \"" + name + "\", \"kind\": \"feed\", \"url\": \"https://example.org/feed.xml\", \"every\": \"2h\", \"enabled\": false}");
        try {
            Map<String, String> bad = Map.ofEntries(
                    Map.entry("{\"name\": \"" + name + "\", \"kind\": \"gopher\", \"url\": \"https://example.org/x\"}", "kind must be one of"),
                    Map.entry("{\"name\": \"" + name + "\", \"kind\": \"feed\"}", "url is missing"),
                    Map.entry("{\"name\": \"" + name + "\", \"kind\": \"feed\", \"url\": \"ftp://example.org/x\"}", "url must be an absolute http(s) address"),
                    Map.entry("{\"name\": \"" + name + "\", \"kind\": \"feed\", \"url\": \"https://example.org/x\", \"every\": \"30s\"}", "at least 1m"),
                    Map.entry("{\"name\": \"" + name + "\", \"kind\": \"feed\", \"url\": \"https://example.org/x\", \"every\": \"soon\"}", "every must be a duration"),
                    Map.entry("{\"name\": \"" + name + "\", \"kind\": \"feed\", \"url\": \"https://example.org/x\", \"enabled\": \"no\"}", "enabled must be true or false"),
                    Map.entry("{\"name\": \"" + name + "\", \"kind\": \"feed\", \"url\": \"https://example.org/x\", \"categories\": \"cs\"}", "unknown field categories"),
                    Map.entry("{\"name\": \"" + name + "\", \"kind\": \"feed\", \"url\": \"https://example.org/x\", \"query\": \"cs\"}", "query is only for"),
                    Map.entry("{\"name\": \"" + name + "\", \"kind\": \"arxiv-api\"}", "query is missing"),
                    Map.entry("{\"name\": \"" + name + "\", \"kind\": \"arxiv-rss\", \"query\": \"cs.LG; rm -rf\"}", "list of arXiv categories"),
                    Map.entry("{\"name\": \"" + name + "\", \"kind\": \"arxiv-oai\", \"set\": \"cs & math\"}", "OAI set spec"),
                    Map.entry("{\"name\": \"" + name + "\", \"kind\": \"huggingface\", \"set\": \"cs\"}", "set is only for arxiv-oai"),
                    Map.entry("{\"name\": \"bad name/with slash\", \"kind\": \"huggingface\"}", "name must be"),
                    Map.entry("{\"kind\": \"huggingface\"}", "name must be"),
                    Map.entry("[{\"name\": \"" + name + "\", \"kind\": \"huggingface\"}]", "expected a JSON object"),
                    Map.entry("{\"name\": \"" + name + "\", \"kind\": ", "invalid JSON"),
                    Map.entry("{\"name\": [\"a\"], \"kind\": \"huggingface\"}", "name must be a string"));
            bad.forEach((body, reason) -> {
                Response response = SourcesApi.save(body);
                assertEquals(400, response.statusCode(), body);
                String error = response.jsonPath().getString("error");
                assertTrue(error != null && error.contains(reason), body + " -> " + error);
            });
            JsonPath unchanged = SourcesApi.view(name);
            assertEquals("feed", unchanged.getString("kind"));
            assertEquals("https://example.org/feed.xml", unchanged.getString("url"));
            assertEquals("2h", unchanged.getString("every"));
            assertFalse(AdminApi.admin().get("/api/admin/sources").jsonPath().getList("name").contains("bad name/with slash"));
        } finally {
            SourcesApi.delete(name);
        }
    }

    @Test
    void replacingASourceReschedulesItsJobAndPausingStopsIt() {
        String name = SourcesApi.unique("api-replace");
        try (SourceServer server = new SourceServer()) {
            server.on("/daily", (exchange, number) -> SourceServer.send(exchange, 200, "application/json", "[]"));
            server.on("/other", (exchange, number) -> SourceServer.send(exchange, 200, "application/json", "[]"));
            String hourly = "{\"name\": \"" + name + "\", \"kind\": \"huggingface\", \"url\": \"" + server.url("/daily") + "\", \"every\": \"1h\"";
            SourcesApi.add(hourly + "}");
            JsonPath polled = SourcesApi.awaitView(name, v -> v.getString("lastSuccessAt") != null, "the first poll");
            assertTrue(Instant.parse(polled.getString("nextPollAt")).isBefore(Instant.now().plus(Duration.ofHours(1)).plusSeconds(5)));

            String sixHourly = hourly.replace("\"1h\"", "\"6h\"");
            JsonPath replaced = SourcesApi.save(sixHourly + "}").then().statusCode(200).extract().jsonPath();
            assertEquals("every 6h", replaced.getString("schedule"));
            // Quartz keeps milliseconds
            Instant lastPoll = Instant.parse(replaced.getString("lastPollAt")).truncatedTo(ChronoUnit.MILLIS);
            assertEquals(lastPoll.plus(Duration.ofHours(6)), Instant.parse(replaced.getString("nextPollAt")),
                    "the job now fires six hours after the last poll");
            assertEquals(1, AdminApi.admin().get("/api/admin/sources").jsonPath().getList("findAll { it.name == '" + name + "' }").size());

            JsonPath paused = SourcesApi.save(sixHourly + ", \"enabled\": false}").then().statusCode(200).extract().jsonPath();
            assertFalse(paused.getBoolean("enabled"));
            assertNull(paused.getString("nextPollAt"));
            JsonPath resumed = SourcesApi.save(sixHourly + "}").then().statusCode(200).extract().jsonPath();
            assertEquals(lastPoll.plus(Duration.ofHours(6)), Instant.parse(resumed.getString("nextPollAt")));
            assertEquals(1, server.requests("/daily").size(), "resuming the same source does not poll it again at once");

            SourcesApi.save(sixHourly.replace("/daily", "/other") + "}").then().statusCode(200);
            SourcesApi.awaitView(name, v -> !server.requests("/other").isEmpty(), "a poll of the new address");
        } finally {
            SourcesApi.delete(name);
        }
    }

    @Test
    void aRemovedSourceIsGoneWithItsJob() {
        String name = SourcesApi.unique("api-delete");
        SourcesApi.add("{\"name\": \"" + name + "\", \"kind\": \"feed\", \"url\": \"http://127.0.0.1:9/feed\"}");
        AdminApi.admin().delete("/api/admin/sources/" + name).then().statusCode(204);
        AdminApi.admin().get("/api/admin/sources/" + name).then().statusCode(404);
        AdminApi.admin().delete("/api/admin/sources/" + name).then().statusCode(404);
        SourcesApi.poll(name).then().statusCode(404);
        assertFalse(SourceJobsProbe.hasJob(name), "the Quartz job went with the source");
    }

    @Test
    void aSourceDeclaredInConfigurationIsListed() {
        JsonPath seeded = SourcesApi.view("seeded-cs-lg");
        assertEquals("arxiv-api", seeded.getString("kind"));
        assertEquals("cat:cs.LG", seeded.getString("query"));
        assertEquals("https://export.arxiv.org/api/query", seeded.getString("url"));
        assertEquals("config", seeded.getString("origin"));
        assertFalse(seeded.getBoolean("enabled"));
    }
}
