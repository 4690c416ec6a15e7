package dev.paperboy.matching;

import dev.paperboy.AdminApi;
import dev.paperboy.digest.ScriptedRelayProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One index of the recent window serves previews and digests alike, and it is built once per change. */
@QuarkusTest
@TestProfile(ScriptedRelayProfile.class)
class RecentIndexTest {

    private static final Pattern BUILDS = Pattern.compile("(?m)^paperboy_matching_index_builds_total(?:\\{[^}]*})? ([0-9.E]+)$");

    @Test
    void previewsAndDigestRunsShareOneIndexAndABurstAfterAnImportBuildsItOnce() throws Exception {
        AdminApi.admin().contentType("application/json")
                .body("[{\"email\": \"index.reader@example.org\", \"interests\": [\"sponge filtration\"]}]")
                .post("/api/admin/subscribers").then().statusCode(200);
        AdminApi.importPapers("""
                [{"id": "index-1", "title": "Sponge filtration rates in reefs",
                  "abstract": "Sponge filtration measured on coral reefs."}]""");
        preview("sponge filtration");
        double afterImport = builds();

        AdminApi.forceRun(Instant.now());
        preview("sponge filtration");
        AdminApi.forceRun(Instant.now());
        preview("sponge filtration");
        assertEquals(afterImport, builds(), "previews and runs with no paper changed in between build nothing");

        AdminApi.importPapers("""
                [{"id": "index-2", "title": "Sponge filtration under warming",
                  "abstract": "Warming slows sponge filtration."}]""");
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<List<String>> call = () -> {
                    start.await();
                    return preview("sponge filtration");
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            for (Future<List<String>> answer : answers) {
                assertTrue(answer.get().contains("Sponge filtration under warming"), "every caller sees the new paper");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(afterImport + 1, builds(), "a burst of previews after one import builds the index once");
    }

    @Inject
    MatchingService matching;

    @Test
    void aCallerWhoReadTheClockJustBeforeTheBuilderUsesTheSameIndex() {
        AdminApi.importPapers("""
                [{"id": "index-clock-1", "title": "Sponge pumping at night",
                  "abstract": "Night-time sponge pumping rates."}]""");
        Instant now = Instant.now();
        Instant oldest = now.minus(matching.window());
        PaperIndex built = matching.recentIndex(oldest);
        double after = builds();
        assertSame(built, matching.recentIndex(oldest.minusMillis(250)), "a caller a moment behind the builder");
        assertSame(built, matching.recentIndex(oldest.plusSeconds(60)), "a caller a minute later");
        assertEquals(after, builds(), "neither built another index");
    }

    private static List<String> preview(String interest) {
        return RestAssured.given().queryParam("interest", interest).get("/api/preview")
                .then().statusCode(200).extract().jsonPath().getList("title");
    }

    private static double builds() {
        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = BUILDS.matcher(metrics);
        assertTrue(m.find(), "no index build counter in /q/metrics");
        return Double.parseDouble(m.group(1));
    }
}
