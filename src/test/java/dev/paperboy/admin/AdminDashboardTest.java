package dev.paperboy.admin;

import dev.paperboy.AdminApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard: subscribers by state, runs with their figures (also as JSON for the page's script), papers per source and day. */
@QuarkusTest
class AdminDashboardTest {

    @Inject
    Dashboard dashboard;

    @Inject
    EntityManager entityManager;

    @Test
    void showsSubscriberCountsARunAndItsFigures() {
        String email = Operator.address("dash");
        String m = UUID.randomUUID().toString().substring(0, 8);
        Operator.importActive("glacier calving seismology " + m, email);
        AdminApi.importPapers("[{\"title\": \"Glacier calving seismology " + m + "\", \"abstract\": \"Glacier calving seismology " + m + ".\"}]");
        JsonPath report = AdminApi.forceRun(Instant.now());
        long run = report.getLong("id");

        Operator operator = Operator.signedIn();
        String page = operator.open("/admin").then().statusCode(200).extract().asString();
        for (String shown : List.of("Subscribers", "pending", "active", "paused", "unsubscribed", "Digest runs",
                "id=\"run-" + run + "\"", "Failures", "Papers by source and day", "Mail", "/js/admin-dashboard.js")) {
            assertTrue(page.contains(shown), shown + " is on the dashboard");
        }
        assertFalse(page.contains("http-equiv=\"refresh\""), "no run is active, so the page does not reload itself");

        JsonPath runs = operator.open("/admin/runs").then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
        Map<String, Object> mine = runs.getList("runs", Map.class).stream()
                .filter(r -> ((Number) r.get("id")).longValue() == run).findFirst().orElseThrow();
        assertEquals("finished", mine.get("state"));
        assertEquals(report.getInt("due"), mine.get("due"));
        assertEquals(report.getInt("sent"), mine.get("sent"));
        assertTrue(report.getInt("sent") >= 1);
        Instant asOf = Instant.parse(runs.getString("asOf"));
        assertTrue(Duration.between(asOf, Instant.now()).abs().toMinutes() < 5, "asOf is now: " + asOf);
    }

    /** Counted per source and UTC day, from what is stored: a paper older than the week counts in "all" only. */
    @Test
    void countsPapersPerSourceAndDay() {
        String source = "dash-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (int daysAgo : new int[]{0, 0, 2, 10}) {
            insertPaper(source, now.minus(Duration.ofDays(daysAgo)));
        }
        Dashboard.PaperCounts counts = QuarkusTransaction.requiringNew().call(() -> dashboard.papers(today));
        assertEquals(Dashboard.DAYS, counts.days().size());
        assertEquals(today.toString(), counts.days().get(0));
        Dashboard.SourceCount mine = counts.sources().stream().filter(s -> s.source().equals(source)).findFirst().orElseThrow();
        assertEquals(4, mine.total());
        assertEquals(List.of(2L, 0L, 1L, 0L, 0L, 0L, 0L), mine.perDay());
        assertEquals(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(now), mine.lastIngested());

        String page = Operator.signedIn().open("/admin").asString();
        assertTrue(page.contains(source), "the source has its row on the dashboard");
    }

    /** Each polled source with its schedule and how its last poll went; a paused one says so. */
    @Test
    void listsThePaperSources() {
        String name = "dash-source-" + UUID.randomUUID().toString().substring(0, 8);
        AdminApi.admin().contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"kind\": \"feed\", \"url\": \"http://127.0.0.1:9/feed.xml\", \"enabled\": false}")
                .post("/api/admin/sources").then().statusCode(201);
        try {
            String page = Operator.signedIn().open("/admin").asString();
            int row = page.indexOf("<th scope=\"row\">" + name + "</th>");
            assertTrue(row > 0 && page.indexOf("id=\"sources\"") < row, "the source has its row:\n" + page);
            String cells = page.substring(row, page.indexOf("</tr>", row));
            assertTrue(cells.contains("feed") && cells.contains("paused") && cells.contains("never"), cells);
        } finally {
            AdminApi.admin().delete("/api/admin/sources/" + name).then().statusCode(204);
        }
    }

    private void insertPaper(String source, Instant ingested) {
        String title = "Dashboard paper " + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into paper (title_key, title, abstract, source, ingested_at) values (?1, ?2, 'A.', ?3, ?4)""")
                .setParameter(1, title.toLowerCase()).setParameter(2, title).setParameter(3, source)
                .setParameter(4, ingested.atOffset(ZoneOffset.UTC)).executeUpdate());
    }
}
