package dev.paperboy.paper;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a source's paper is cleaned into (plain text, a title key) and what gets it refused. */
class PaperChecksTest {

    private static PaperInput paper(String title, String abstractText) {
        return new PaperInput(null, title, abstractText, null, null, null, null);
    }

    private static String problem(PaperInput input) {
        PaperChecks.Checked checked = PaperChecks.check(input);
        assertTrue(checked.paper().isEmpty(), "expected a refusal, got a paper");
        return checked.problem();
    }

    @Test
    void markupIsStrippedAndEntitiesDecoded() {
        assertEquals("Title", PaperChecks.plain("<img src=x onerror=alert(1)>Title"));
        assertEquals("Bold words and more", PaperChecks.plain("<b>Bold</b> words <i>and</i><br/>more"));
        assertEquals("", PaperChecks.plain("<script type=\"text/javascript\">alert(1)</script>"), "code is not text");
        assertEquals("Tom & Jerry \"quoted\" it's", PaperChecks.plain("Tom &amp; Jerry &quot;quoted&quot; it&#39;s"));
    }

    @Test
    void controlAndFormatCharactersAreRemovedAndWhitespaceCollapsed() {
        assertEquals("ABC", PaperChecks.plain("A\u0000B\u0007C"));
        assertEquals("evil.exe", PaperChecks.plain("evil\u202E.exe"));
        assertEquals("zero width", PaperChecks.plain("zero\u200B width"));
        assertEquals("one two three", PaperChecks.plain("  one\r\n\ttwo \n\n three  "));
        assertEquals("", PaperChecks.plain(null));
        assertEquals("", PaperChecks.plain(" \u0000 <br> "));
    }

    /** Titles with comparisons are common (n < 10, p > 0.05); the tag pattern must not swallow the words between. */
    @Test
    void comparisonsInTextAreNotMistakenForTags() {
        assertEquals("Bounds for n < 10 and m > 5", PaperChecks.plain("Bounds for n < 10 and m > 5"));
    }

    @Test
    void titleKeyIgnoresCaseAccentsAndPunctuation() {
        assertEquals(PaperChecks.titleKey("Attention Is All You Need"), PaperChecks.titleKey("attention is all you need!"));
        assertEquals("attention is all you need", PaperChecks.titleKey("  Attention -- is ALL, you: need?! "));
        assertEquals("cafe naive resume", PaperChecks.titleKey("Café Naïve Résumé"));
        assertEquals("gpt 4 technical report", PaperChecks.titleKey("ＧＰＴ-４ Technical Report"));
        assertNotEquals(PaperChecks.titleKey("GPT-4 Technical Report"), PaperChecks.titleKey("GPT-5 Technical Report"));
        assertEquals("", PaperChecks.titleKey("?!…—"));
    }

