package dev.paperboy.matching;

import dev.paperboy.Await;
import dev.paperboy.AdminApi;
import dev.paperboy.People;
import dev.paperboy.Rows;
import dev.paperboy.matching.semantic.Vectors;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every paper gets its vector once, and again when its text changes in place; an interest gets one when it is saved.
 * Whatever the background embedding has not done yet, the ranking does before it ranks.
 */
@QuarkusTest
class VectorsTest {

    @Inject
    MatchingService matching;

    @Test
    void anImportedPaperIsEmbeddedOnceAndAgainWhenANewVersionReplacesItsText() {
        String id = "2611." + (10000 + (int) (Math.random() * 89999));
        AdminApi.importPapers("""
                [{"id": "%s", "title": "Tidal energy harvesting with flexible membranes",
                  "abstract": "Flexible membranes harvest tidal energy in shallow channels."}]""".formatted(id));
        long paperId = Rows.number("select id from paper where external_id = ?", id);
        await("the new paper's vector", () -> Rows.number(
                "select count(*) from paper_vector v join paper p on p.id = v.paper_id"
                        + " where p.id = ? and v.revision = p.revision", paperId) == 1);
        String first = Rows.text("select encode(vector, 'hex') from paper_vector where paper_id = ?", paperId);

        AdminApi.importPapers("""
                [{"id": "%sv2", "title": "Wave energy converters from flexible membranes",
                  "abstract": "Membranes convert ocean wave energy; a second version of the paper."}]""".formatted(id));
        await("the vector of the new version", () -> Rows.number(
                "select count(*) from paper_vector v join paper p on p.id = v.paper_id"
                        + " where p.id = ? and v.revision = p.revision", paperId) == 1);
        assertTrue(!first.equals(Rows.text("select encode(vector, 'hex') from paper_vector where paper_id = ?", paperId)),
                "the vector was computed again from the new text");
        assertEquals(1, Rows.number("select count(*) from paper_vector where paper_id = ?", paperId));
    }

    @Test
    void aPaperStoredBeforeHalvesWereKeptIsRankedByItsVectorAndGetsItsHalvesFromTheSweep() {
        String marker = People.marker();
        String id = "2612." + (10000 + (int) (Math.random() * 89999));
        AdminApi.importPapers("""
                [{"id": "%s", "title": "Seagrass meadows trap sediment %s",
                  "abstract": "Seagrass meadows slow the water above them. Sediment settles between their blades."}]"""
                .formatted(id, marker));
        long paperId = Rows.number("select id from paper where external_id = ?", id);
        await("the new paper's halves", () -> Rows.number(
                "select count(*) from paper_vector where paper_id = ? and length(halves) = 3072", paperId) == 1);
        String vector = Rows.text("select encode(vector, 'hex') from paper_vector where paper_id = ?", paperId);

        // as a row written before V27 reads: the vector, no halves
        Rows.update("update paper_vector set halves = null where paper_id = ?", paperId);
        RestAssured.given().queryParam("interest", "seagrass meadows trap sediment " + marker).get("/api/preview")
                .then().statusCode(200).body("title[0]", org.hamcrest.Matchers.equalTo(
                        "Seagrass meadows trap sediment " + marker));

        AdminApi.importPapers("""
                [{"title": "Mangrove roots and storm surge %s", "abstract": "Mangrove roots damp the surge of storms."}]"""
                .formatted(marker)); // any import starts the sweep, as a start does
        await("the halves from the sweep", () -> Rows.number(
                "select count(*) from paper_vector where paper_id = ? and length(halves) = 3072", paperId) == 1);
        assertEquals(vector, Rows.text("select encode(vector, 'hex') from paper_vector where paper_id = ?", paperId),
                "the vector kept");
    }

    @Test
    void aPaperWrittenBehindTheImportersBackIsEmbeddedBeforeItIsRanked() {
        String marker = People.marker();
        Rows.update("insert into paper (external_id, title_key, title, abstract, source) values (?, ?, ?, ?, 'test')",
                "sql-" + marker, "kelp forest carbon " + marker, "Kelp forest carbon burial " + marker,
                "Kelp forests bury carbon in deep sediments.");
        RestAssured.given().queryParam("interest", "kelp forest carbon " + marker).get("/api/preview")
                .then().statusCode(200).body("title[0]", org.hamcrest.Matchers.equalTo("Kelp forest carbon burial " + marker));
        assertEquals(1, Rows.number("select count(*) from paper_vector v join paper p on p.id = v.paper_id"
                + " where p.external_id = ? and v.revision = p.revision", "sql-" + marker),
                "the preview's index embedded it");
    }

    @Test
    void theIndexOfRecentPapersTakesTheHalvesTheSweepAddsWithoutIndexingItsWordsAgain() {
        String marker = People.marker();
        Rows.update("insert into paper (external_id, title_key, title, abstract, source) values (?, ?, ?, ?, 'test')",
                "sql-" + marker, "oyster reef acoustics " + marker, "Oyster reef acoustics " + marker,
                "Healthy oyster reefs are loud. Snapping shrimp and fish call from their crevices.");
        long paperId = Rows.number("select id from paper where external_id = ?", "sql-" + marker);
        Instant oldest = Instant.now().minus(matching.window());
        PaperIndex before = matching.recentIndex(oldest); // embeds its vector only, not its halves

        // as the sweep stores them (unless it already has)
        Rows.update("update paper_vector set halves = vector || vector where paper_id = ? and halves is null", paperId);
        PaperIndex after = matching.recentIndex(oldest);
        assertNotNull(after.byId(paperId).halves(), "ranked with its halves");
        assertEquals(Rows.text("select encode(halves, 'hex') from paper_vector where paper_id = ?", paperId),
                HexFormat.of().formatHex(Vectors.toBytes(after.byId(paperId).halves())), "ranked with its halves");
        assertTrue(after.sameWords(before), "the words not indexed again");
        assertSame(after, matching.recentIndex(oldest), "nothing changed since");
    }

    @Test
    void aSavedInterestIsEmbeddedOnceForEveryoneWhoFollowsIt() {
        String meaning = "coral spawning synchrony " + People.marker();
        People.subscribe(People.address("vectors.one"), meaning);
        People.subscribe(People.address("vectors.two"), "\\\"" + meaning + "\\\"");
        await("the interest's vector", () -> Rows.number(
                "select count(*) from interest_vector where meaning = ?", meaning) == 1);
    }

    private static void await(String what, BooleanSupplier done) {
        Await.that(what, Duration.ofSeconds(60), done);
    }
}
