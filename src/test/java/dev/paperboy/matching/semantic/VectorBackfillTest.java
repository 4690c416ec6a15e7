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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The background embeds every new paper's vector before any paper's halves, and the halves step aside while a digest
 * run is under way on this node; an index build and the background at once embed each text once.
 */
@QuarkusTest
class VectorBackfillTest {

    private static final int PAPERS = 40; // more than two batches
    private static final String UNSWEPT = """
            select count(*) from paper p left join paper_vector v on v.paper_id = p.id
            where v.paper_id is null or v.revision <> p.revision or v.halves is null""";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Embedder model;
    @Inject
    Foreground foreground;

    @Test
    void everyNewPapersVectorComesBeforeAnyPapersHalves() {
        String marker = People.marker();
        importPapers("Kelp canopy", marker);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            long[] counts = counts(marker); // with a vector, with halves
            assertTrue(counts[1] == 0 || counts[0] == PAPERS,
                    "halves of a paper while " + (PAPERS - counts[0]) + " papers lack their vector");
            if (counts[1] == PAPERS) {
                return;
            }
            sleep(20);
        }
        throw new AssertionError("the halves of the new papers did not come within 120 s");
    }

    @Test
    void theHalvesWaitWhileARunIsUnderWayAndComeAfter() {
        String marker = People.marker();
        try (Foreground.Work run = foreground.begin()) {
            importPapers("Seagrass meadow", marker);
            await("the vectors, which do not wait", () -> counts(marker)[0] == PAPERS);
            sleep(Foreground.QUIET.toMillis() + 2 * VectorBackfill.STEP_ASIDE.toMillis());
            assertEquals(0, counts(marker)[1], "no halves while the run is under way");
        }
        await("the halves after the run", () -> counts(marker)[1] == PAPERS);
    }

    @Test
    void anIndexBuildAndTheBackgroundAtOnceEmbedEachTextOnce() {
        String marker = People.marker();
        // the node's own sweep idle first (its last look finds nothing), so that only these two embed these papers
        await("the node's sweep to finish", () -> Rows.number(UNSWEPT) == 0);
        sleep(1000);
        List<PaperVectors.Text> papers = new ArrayList<>();
        for (int i = 0; i < 2 * PaperVectors.BATCH; i++) { // behind the importer's back: no sweep comes for them
            String title = "Lagoon salinity " + i + " " + marker;
            String abstractText = "Salinity climbs through the dry season. Rain brings it down again, in case " + i;
            Rows.update("insert into paper (external_id, title_key, title, abstract, source) values (?, ?, ?, ?, 'test')",
                    "sql-" + i + "-" + marker, title.toLowerCase(), title, abstractText);
            long id = Rows.number("select id from paper where external_id = ?", "sql-" + i + "-" + marker);
            papers.add(new PaperVectors.Text(id, Rows.number("select revision from paper where id = ?", id), title,
                    abstractText));
        }
        List<String> embedded = Collections.synchronizedList(new ArrayList<>());
        PaperVectors vectors = new PaperVectors(dataSource, new Embedder() {
            @Override
            public List<float[]> embedAll(List<String> texts) {
                embedded.addAll(texts);
                return model.embedAll(texts);
            }
        });
        CompletableFuture<Void> background = CompletableFuture.runAsync(() -> {
            for (int from = 0; from < papers.size(); from += PaperVectors.BATCH) {
                vectors.backfill(papers.subList(from, from + PaperVectors.BATCH), true);
            }
        });
        vectors.of(papers); // an index build meanwhile
        background.join();

        List<String> expected = new ArrayList<>();
        for (PaperVectors.Text p : papers) {
            expected.add(MiniLm.paperText(p.title(), p.abstractText()));
            expected.addAll(MiniLm.halfTexts(p.title(), p.abstractText()));
        }
        assertEquals(expected.stream().sorted().toList(), embedded.stream().sorted().toList(),
                "each paper's text and halves once");
    }

    private static void importPapers(String topic, String marker) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < PAPERS; i++) {
            json.append(i == 0 ? "" : ",").append("""
                    {"title": "%s %d %s", "abstract": "Light reaches the floor at low tide. Growth follows the light."}"""
                    .formatted(topic, i, marker));
        }
        AdminApi.importPapers(json.append("]").toString());
    }

    private static long[] counts(String marker) {
        String title = "%" + marker;
        return new long[] {
                Rows.number("select count(*) from paper p join paper_vector v on v.paper_id = p.id"
                        + " and v.revision = p.revision where p.title like ?", title),
                Rows.number("select count(*) from paper p join paper_vector v on v.paper_id = p.id"
                        + " and v.revision = p.revision where p.title like ? and v.halves is not null", title)};
    }

    private static void sleep(long millis) {
        Await.pause(Duration.ofMillis(millis));
    }

    private static void await(String what, BooleanSupplier done) {
        Await.that(what, Duration.ofSeconds(120), done);
    }
}
