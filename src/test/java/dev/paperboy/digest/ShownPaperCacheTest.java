package dev.paperboy.digest;

import dev.paperboy.AdminApi;
import dev.paperboy.People;
import dev.paperboy.paper.Paper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A node keeps the papers its mails show across batches (ShownPaperCache), and a paper corrected meanwhile, in its
 * title, its authors (which move no revision) or its link, by any writer, is shown as corrected from the next batch on.
 */
@QuarkusTest
class ShownPaperCacheTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void papersAreKeptUntilAPaperChangesAndACorrectionIsShownFromTheNextReadOn() throws Exception {
        String marker = "kittiwake" + People.marker().replaceAll("[0-9]", "k");
        AdminApi.importPapers("""
                [{"id": "%1$s-1", "title": "Cliff nesting of %1$s", "abstract": "Cliffs.", "authors": ["A. Auk"],
                  "url": "https://example.org/%1$s/1"},
                 {"id": "%1$s-2", "title": "Winter range of %1$s", "abstract": "Winter.", "authors": ["B. Puffin"],
                  "url": "https://example.org/%1$s/2"}]""".formatted(marker));
        ShownPaperCache cache = new ShownPaperCache();
        try (Connection connection = dataSource.getConnection()) {
            List<Long> ids = ids(connection, marker);
            Map<Long, Paper> first = cache.read(connection, ids);
            assertEquals("Cliff nesting of " + marker, first.get(ids.get(0)).title);
            assertArrayEquals(new String[] {"A. Auk"}, first.get(ids.get(0)).authors);

            // a change that no trigger counts (replication role) is not seen: the papers were kept, not read again
            update(connection, "set session_replication_role = replica; update paper set title = 'unseen' where id = "
                    + ids.get(0) + "; set session_replication_role = origin");
            assertEquals("Cliff nesting of " + marker, cache.read(connection, ids).get(ids.get(0)).title);
            first.get(ids.get(0)).abstractText = "added by a caller";
            assertEquals(null, cache.read(connection, ids).get(ids.get(0)).abstractText, "each caller gets a copy");

            // an operator corrects the authors and the link of the second paper: no new revision, but a new read
            long revision = first.get(ids.get(1)).revision;
            update(connection, "update paper set authors = '{C. Guillemot}', url = 'https://example.org/fixed' where id = "
                    + ids.get(1));
            Map<Long, Paper> corrected = cache.read(connection, ids);
            assertArrayEquals(new String[] {"C. Guillemot"}, corrected.get(ids.get(1)).authors);
            assertEquals("https://example.org/fixed", corrected.get(ids.get(1)).url);
            assertEquals(revision, corrected.get(ids.get(1)).revision, "the revision did not move");
            assertEquals("unseen", corrected.get(ids.get(0)).title, "every paper read again after a change");

            // a correction not yet committed is not shown, and is from the first read after its commit
            try (Connection writer = dataSource.getConnection()) {
                writer.setAutoCommit(false);
                update(writer, "update paper set title = 'Cliff nesting, corrected' where id = " + ids.get(0));
                assertEquals("unseen", cache.read(connection, ids).get(ids.get(0)).title);
                writer.commit();
            }
            assertEquals("Cliff nesting, corrected", cache.read(connection, ids).get(ids.get(0)).title);
            assertNotEquals(first.get(ids.get(1)).url, cache.read(connection, ids).get(ids.get(1)).url);
        }
    }

    private static List<Long> ids(Connection connection, String marker) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select id from paper where external_id like ? order by external_id")) {
            query.setString(1, marker + "-%");
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getLong(1));
                }
            }
        }
        assertEquals(2, ids.size());
        return ids;
    }

    private static void update(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