    @Test
    void aGoodPaperIsCleanedIntoAStorablePaper() {
        PaperInput input = new PaperInput(" <b>2401.00001</b> ", "<i>Sparse</i>   Attention\u0000 Revisited",
                "An <b>abstract</b>\n with lines.", List.of(" A. Author ", "<em>B. Author</em>", "  "),
                List.of("cs.LG"), " https://example.org/p/1 ", Instant.parse("2024-01-01T00:00:00Z"));
        Paper paper = PaperChecks.check(input).paper().orElseThrow();
        assertEquals("2401.00001", paper.externalId);
        assertEquals("Sparse Attention Revisited", paper.title);
        assertEquals("sparse attention revisited", paper.titleKey);
        assertEquals("An abstract with lines.", paper.abstractText);
        assertArrayEquals(new String[]{"A. Author", "B. Author"}, paper.authors);
        assertArrayEquals(new String[]{"cs.LG"}, paper.categories);
        assertEquals("https://example.org/p/1", paper.url);
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), paper.published);
        assertNull(PaperChecks.check(input).problem());
    }

    @Test
    void missingTitleOrAbstractIsRefused() {
        assertEquals("title is missing", problem(paper(null, "abstract")));
        assertEquals("title is missing", problem(paper("  <br> \u0000 ", "abstract")));
        assertEquals("abstract is missing", problem(paper("A title", null)));
        assertEquals("abstract is missing", problem(paper("A title", "<p></p>")));
        assertEquals("title is missing, abstract is missing", problem(paper("", "")));
        assertEquals("title has no letters or digits", problem(paper("?!—", "abstract")));
    }

    @Test
    void lengthLimitsOfTitleAndAbstract() {
        assertTrue(PaperChecks.check(paper("t".repeat(PaperChecks.MAX_TITLE), "a")).paper().isPresent());
        assertEquals("title is longer than 600 characters", problem(paper("t".repeat(PaperChecks.MAX_TITLE + 1), "a")));
        assertEquals("title is longer than 600 characters", problem(paper("t".repeat(700), "a")));
        assertTrue(PaperChecks.check(paper("t", "a".repeat(PaperChecks.MAX_ABSTRACT))).paper().isPresent());
        assertEquals("abstract is longer than 20000 characters", problem(paper("t", "a".repeat(PaperChecks.MAX_ABSTRACT + 1))));
        assertTrue(PaperChecks.check(paper("<b>" + "t".repeat(PaperChecks.MAX_TITLE) + "</b>", "a")).paper().isPresent(),
                "the limit applies to the cleaned text");
    }

    @Test
    void idMustBeShortAndNotBlank() {
        assertEquals("id must have 1 to 200 characters",
                problem(new PaperInput(" ", "t", "a", null, null, null, null)));
        assertEquals("id must have 1 to 200 characters",
                problem(new PaperInput("i".repeat(PaperChecks.MAX_ID + 1), "t", "a", null, null, null, null)));
        assertTrue(PaperChecks.check(new PaperInput("i".repeat(PaperChecks.MAX_ID), "t", "a", null, null, null, null))
                .paper().isPresent());
    }

    @Test
    void onlyAbsoluteWebUrlsAreAccepted() {
        for (String bad : new String[]{"javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>alert(1)</script>",
                "ftp://example.org/p", "file:///etc/passwd", "//example.org/p", "/papers/1", "http://", "https:///path",
                "http://exa mple.org/", "https://example.org/" + "p".repeat(PaperChecks.MAX_URL)}) {
            assertEquals("url must be an absolute http(s) URL of at most 2000 characters",
                    problem(new PaperInput(null, "t", "a", null, null, bad, null)), bad);
        }
        for (String good : new String[]{"http://example.org", "HTTPS://example.org/a?b=c#d", "https://arxiv.org/abs/2401.00001"}) {
            assertEquals(good, PaperChecks.check(new PaperInput(null, "t", "a", null, null, good, null)).paper().orElseThrow().url);
        }
        assertNull(PaperChecks.check(new PaperInput(null, "t", "a", null, null, "  ", null)).paper().orElseThrow().url);
    }

    @Test
    void nameListsAreLimited() {
        List<String> tooMany = Collections.nCopies(PaperChecks.MAX_NAMES + 1, "A. Author");
        assertEquals("authors has more than 200 entries", problem(new PaperInput(null, "t", "a", tooMany, null, null, null)));
        assertEquals("categories has an entry longer than 300 characters",
                problem(new PaperInput(null, "t", "a", null, List.of("c".repeat(PaperChecks.MAX_NAME + 1)), null, null)));
        assertTrue(PaperChecks.check(new PaperInput(null, "t", "a", Collections.nCopies(PaperChecks.MAX_NAMES, "A"),
                List.of("c".repeat(PaperChecks.MAX_NAME)), null, null)).paper().isPresent());
    }

    @Test
    void everyProblemOfOnePaperIsReported() {
        String problem = problem(new PaperInput("", "", "", null, null, "javascript:alert(1)", null));
        assertEquals("title is missing, abstract is missing, id must have 1 to 200 characters, "
                + "url must be an absolute http(s) URL of at most 2000 characters", problem);
    }
}
