package dev.paperboy.matching;

import dev.paperboy.matching.semantic.MiniLm;
import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import dev.paperboy.subscriber.interest.ParsedInterest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fused ranking on a small window of made-up papers, with the real sentence model. */
class RankingTest {

    private static final Instant NOW = Instant.now();
    private static MiniLm model;
    private static PaperIndex index;

    @BeforeAll
    static void window() {
        model = new MiniLm();
        List<WindowPaper> papers = new ArrayList<>();
        add(papers, "Locating and rewriting facts inside trained transformers",
                "We show how to change what a trained network knows without retraining it: a single fact stored in"
                        + " a language model is located in its weights and rewritten directly.", "cs.CL", "Ada Lovelace", 3);
        add(papers, "Mixture of experts for sparse scaling",
                "A mixture of experts routes each token to a few experts, so the model grows without more compute.",
                "cs.LG", "Grace Hopper", null);
        add(papers, "Experts disagree: a study of annotation",
                "We study the mixture of opinions among annotators and how experts resolve their disagreement.",
                "cs.CL", "Grace Hopper", null);
        add(papers, "Coral reef sponge filtration", "Sponges filter water on coral reefs; we measure their rates.",
                "q-bio.PE", "Rachel Carson", null);
        add(papers, "Vision transformers for satellite images",
                "Transformers applied to vision: satellite images classified with attention.", "cs.CV", "Ada Lovelace", 50);
        add(papers, "Transformers for protein language", "Transformers model protein sequences as a language.",
                "cs.LG", "Grace Hopper", 50);
        add(papers, "Neural networks predict tomorrow's rain and temperature", "A network trained on decades of"
                + " atmospheric records predicts rainfall and temperature a day ahead.", "physics.ao-ph",
                "Lewis Fry Richardson", null);
        index = new PaperIndex(papers);
    }

    private static void add(List<WindowPaper> papers, String title, String abstractText, String category,
                            String author, Integer upvotes) {
        long id = papers.size() + 1;
        papers.add(new WindowPaper(id, 1, title, abstractText, new String[] {author}, new String[] {category},
                NOW.minus(Duration.ofHours(10 - id)), upvotes, null, model.embed(MiniLm.paperText(title, abstractText))));
    }

    private static List<Match> rank(String interest) throws InterestRefused {
        ParsedInterest parsed = InterestLanguage.parse(interest);
        InterestQuery query = new InterestQuery(parsed, parsed.meaning().isEmpty() ? null : model.embed(parsed.meaning()));
        InterestHits hits = Fusion.score(index, 0, index.size(), List.of(query), Fusion.THRESHOLD).get(0);
        return Ranking.rank(index, List.of(hits), NOW.minus(Duration.ofDays(1)), NOW, Set.of(), 10);
    }

    private static List<Long> ids(List<Match> matches) {
        return matches.stream().map(Match::paperId).toList();
    }

    @Test
    void aPaperThatSaysItInOtherWordsComesByMeaning() throws InterestRefused {
        List<Match> matches = rank("weather forecasting with deep learning");
        assertEquals(7L, matches.get(0).paperId(), "predicting rain and temperature is weather forecasting");
        assertEquals("Close in meaning to “weather forecasting with deep learning”.", matches.get(0).reason());
        assertFalse(ids(matches).contains(4L), "sponges are not weather forecasting");
        assertEquals(1L, ids(rank("editing the knowledge of a trained model")).get(0),
                "rewriting a fact a trained network knows is editing its knowledge");
    }

    @Test
    void aQuotedPhraseMatchesWhereItsWordsStandTogether() throws InterestRefused {
        List<Match> matches = rank("\"mixture of experts\"");
        assertEquals(2L, matches.get(0).paperId());
        assertEquals("Matches \"mixture of experts\": mixture of experts in the title.", matches.get(0).reason());
        matches.stream().filter(m -> m.paperId() == 3L).findFirst().ifPresent(m -> assertFalse(
                m.reason().startsWith("Matches"), "scattered words are no phrase match: " + m.reason()));
    }

