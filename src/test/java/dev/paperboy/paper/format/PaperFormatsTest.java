package dev.paperboy.paper.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.paper.PaperInput;
import dev.paperboy.paper.ParsedPapers;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each format's fixture, written from its documentation, read into the papers it holds. */
class PaperFormatsTest {

    private final PaperFormats formats = new PaperFormats(20L << 20, new ObjectMapper());

    static byte[] fixture(String name) {
        try (InputStream in = PaperFormatsTest.class.getResourceAsStream("/papers/" + name)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("no fixture " + name, e);
        }
    }

    private ParsedPapers parse(String contentType, String fixture) {
        return formats.parse(contentType, new ByteArrayInputStream(fixture(fixture)));
    }

    private static PaperInput paper(ParsedPapers parsed, int index) {
        ParsedPapers.Entry entry = parsed.entries().get(index);
        assertNull(entry.problem(), () -> "entry " + index + ": " + entry.problem());
        return entry.paper();
    }

    @Test
    void arxivApiAtom() {
        ParsedPapers parsed = parse("application/atom+xml", "arxiv-api.atom");
        assertEquals("arxiv-api", parsed.source());
        assertEquals(3, parsed.entries().size());
        PaperInput bandits = paper(parsed, 0);
        assertEquals("2611.04417", bandits.id());
        assertEquals(2, bandits.version());
        assertTrue(bandits.title().contains("for k<n and n>m"), bandits.title());
        assertTrue(bandits.abstractText().contains("$O(\\sqrt{kn\\log n})$"), bandits.abstractText());
        assertEquals(List.of("Ana Martínez", "Wei Zhang"), bandits.authors());
        assertEquals(List.of("cs.LG", "stat.ML"), bandits.categories());
        assertEquals("cs.LG", bandits.primaryCategory());
        assertEquals("https://arxiv.org/abs/2611.04417", bandits.url());
        assertEquals("http://arxiv.org/pdf/2611.04417v2", bandits.pdfUrl());
        assertEquals(Instant.parse("2026-11-06T18:59:59Z"), bandits.published());
        assertEquals(Instant.parse("2026-11-09T17:42:10Z"), bandits.updated());
        PaperInput old = paper(parsed, 1);
        assertEquals("hep-th/9901001", old.id());
        assertEquals(3, old.version());
        assertEquals("Café Scheduling & the \"Naïve\" Baseline", paper(parsed, 2).title());
    }

    @Test
    void arxivRss() {
        ParsedPapers parsed = parse("application/rss+xml", "arxiv-rss.xml");
        assertEquals("arxiv-rss", parsed.source());
        assertEquals(3, parsed.entries().size());
        PaperInput warmup = paper(parsed, 0);
        assertEquals("2611.06001", warmup.id());
        assertEquals(1, warmup.version());
        assertTrue(warmup.abstractText().startsWith("Why does warmup help?"), warmup.abstractText());
        assertEquals(List.of("Lena Hoffmann", "Tomás Ruiz", "Yuki Sato"), warmup.authors());
        assertEquals(List.of("cs.LG", "math.OC"), warmup.categories());
        assertEquals("https://arxiv.org/abs/2611.06001", warmup.url());
        assertEquals(Instant.parse("2026-11-10T05:00:00Z"), warmup.published());
        assertEquals(2, paper(parsed, 2).version());
        assertEquals(0, parse("text/xml", "arxiv-rss-empty.xml").entries().size());
    }

    @Test
    void oaiPmhSkipsDeletedRecordsAndGivesTheResumptionToken() {
        ParsedPapers parsed = parse("application/xml", "oai-arxiv.xml");
        assertEquals("arxiv-oai", parsed.source());
        assertEquals("6960524|1001", parsed.resumptionToken());
        assertEquals(2, parsed.entries().size(), "the deleted record is skipped");
        PaperInput graphs = paper(parsed, 0);
        assertEquals("2611.07001", graphs.id());
        assertEquals(List.of("Csaba Bal\\'azs", "Pavel M. Nadolsky", "C.-P. Yuan Jr"), graphs.authors());
        assertEquals(List.of("cs.LG", "q-bio.BM"), graphs.categories());
        assertEquals("cs.LG", graphs.primaryCategory());
        assertTrue(graphs.abstractText().contains("$R^2>0.9$"), graphs.abstractText());
        assertEquals(Instant.parse("2026-11-08T00:00:00Z"), graphs.published());
        assertEquals("hep-th/9901001", paper(parsed, 1).id());
        assertNull(parse("text/xml", "oai-arxiv-last-page.xml").resumptionToken());
        ParsedPapers none = formats.parse(PaperFormat.OAI_PMH, new ByteArrayInputStream(fixture("oai-no-records.xml")));
        assertEquals(0, none.entries().size());
        assertNull(none.resumptionToken());
        ParsedPapers.MalformedDocument badToken = assertThrows(ParsedPapers.MalformedDocument.class,
                () -> parse("text/xml", "oai-bad-token.xml"));
        assertTrue(badToken.getMessage().contains("badResumptionToken"), badToken.getMessage());
    }

    @Test
    void huggingFaceKeepsUpvotes() {
        ParsedPapers parsed = parse("application/json", "huggingface.json");
        assertEquals("huggingface", parsed.source());
        PaperInput bandits = paper(parsed, 0);
        assertEquals("2611.04417", bandits.id());
        assertEquals(42, bandits.upvotes());
        assertEquals("https://huggingface.co/papers/2611.04417", bandits.url());
        assertEquals(List.of("Ana Martínez", "Wei Zhang"), bandits.authors());
        assertEquals(7, paper(parsed, 1).upvotes());
    }

