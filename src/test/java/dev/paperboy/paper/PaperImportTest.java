package dev.paperboy.paper;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.paperboy.paper.PaperDocuments.counts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Documents in every format posted to {@code POST /api/admin/papers}: one paper is one paper across sources and
 * versions, a later version or new upvotes update it in place, and the answer counts what happened.
 */
@QuarkusTest
class PaperImportTest {

    @Inject
    PaperImporter importer;

    @Test
    void theSamePaperFromEverySourceIsStoredOnce() {
        PaperDocuments run = new PaperDocuments();
        assertEquals(List.of(3, 3, 0, 0, 0), counts(run.postFixture("application/atom+xml", "arxiv-api.atom")));
        // RSS: one new paper, the API's 2611.04417v2 cross-listed (a duplicate), 2611.05522 replaced by v2 (an update)
        assertEquals(List.of(3, 1, 1, 1, 0), counts(run.postFixture("application/rss+xml", "arxiv-rss.xml")));
        Paper revisited = run.paper("2611.05522");
        assertEquals("[" + run.marker + "] Café Scheduling & the \"Naïve\" Baseline, Revisited", revisited.title);
        assertTrue(revisited.titleKey.endsWith("revisited"), "a new version's title is the paper's key: " + revisited.titleKey);
        // OAI-PMH: the deleted record is no paper; hep-th/9901001 is the API's hep-th/9901001v3
        assertEquals(List.of(2, 1, 0, 1, 0), counts(run.postFixture("application/xml", "oai-arxiv.xml")));
        // Hugging Face: 2611.04417 again, a new paper, and one without a summary
        Response huggingFace = run.postFixture("application/json", "huggingface.json");
        assertEquals(List.of(3, 1, 0, 1, 1), counts(huggingFace));
        assertTrue(huggingFace.jsonPath().getString("errors[0]").startsWith("paper 3: abstract is missing"),
                huggingFace.asString());
        // any RSS feed: an entry linking to arxiv.org/abs/2611.04417v2 is that paper too
        assertEquals(List.of(3, 1, 0, 1, 1), counts(run.postFixture("application/rss+xml", "feed.rss")));

        assertEquals(7, run.papers().size(), run.papers().stream().map(p -> p.title).toList().toString());
        Paper bandits = run.paper("2611.04417");
        assertEquals(2, bandits.version);
        assertEquals(42, bandits.upvotes, "the daily papers' upvotes are kept on the paper the API brought");
        assertEquals("cs.LG", bandits.primaryCategory);
        assertArrayEquals(new String[]{"cs.LG", "stat.ML"}, bandits.categories);
        assertEquals("arxiv-api", bandits.source, "the first source to bring it");
        assertEquals("https://arxiv.org/abs/" + run.id("2611.04417"), bandits.url);
        assertEquals("http://arxiv.org/pdf/" + run.id("2611.04417") + "v2", bandits.pdfUrl);
        assertEquals(Instant.parse("2026-11-09T17:42:10Z"), bandits.updated);
        assertEquals(3, run.paper("hep-th/9901001").version);
    }

    @Test
    void aLaterVersionOrNewUpvotesUpdateThePaperInPlaceAndKeepItsIngestTime() {
        PaperDocuments run = new PaperDocuments();
        run.postFixture("application/atom+xml", "arxiv-api.atom");
        run.postFixture("application/json", "huggingface.json");
        Paper v2 = run.paper("2611.04417");

        assertEquals(List.of(3, 0, 1, 1, 1), counts(run.postFixture("application/json", "huggingface-later.json")),
                "57 upvotes instead of 42 update the paper; the other paper's count is unchanged");
        assertEquals(57, run.paper("2611.04417").upvotes);

        assertEquals(List.of(1, 0, 1, 0, 0), counts(run.postFixture("application/atom+xml", "arxiv-api-v3.atom")));
        Paper v3 = run.paper("2611.04417");
        assertEquals(v2.id, v3.id);
        assertEquals(3, v3.version);
        assertEquals("Version three: we also cover adversarial rewards, where $k<n$ still suffices.", v3.abstractText);
        assertArrayEquals(new String[]{"cs.LG", "stat.ML", "math.ST"}, v3.categories);
        assertEquals(List.of("Ana Martínez", "Wei Zhang", "Priya Raman"), List.of(v3.authors));
        assertEquals("http://arxiv.org/pdf/" + run.id("2611.04417") + "v3", v3.pdfUrl);
        assertEquals(57, v3.upvotes, "a new version keeps the upvotes");
        assertEquals(v2.ingestedAt, v3.ingestedAt, "an updated paper is not new again for digests");

        assertEquals(List.of(3, 0, 0, 3, 0), counts(run.postFixture("application/atom+xml", "arxiv-api.atom")),
                "an older version changes nothing");
        assertEquals(3, run.paper("2611.04417").version);
        assertEquals(v3.abstractText, run.paper("2611.04417").abstractText);
    }

