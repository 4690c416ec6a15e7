package dev.paperboy.digest;

import dev.paperboy.AdminApi;
import dev.paperboy.paper.PaperImporter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imports overlap (each source is polled by its own job) and papers are updated in place: the index papers are
 * ranked on must show every committed paper of its window as it is now, whatever order the writers commit in.
 */
@QuarkusTest
@TestProfile(ScriptedRelayProfile.class)
class OverlappingImportsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anImportThatCommitsAfterALaterOneStillReachesPreviewAndDigest() throws Exception {
        Rows rows = new Rows(dataSource);
        String email = "overlap.reader@example.org";
        rows.subscribe(email, "quasicrystal phason", "");

        try (Connection slowImport = dataSource.getConnection()) {
            slowImport.setAutoCommit(false);
            try (Statement lock = slowImport.createStatement()) { // as PaperImporter holds it while it writes
                lock.execute("select pg_advisory_xact_lock_shared(" + PaperImporter.INGEST_LOCK + ")");
            }
            try (PreparedStatement insert = slowImport.prepareStatement(
                    "insert into paper (external_id, title_key, title, abstract, source) values (?, ?, ?, ?, 'test')")) {
                insert.setString(1, "overlap-slow");
                insert.setString(2, "quasicrystal phason dynamics in slow imports");
                insert.setString(3, "Quasicrystal phason dynamics in slow imports");
                insert.setString(4, "Phason flips in a quasicrystal, imported by the slower of two jobs.");
                insert.executeUpdate();
            }
            AdminApi.importPapers("""
                    [{"id": "overlap-fast", "title": "Quasicrystal phason strain measured fast",
                      "abstract": "Phason strain of a quasicrystal, imported by the faster job."},
                     {"id": "overlap-edited", "title": "Metallic glass relaxation",
                      "abstract": "Relaxation of metallic glass."}]""");
            assertEquals(List.of("Quasicrystal phason strain measured fast"), preview("quasicrystal phason"),
                    "the index built now holds the committed paper only");
            slowImport.commit();
        }
        // a new version of a paper replaces its title and abstract in place, as a source does when arXiv revises it
        rows.update("update paper set title = 'Metallic glass relaxation near a quasicrystal phason',"
                + " abstract = 'Relaxation of metallic glass around quasicrystal phason defects.'"
                + " where external_id = 'overlap-edited'");

        List<String> previewed = preview("quasicrystal phason");
        assertTrue(previewed.contains("Quasicrystal phason dynamics in slow imports"), "a late commit: " + previewed);
        assertTrue(previewed.contains("Metallic glass relaxation near a quasicrystal phason"), "an edit: " + previewed);

        AdminApi.forceRun(Instant.now());
        List<String> digest = rows.paperTitles(email, "sent");
        assertTrue(digest.containsAll(List.of("Quasicrystal phason dynamics in slow imports",
                "Quasicrystal phason strain measured fast", "Metallic glass relaxation near a quasicrystal phason")),
                digest.toString());
    }

    private static List<String> preview(String interest) {
        return RestAssured.given().queryParam("interest", interest).queryParam("limit", 50).get("/api/preview")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.inDigest }.title");
    }
}