    @Test
    void anyRssOrAtomFeedThroughRome() {
        ParsedPapers rss = parse("application/rss+xml", "feed.rss");
        assertEquals("rss", rss.source());
        assertEquals(3, rss.entries().size());
        PaperInput photonic = paper(rss, 0);
        assertTrue(photonic.abstractText().contains("<b>10&nbsp;TOPS</b>"), photonic.abstractText());
        assertEquals(List.of("Marie Curie-Sklodowska"), photonic.authors());
        assertNull(photonic.id());
        assertEquals("2611.04417", paper(rss, 2).id(), "an arXiv link makes the entry that paper");
        ParsedPapers atom = parse("application/atom+xml", "feed.atom");
        assertEquals("atom", atom.source());
        assertEquals(3, atom.entries().size());
        assertEquals(List.of("Grace Hopper", "Edsger Dijkstra"), paper(atom, 0).authors());
        assertTrue(paper(atom, 0).abstractText().contains("robust"), paper(atom, 0).abstractText());
    }

    @Test
    void theRootElementDecidesForGenericXml() {
        assertEquals("arxiv-api", parse("text/xml", "arxiv-api.atom").source());
        assertEquals("arxiv-rss", parse("application/xml", "arxiv-rss.xml").source());
        assertEquals("atom", parse("application/xml; charset=utf-8", "feed.atom").source());
        assertEquals("rss", parse("text/xml", "feed.rss").source());
        assertEquals("arxiv-oai", parse("application/xml", "oai-arxiv.xml").source());
    }

    @Test
    void anArxivErrorAnswerIsMalformed() {
        ParsedPapers.MalformedDocument error = assertThrows(ParsedPapers.MalformedDocument.class,
                () -> formats.parse(PaperFormat.ARXIV_ATOM, new ByteArrayInputStream(fixture("arxiv-api-error.atom"))));
        assertTrue(error.getMessage().contains("incorrect id format for 1234.12345"), error.getMessage());
        assertEquals(0, parse("application/atom+xml", "arxiv-api-empty.atom").entries().size());
    }

    @Test
    void doctypesAreRefusedBeforeAnyEntityIsRead() {
        for (String name : new String[]{"xxe.atom", "xxe-oai.xml", "entity-bomb.rss"}) {
            for (String type : new String[]{"application/xml", "application/atom+xml", "application/rss+xml"}) {
                ParsedPapers.MalformedDocument refused = assertThrows(ParsedPapers.MalformedDocument.class,
                        () -> parse(type, name), name);
                assertTrue(refused.getMessage().contains("DOCTYPE"), name + ": " + refused.getMessage());
            }
        }
        for (PaperFormat format : new PaperFormat[]{PaperFormat.ARXIV_ATOM, PaperFormat.ATOM, PaperFormat.RSS,
                PaperFormat.ARXIV_RSS, PaperFormat.OAI_PMH}) {
            for (String name : new String[]{"xxe.atom", "xxe-oai.xml", "entity-bomb.rss"}) {
                assertThrows(ParsedPapers.MalformedDocument.class,
                        () -> formats.parse(format, new ByteArrayInputStream(fixture(name))), format + " " + name);
            }
        }
    }

    @Test
    void aCutOffDocumentIsMalformed() {
        for (String name : new String[]{"arxiv-api.atom", "arxiv-rss.xml", "oai-arxiv.xml", "feed.rss", "feed.atom"}) {
            byte[] whole = fixture(name);
            byte[] half = java.util.Arrays.copyOf(whole, whole.length * 2 / 3);
            ParsedPapers.MalformedDocument cut = assertThrows(ParsedPapers.MalformedDocument.class,
                    () -> formats.parse("application/xml", new ByteArrayInputStream(half)), name);
            assertTrue(cut.getMessage().startsWith("not well-formed XML") || cut.getMessage().startsWith("not a feed"),
                    name + ": " + cut.getMessage());
        }
    }

    @Test
    void unsupportedTypesAndOversizedDocuments() {
        for (String type : new String[]{"text/plain", "text/csv", "application/octet-stream", "json", "", null}) {
            assertThrows(PaperFormats.UnsupportedType.class, () -> formats.parse(type, new ByteArrayInputStream(new byte[0])));
        }
        PaperFormats small = new PaperFormats(100, new ObjectMapper());
        byte[] big = ("[" + "{\"title\": \"t\", \"abstract\": \"a\"},".repeat(10) + "{}]").getBytes(StandardCharsets.UTF_8);
        assertThrows(ParsedPapers.TooLarge.class, () -> small.parse("application/json", new ByteArrayInputStream(big)));
        assertThrows(ParsedPapers.TooLarge.class, () -> small.parse(PaperFormat.ATOM, new ByteArrayInputStream(big)));
    }

    @Test
    void aRootElementOfNoKnownFormatIsMalformed() {
        ParsedPapers.MalformedDocument unknown = assertThrows(ParsedPapers.MalformedDocument.class,
                () -> formats.parse("application/xml", new ByteArrayInputStream("<html><body/></html>".getBytes(StandardCharsets.UTF_8))));
        assertTrue(unknown.getMessage().contains("<html>"), unknown.getMessage());
        assertThrows(ParsedPapers.MalformedDocument.class,
                () -> formats.parse(PaperFormat.OAI_PMH, new ByteArrayInputStream(fixture("feed.atom"))));
    }

}