    @Test
    void aPaperWithoutAnIdIsKnownByItsTitle() {
        PaperDocuments run = new PaperDocuments();
        assertEquals(List.of(3, 2, 0, 0, 1), counts(run.postFixture("application/rss+xml", "feed.rss")));
        assertEquals(List.of(3, 0, 0, 2, 1), counts(run.postFixture("application/rss+xml", "feed.rss")));
        Paper photonic = run.papers().stream().filter(p -> p.title.contains("Photonic")).findFirst().orElseThrow();
        assertNull(photonic.externalId);
        assertEquals("[" + run.marker + "] Photonic Chips for Fast Matrix Multiplication", photonic.title);
        assertEquals("We build a photonic chip that multiplies matrices at 10 TOPS — café-sized and cheap. "
                + "For n<1000 it beats GPUs.", photonic.abstractText);
    }

    @Test
    void titlesAndAbstractsAreCleanTextWithLatexAndInequalitiesKept() {
        PaperDocuments run = new PaperDocuments();
        run.postFixture("application/atom+xml", "arxiv-api.atom");
        run.postFixture("application/atom+xml", "feed.atom");
        Paper bandits = run.paper("2611.04417");
        assertEquals("[" + run.marker + "] Sharp Regret Bounds for Bandits with $k<n$ Arms: for k<n and n>m the Rate Is Optimal",
                bandits.title);
        assertTrue(bandits.titleKey.contains("for k < n and n > m"), bandits.titleKey);
        assertTrue(bandits.abstractText.startsWith("We study stochastic bandits with $k$ arms when $k<n$ and $n>m$. We show"),
                bandits.abstractText);
        assertEquals(List.of("Ana Martínez", "Wei Zhang"), List.of(bandits.authors));
        assertEquals("[" + run.marker + "] Café Scheduling & the \"Naïve\" Baseline", run.paper("2611.05522").title);
        assertEquals("A study of scheduling with a naïve baseline — and why it wins.", run.paper("2611.05522").abstractText);
        List<String> titles = run.papers().stream().map(p -> p.title).toList();
        assertTrue(titles.contains("[" + run.marker + "] Robust Sparse Regression when p > n"), titles.toString());
        assertTrue(titles.contains("[" + run.marker + "] Plain text title with <angle> brackets"), titles.toString());
    }

    @Test
    void emptyFeedsImportNothing() {
        PaperDocuments run = new PaperDocuments();
        assertEquals(List.of(0, 0, 0, 0, 0), counts(run.postFixture("application/atom+xml", "arxiv-api-empty.atom")));
        assertEquals(List.of(0, 0, 0, 0, 0), counts(run.postFixture("application/rss+xml", "arxiv-rss-empty.xml")));
        assertEquals(List.of(0, 0, 0, 0, 0), counts(run.postFixture("text/xml", "oai-no-records.xml")));
    }

    /** A source may name itself anything; the name stored with its papers fits the column instead of failing the import. */
    @Test
    void aLongSourceNameIsCutToFit() {
        PaperDocuments run = new PaperDocuments();
        PaperInput paper = new PaperInput(null, "[" + run.marker + "] Named by a long source", "A.", null, null, null, null);
        ImportResult result = importer.importPapers(new ParsedPapers("s".repeat(60), List.of(ParsedPapers.Entry.of(paper))));
        assertEquals(1, result.added());
        assertEquals("s".repeat(40), run.papers().get(0).source);
    }
}