    @Test
    void excludedWordsAndFiltersAreExact() throws InterestRefused {
        assertEquals(List.of(1L, 6L), ids(rank("transformers NOT vision")).stream().sorted().toList(),
                "every paper with transformers but the one with vision");
        assertEquals(List.of(6L), ids(rank("cat:cs.LG transformers")));
        assertEquals(List.of(1L, 5L), ids(rank("author:\"ada lovelace\"")).stream().sorted().toList());
        assertEquals(List.of(), ids(rank("author:\"Ada\"")), "an author matches by the whole name");
    }

    @Test
    void equalScoresGoToMoreUpvotesThenToTheNewerPaper() throws InterestRefused {
        assertEquals(List.of(6L, 2L), ids(rank("cat:cs.LG")), "one score for both: 6 has upvotes");
        assertEquals(List.of(5L, 1L), ids(rank("author:\"Ada Lovelace\"")), "50 upvotes before 3");
        assertEquals(List.of(6L, 3L, 2L), ids(rank("author:\"Grace Hopper\"")), "then the newer of 2 and 3");
    }

    @Test
    void anInterestNothingIsAboutBringsNothing() throws InterestRefused {
        assertEquals(List.of(), rank("quantum error correction codes"));
    }

    @Test
    void theWindowAndTheExcludedPapersAreRespected() throws InterestRefused {
        ParsedInterest parsed = InterestLanguage.parse("transformers");
        InterestHits hits = Fusion.score(index, 0, index.size(), List.of(new InterestQuery(parsed, model.embed("transformers"))), Fusion.THRESHOLD).get(0);
        List<Long> all = ids(Ranking.rank(index, List.of(hits), NOW.minus(Duration.ofDays(1)), NOW, Set.of(), 10));
        assertTrue(all.containsAll(List.of(5L, 6L)), all.toString());
        List<Long> notSix = ids(Ranking.rank(index, List.of(hits), NOW.minus(Duration.ofDays(1)), NOW, Set.of(6L), 10));
        assertFalse(notSix.contains(6L));
        List<Long> lastHours = ids(Ranking.rank(index, List.of(hits), NOW.minus(Duration.ofMinutes(4 * 60 + 30)), NOW,
                Set.of(), 10));
        assertEquals(List.of(6L), lastHours, "paper 5 came in 5 hours ago");
    }

    /** Upvoted papers: 5 and 6 (50 each, 6 newer), then 1 (3). */
    @Test
    void trendingPapersComeFirstMostUpvotedFirstMarkedAndNotSentTwice() throws InterestRefused {
        Instant since = NOW.minus(Duration.ofDays(1));
        int[] mostUpvoted = index.mostUpvoted(since, NOW, 10);
        assertEquals(List.of(6L, 5L, 1L), java.util.Arrays.stream(mostUpvoted).mapToObj(o -> index.paper(o).id()).toList());

        List<Match> alone = Ranking.rank(index, List.of(), mostUpvoted, 2, since, NOW, Set.of(6L), 10);
        assertEquals(List.of(5L, 1L), ids(alone), "at most 2, the one already sent left out");
        assertTrue(alone.stream().allMatch(m -> m.trending() && m.interest() == null), alone.toString());
        assertEquals("Trending on Hugging Face: 50 upvotes.", alone.get(0).reason());

        ParsedInterest parsed = InterestLanguage.parse("transformers");
        InterestHits hits = Fusion.score(index, 0, index.size(), List.of(new InterestQuery(parsed, model.embed("transformers"))),
                Fusion.THRESHOLD).get(0);
        List<Match> beside = Ranking.rank(index, List.of(hits), mostUpvoted, 1, since, NOW, Set.of(), 10);
        assertEquals(6L, beside.get(0).paperId(), "the most upvoted first, though it may not score best");
        assertTrue(beside.get(0).trending());
        assertEquals("transformers", beside.get(0).interest());
        assertTrue(beside.get(0).reason().startsWith("Trending on Hugging Face: 50 upvotes. Matches “transformers”"),
                beside.get(0).reason());
        assertTrue(beside.stream().skip(1).noneMatch(Match::trending), beside.toString());
        assertEquals(1, ids(beside).stream().filter(id -> id == 6L).count(), "listed once");
        assertTrue(ids(beside).contains(5L), "the interest's other papers follow");
    }
}
