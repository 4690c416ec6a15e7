package dev.paperboy.matching.semantic;

import dev.paperboy.Await;
import dev.paperboy.AdminApi;
import dev.paperboy.People;
import dev.paperboy.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * An index build (a digest run, a preview) that meets papers without any vector embeds their vectors only, one text a
 * paper, not their halves too: a run right after a big import waits for a third of the work. The sweep adds the halves.
 */
@QuarkusTest
class PaperVectorsTest {

    private static final String UNSWEPT = """
            select count(*) from paper p left join paper_vector v on v.paper_id = p.id
            where v.paper_id is null or v.revision <> p.revision or v.halves is null""";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Embedder model;

    @Test
    void aBuildEmbedsOneTextAPaperAndTheSweepAddsItsHalvesLater() {
        String marker = People.marker();
        // the sweep idle first: it runs after an import until no paper lacks its vector or halves, then waits for the next
        importOne("Tidal flats at dawn " + marker);
        await("the sweep to finish", () -> Rows.number(UNSWEPT) == 0);
        pause(); // its last pass, which finds nothing more, reads before these papers exist

        // papers written behind the importer's back: no import, so no sweep comes for them
        List<PaperVectors.Text> papers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String title = "Estuary turbidity " + i + " " + marker;
            String abstractText = "Turbidity rises with the flood tide. Sediment settles again at slack water, case " + i;
            Rows.update("insert into paper (external_id, title_key, title, abstract, source) values (?, ?, ?, ?, 'test')",
                    "sql-" + i + "-" + marker, title.toLowerCase(), title, abstractText);
            long id = Rows.number("select id from paper where external_id = ?", "sql-" + i + "-" + marker);
            papers.add(new PaperVectors.Text(id, Rows.number("select revision from paper where id = ?", id), title,
                    abstractText));
        }
        List<String> embedded = Collections.synchronizedList(new ArrayList<>());
        Embedder counting = new Embedder() {
            @Override
            public List<float[]> embedAll(List<String> texts) {
                embedded.addAll(texts);
                return model.embedAll(texts);
            }
        };
        Map<Long, PaperVectors.Stored> vectors = new PaperVectors(dataSource, counting).of(papers);

        assertEquals(papers.stream().map(p -> MiniLm.paperText(p.title(), p.abstractText())).sorted().toList(),
                embedded.stream().sorted().toList(), "each paper's whole text once, none of its halves");
        List<String> stored = new ArrayList<>();
        for (PaperVectors.Text paper : papers) {
            assertNull(vectors.get(paper.id()).halves(), "ranked by its vector alone");
            assertEquals(1, Rows.number("select count(*) from paper_vector where paper_id = ? and revision = ?"
                    + " and halves is null", paper.id(), paper.revision()), "its vector stored, without halves");
            stored.add(Rows.text("select encode(vector, 'hex') from paper_vector where paper_id = ?", paper.id()));
        }

        importOne("Salt marsh channels " + marker); // any import starts the sweep, as a start does
        for (int i = 0; i < papers.size(); i++) {
            long id = papers.get(i).id();
            await("the halves from the sweep", () -> Rows.number(
                    "select count(*) from paper_vector where paper_id = ? and length(halves) = 3072", id) == 1);
            assertEquals(stored.get(i), Rows.text("select encode(vector, 'hex') from paper_vector where paper_id = ?", id),
                    "the vector kept");
        }
    }

    @Test
    void aPaperChangedInPlaceIsSweptBeforePapersIngestedAfterIt() {
        String marker = People.marker();
        importOne("Mangrove roots " + marker);
        await("the sweep to finish", () -> Rows.number(UNSWEPT) == 0);
        pause();

        // written behind the importer's back, oldest first, so that no sweep comes for them
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Rows.update("insert into paper (external_id, title_key, title, abstract, source) values (?, ?, ?, ?, 'test')",
                    "order-" + i + "-" + marker, "lagoon " + i + " " + marker, "Lagoon " + i + " " + marker,
                    "Brackish water in lagoon " + i);
            ids.add(Rows.number("select id from paper where external_id = ?", "order-" + i + "-" + marker));
        }
        // a new version of the oldest: it keeps its first ingestion moment, and takes a new revision
        Rows.update("update paper set abstract = 'Brackish water, revised' where id = ?", ids.get(0));

        List<Long> order = new PaperVectors(dataSource, model).missing(true).stream().map(PaperVectors.Text::id)
                .filter(ids::contains).toList();
        assertEquals(List.of(ids.get(0), ids.get(2), ids.get(1)), order, "the paper changed last comes first");

        importOne("Lagoon outlets " + marker); // a sweep for them: the tests after this one expect none left
        await("the sweep to finish", () -> Rows.number(UNSWEPT) == 0);
    }

    private static void importOne(String title) {
        AdminApi.importPapers("""
                [{"title": "%s", "abstract": "Mud and water meet where the tide turns."}]""".formatted(title));
    }

    private static void pause() {
        Await.pause(Duration.ofSeconds(1));
    }

    private static void await(String what, BooleanSupplier done) {
        Await.that(what, Duration.ofSeconds(120), done);
    }
}
