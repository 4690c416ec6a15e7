package dev.paperboy.matching;

import dev.paperboy.matching.semantic.MiniLm;
import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import dev.paperboy.subscriber.interest.ParsedInterest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AND, OR and parentheses over the 62 sample papers (ids 1 to 62 in the order of sample/trending-papers.json), as a
 * digest decides: AND joins the run of plain words on each side of it, and a group of plain words asks for most of
 * them. Paper 44 ("Deep Learning for Case-Based Reasoning through Prototypes") has learning and reasoning but not
 * reinforcement; paper 29 ("N2N Learning: ... Policy Gradient Reinforcement Learning") has reinforcement learning.
 */
class OperatorsOnSamplePapersTest {

    private static final long CASE_BASED_REASONING = 44;
    private static final long N2N_REINFORCEMENT_LEARNING = 29;
    private static MiniLm model;
    private static PaperIndex index;

    @BeforeAll
    static void samplePapers() {
        model = new MiniLm();
        index = new RankingQuality().index();
    }

    @Test
    void andJoinsTheWordsBesideItNotOnlyTheNextOne() throws InterestRefused {
        // Before, AND bound "learning" only and "reinforcement" merely ranked: paper 44 came for all three.
        for (String interest : List.of("reinforcement learning AND reasoning -survey",
                "(reinforcement learning) AND reasoning", "reinforcement learning AND reasoning",
                "reasoning AND reinforcement learning")) {
            assertFalse(digest(interest).contains(CASE_BASED_REASONING), interest + ": " + digest(interest));
        }
        assertTrue(digest("(deep learning) AND reasoning").contains(CASE_BASED_REASONING),
                "the paper that has all of them still comes");
        assertTrue(digest("reinforcement learning AND compression").contains(N2N_REINFORCEMENT_LEARNING));
    }

    @Test
    void aGroupOfPlainWordsAsksForMostOfThem() throws InterestRefused {
        // Paper 29 has reinforcement and learning, not prototypes or explanations: one word of the group's three.
        String oneOfThree = "(reinforcement prototypes explanations) AND learning";
        assertEquals(0f, lexical(oneOfThree, N2N_REINFORCEMENT_LEARNING), "one word of three is not most of them");
        assertFalse(digest(oneOfThree).contains(N2N_REINFORCEMENT_LEARNING));
        assertTrue(lexical(oneOfThree, CASE_BASED_REASONING) > 0, "paper 44 has prototypes and explanations");
        assertTrue(digest(oneOfThree).contains(CASE_BASED_REASONING));
        assertTrue(lexical("(policy prototypes compression) AND learning", N2N_REINFORCEMENT_LEARNING) > 0,
                "two of three");
        assertTrue(digest("(policy gradient compression) AND learning").contains(N2N_REINFORCEMENT_LEARNING));
    }

    @Test
    void aWholeInterestOfPlainWordsStillRanksByItsShareOfTheWords() throws InterestRefused {
        assertEquals(digest("deep learning theory"), digest("(deep learning theory)"),
                "parentheses around a whole interest change nothing");
    }

    /** The interest's BM25 score of one paper: above 0 where its structure admits the paper. */
    private static float lexical(String interest, long paperId) throws InterestRefused {
        return index.scores(new InterestQuery(InterestLanguage.parse(interest), null).lexical)[(int) paperId - 1];
    }

    /** The papers a digest brings for one interest, best first. */
    private static List<Long> digest(String interest) throws InterestRefused {
        ParsedInterest parsed = InterestLanguage.parse(interest);
        InterestQuery query = new InterestQuery(parsed, parsed.meaning().isEmpty() ? null : model.embed(parsed.meaning()));
        InterestHits hits = Fusion.score(index, 0, index.size(), query, Fusion.THRESHOLD);
        return Ranking.rank(index, List.of(hits), Instant.EPOCH, Instant.now(), Set.of(), 30).stream()
                .map(Match::paperId).toList();
    }
}
