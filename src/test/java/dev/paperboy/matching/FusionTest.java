package dev.paperboy.matching;

import dev.paperboy.matching.semantic.Vectors;
import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the fusion weighs the two sides, on papers whose vectors are set by hand (the interest's vector is the first
 * axis, so a paper's cosine with it is its first component): the weight of the words for a few keywords and for a
 * description, and the cosine a paper without the words must reach whatever the window.
 */
class FusionTest {

    private static final Instant NOW = Instant.parse("2030-01-15T12:00:00Z");
    private static final float[] INTEREST = direction(1, 1);
    private static final String MEADOW = "Flowers bloom on high slopes.";

    @Test
    void aPaperWithoutTheWordsMustBeCloseInMeaningNotOnlyTheClosestThereIs() throws InterestRefused {
        // Nothing here says tidal; the window is far from the interest (papers of another field), so the papers
        // at 0.40 and 0.34 are both the closest there is: normalized, each would pass the threshold.
        List<WindowPaper> papers = new ArrayList<>();
        papers.add(paper(1, "Ocean currents and turbines", "Turbines spin in strong sea currents.", direction(0.40, 2)));
        papers.add(paper(2, "Harbour engineering", "Breakwaters protect ships in port.", direction(0.34, 3)));
        meadows(papers, 3, 8, -0.6, MEADOW);
        PaperIndex index = new PaperIndex(papers);
        InterestQuery tidal = new InterestQuery(InterestLanguage.parse("tidal"), INTEREST);

        float mean = index.meanCosine(INTEREST, 0, index.size());
        float normalized = (0.34f - mean) / (Math.max(0.40f, Fusion.STRONG_COSINE) - mean);
        float fused = (1 - Fusion.lexicalWeight(tidal)) * normalized;
        assertTrue(fused >= Fusion.THRESHOLD, "its normalized score alone would bring it: " + fused);

        InterestHits hits = Fusion.score(index, 0, index.size(), List.of(tidal), Fusion.THRESHOLD).get(0);
        assertEquals(List.of(1L), ids(index, hits), "the paper under " + Fusion.MEANING_FLOOR + " in cosine is left out");
    }

    @Test
    void aPaperWithOneHalfOnTheTopicIsAsCloseAsTheBlendOfItsWholeAndThatHalf() throws InterestRefused {
        // Nothing says tidal. Paper 1 as a whole is at 0.30, under the floor, but the second half of its abstract is
        // at 0.80: 0.5 x 0.30 + 0.5 x 0.80 = 0.55 brings it. Paper 2 (0.34, no halves) is compared by its vector alone.
        List<WindowPaper> papers = new ArrayList<>();
        papers.add(new WindowPaper(1, 1, "Coastal power survey", "Many ways to power a coast. Turbines under the sea.",
                new String[0], new String[0], NOW.minus(Duration.ofHours(99)), null, null, direction(0.30, 2),
                halves(direction(0.20, 20), direction(0.80, 21))));
        papers.add(paper(2, "Harbour engineering", "Breakwaters protect ships in port.", direction(0.34, 3)));
        meadows(papers, 3, 8, -0.6, MEADOW);
        PaperIndex index = new PaperIndex(papers);
        InterestQuery tidal = new InterestQuery(InterestLanguage.parse("tidal"), INTEREST);

        float[] blended = index.blended(INTEREST, 0, index.size());
        assertEquals(0.55f, blended[0], 0.01f, "half the whole's cosine and half the better half's");
        assertEquals(index.cosines(INTEREST, 0, index.size())[1], blended[1], 0f, "without halves: its cosine exactly");
        InterestHits hits = Fusion.score(index, 0, index.size(), List.of(tidal), Fusion.THRESHOLD).get(0);
        assertEquals(List.of(1L), ids(index, hits), "by its better half; paper 2 stays under the floor");
    }

    @Test
    void aPaperWithTheWordsComesWhateverItsCosine() throws InterestRefused {
        List<WindowPaper> papers = new ArrayList<>();
        papers.add(paper(1, "Tidal energy", "Tidal energy from tidal currents.", direction(0.1, 2)));
        papers.add(paper(2, "Harbour engineering", "Breakwaters protect ships in port.", direction(0.34, 3)));
        PaperIndex index = new PaperIndex(papers);
        InterestQuery tidal = new InterestQuery(InterestLanguage.parse("tidal"), INTEREST);
        InterestHits hits = Fusion.score(index, 0, index.size(), List.of(tidal), Fusion.THRESHOLD).get(0);
        assertEquals(List.of(1L), ids(index, hits), "it has the interest's word, at cosine 0.1");
    }

    @Test
    void aFewKeywordsWeighTheirWordsMoreThanADescriptionDoes() throws InterestRefused {
        InterestQuery keywords = new InterestQuery(InterestLanguage.parse("tidal energy"), INTEREST);
        InterestQuery description = tides();
        assertTrue(Fusion.lexicalWeight(keywords) > Fusion.lexicalWeight(description));

        // A paper with the words, far in meaning; one as close in meaning as any without them; one a little less
        // close without them, which only meaning can bring.
        List<WindowPaper> papers = new ArrayList<>();
        papers.add(paper(1, "Tidal energy", "Tidal energy from tidal currents.", direction(0.1, 2)));
        papers.add(paper(2, "Power from the pull of the moon", "Turbines under the sea.", direction(0.7, 3)));
        papers.add(paper(3, "Where the sea meets the grid", "Cables from offshore turbines.", direction(0.5, 4)));
        meadows(papers, 4, 9, -0.2, MEADOW);
        PaperIndex index = new PaperIndex(papers);
        InterestHits asKeywords = Fusion.score(index, 0, index.size(), keywords, Fusion.lexicalWeight(keywords),
                Fusion.THRESHOLD);
        InterestHits evenly = Fusion.score(index, 0, index.size(), keywords, Fusion.LEXICAL_WEIGHT, Fusion.THRESHOLD);
        assertEquals(Set.of(1L, 2L), Set.copyOf(ids(index, asKeywords)), "keywords: meaning alone brings less");
        assertEquals(Set.of(1L, 2L, 3L), Set.copyOf(ids(index, evenly)), "weighed as a description: meaning decides more");
    }

    @Test
    void papersAreOrderedByTheirWordsAndTheirCosineNotByTheClosestOfTheWindow() throws InterestRefused {
        // Paper 1 has one of the two words (and a moderate cosine); paper 2 has none but is the window's closest,
        // which the normalized side scores 1 whatever its cosine. Both come; the one that says it comes first.
        List<WindowPaper> papers = new ArrayList<>();
        papers.add(paper(1, "Tidal flats", "Mud and birds on tidal flats.", direction(0.4, 2)));
        papers.add(paper(2, "Power from the pull of the moon", "Turbines under the sea.", direction(0.75, 3)));
        papers.add(paper(3, "Energy, energy prices", "Markets for energy and energy storage.", direction(-0.2, 4)));
        meadows(papers, 4, 8, -0.2, MEADOW);
        PaperIndex index = new PaperIndex(papers);
        InterestQuery tidalEnergy = new InterestQuery(InterestLanguage.parse("tidal energy"), INTEREST);
        InterestHits hits = Fusion.score(index, 0, index.size(), tidalEnergy, Fusion.LEXICAL_WEIGHT, Fusion.THRESHOLD);
        assertEquals(List.of(1L, 2L), ids(index, hits), "scores " + java.util.Arrays.toString(hits.scores));
        assertEquals(hits.scores[1], Fusion.order(0, 0.75f), 1e-5, "the second is scored by its cosine alone");
    }

    @Test
    void aDescriptionSaidInWordsBringsByMeaningAloneOnlyPapersWithSomeOfItsWordsOrVeryClose() throws InterestRefused {
        // Paper 1 says the description in its words; paper 2 shares none of them at a cosine that is near the best
        // of the window (the normalized side alone would keep it); paper 3 shares none either but is as close as a
        // paper that says the same thing in other words gets.
        InterestQuery description = tides();
        assertTrue(description.units.size() > Fusion.KEYWORDS, "a description");
        List<WindowPaper> papers = new ArrayList<>();
        papers.add(paper(1, "Turning the rise and fall of the sea into electricity", "Tides drive generators.",
                direction(0.6, 2)));
        papers.add(paper(2, "Power from the pull of the moon", "Turbines under the water.", direction(0.55, 3)));
        papers.add(paper(3, "Moon-driven turbines", "Generators in tidal channels.",
                direction(OtherWords.SAME_TOPIC_COSINE + 0.04, 4)));
        meadows(papers, 4, 9, -0.2, MEADOW);
        PaperIndex index = new PaperIndex(papers);
        InterestHits hits = Fusion.score(index, 0, index.size(), List.of(description), Fusion.THRESHOLD).get(0);
        assertEquals(Set.of(1L, 3L), Set.copyOf(ids(index, hits)),
                "said in words: a paper with none of the words comes only at " + OtherWords.SAME_TOPIC_COSINE);

        // Where no paper says it in words, meaning alone decides: paper 2 comes (the rain paper of RankingTest).
        PaperIndex unsaid = new PaperIndex(papers.subList(1, papers.size()));
        InterestHits byMeaning = Fusion.score(unsaid, 0, unsaid.size(), List.of(description), Fusion.THRESHOLD).get(0);
        assertEquals(Set.of(2L, 3L), Set.copyOf(ids(unsaid, byMeaning)), "nothing says it in words");
    }

    @Test
    void aFewKeywordsSaidInWordsBringByMeaningAlonePapersWithTheTopicsWordOrNoneNotTheFieldsWordAlone()
            throws InterestRefused {
        // "energy" is the field's word (most papers here have it), "tidal" the topic's. Paper 1 says the keywords;
        // paper 2 has only "energy", paper 3 none of the words, both as close in meaning as the window gets.
        InterestQuery keywords = new InterestQuery(InterestLanguage.parse("tidal energy"), INTEREST);
        assertTrue(keywords.units.size() > 1 && keywords.units.size() <= Fusion.KEYWORDS, "a few keywords");
        List<WindowPaper> papers = new ArrayList<>();
        papers.add(paper(1, "Tidal energy", "Tidal energy from tidal currents.", direction(0.3, 2)));
        papers.add(paper(2, "Energy from the sea", "Turbines under the water convert energy.", direction(0.55, 3)));
        papers.add(paper(3, "Power from the pull of the moon", "Turbines under the water.", direction(0.55, 4)));
        meadows(papers, 4, 10, -0.2, "Flowers on high slopes store energy.");
        PaperIndex index = new PaperIndex(papers);
        InterestHits hits = Fusion.score(index, 0, index.size(), List.of(keywords), Fusion.THRESHOLD).get(0);
        assertEquals(Set.of(1L, 3L), Set.copyOf(ids(index, hits)),
                "said in words: the field's word alone does not bring a paper by meaning, none of the words may");

        // Where no paper says them in words, meaning alone decides: paper 2 comes too.
        PaperIndex unsaid = new PaperIndex(papers.subList(1, papers.size()));
        InterestHits byMeaning = Fusion.score(unsaid, 0, unsaid.size(), List.of(keywords), Fusion.THRESHOLD).get(0);
        assertEquals(Set.of(2L, 3L), Set.copyOf(ids(unsaid, byMeaning)), "nothing says them in words");
    }

    @Test
    void aFewKeywordsSaidInWordsBringByMeaningAlonePapersWithMoreThanTheirCommonerWord() throws InterestRefused {
        // "energy" is in three papers of eleven, "tidal" in one: the commoner word carries 0.3 to 0.4 of the
        // keywords (word embeddings: "embeddings" alone, 0.38, brought three papers on sentence embeddings).
        InterestQuery keywords = new InterestQuery(InterestLanguage.parse("tidal energy"), INTEREST);
        List<WindowPaper> papers = new ArrayList<>();
        papers.add(paper(1, "Tidal energy", "Tidal energy from tidal currents.", direction(0.3, 2)));
        papers.add(paper(2, "Energy from the sea", "Turbines under the water convert energy.", direction(0.55, 3)));
        papers.add(paper(3, "Power from the pull of the moon", "Turbines under the water.", direction(0.55, 4)));
        papers.add(paper(4, "Alpine meadow 4", "Flowers on high slopes store energy.", direction(-0.2, 5)));
        meadows(papers, 5, 11, -0.2, MEADOW);
        PaperIndex index = new PaperIndex(papers);
        float share = Coverage.of(index, keywords, new int[index.size()], new int[index.size()])[1];
        assertTrue(share > 0.3f && share < 0.4f, "energy alone: " + share);
        InterestHits hits = Fusion.score(index, 0, index.size(), List.of(keywords), Fusion.THRESHOLD).get(0);
        assertEquals(Set.of(1L, 3L), Set.copyOf(ids(index, hits)),
                "said in words: the commoner word alone does not bring a paper by meaning, none of the words may");
    }

    @Test
    void aDescriptionBringsByMeaningAloneItsClosestPapersAndFurtherOnesOnlyWhereTheWordsAgree() throws InterestRefused {
        // No paper says the description in words (each has "sea" or "electricity", under half of it). Papers 1 to 7
        // are all close in meaning, from 0.60 down to 0.54: past the four closest, only paper 7, which says the sea
        // and electricity again and again (BM25 near the best), keeps its place.
        InterestQuery description = tides();
        List<WindowPaper> papers = new ArrayList<>();
        papers.add(paper(1, "Electricity from the sea", "Generators under water.", direction(0.60, 2)));
        papers.add(paper(2, "Sea power", "Turbines under the water.", direction(0.59, 3)));
        papers.add(paper(3, "Waves on the sea", "Buoys move up and down.", direction(0.58, 4)));
        papers.add(paper(4, "Ocean generators", "Currents of the sea drive turbines.", direction(0.57, 5)));
        papers.add(paper(5, "Harbour engineering", "Breakwaters protect ships from the sea.", direction(0.56, 6)));
        papers.add(paper(6, "Coastal cities", "Cities by the sea grow.", direction(0.55, 7)));
        papers.add(paper(7, "Sea electricity", "Electricity from the sea: sea turbines make electricity.",
                direction(0.54, 8)));
        meadows(papers, 8, 16, -0.2, MEADOW);
        PaperIndex index = new PaperIndex(papers);
        InterestHits hits = Fusion.score(index, 0, index.size(), List.of(description), Fusion.THRESHOLD).get(0);
        float[] bm25 = index.lexicalScores(description);
        float[] coverage = Coverage.of(index, description, new int[index.size()], new int[index.size()]);
        float best = best(bm25);
        for (int i = 0; i < 7; i++) {
            assertTrue(Fusion.lexical(bm25[i], best, coverage[i]) < 0.5f, "paper " + (i + 1) + " by meaning alone");
        }
        assertTrue(bm25[4] < MeaningAlone.WORDS_AGREE * best && bm25[5] < MeaningAlone.WORDS_AGREE * best
                && bm25[6] >= MeaningAlone.WORDS_AGREE * best, "only paper 7's words agree");
        assertEquals(Set.of(1L, 2L, 3L, 4L, 7L), Set.copyOf(ids(index, hits)),
                "the " + MeaningAlone.CLOSEST + " closest, and paper 7 for its words");
        // The preview still shows the two left out, after the list.
        InterestHits uncut = Fusion.scoreUncut(index, 0, index.size(), description, Fusion.lexicalWeight(description));
        assertTrue(ids(index, uncut).containsAll(List.of(5L, 6L)), "uncut: " + ids(index, uncut));
    }

    @Test
    void aDescriptionBringsByMeaningAloneNoPaperWithOnlyATraceOfItsWords() throws InterestRefused {
        // No paper says the description in words: paper 1 has "electricity" alone. Paper 2 has only "rise", the
        // window's commonest word of it (the meadows' flowers rise too), once in a long abstract: a trace of the
        // description, under a tenth of the best BM25. Paper 3 has none of its words. Both are as close in meaning
        // as the window gets after paper 1.
        InterestQuery description = tides();
        List<WindowPaper> papers = new ArrayList<>();
        papers.add(paper(1, "Electricity from the tides", "Tides drive generators.", direction(0.6, 2)));
        papers.add(paper(2, "Power from the pull of the moon", "Turbines under the water, built from steel and "
                + "concrete by crews of divers and looked after by boats; the power goes into cables on the floor of "
                + "the bay and reaches the land through a station of transformers, where the cost will rise.",
                direction(0.55, 3)));
        papers.add(paper(3, "Moon-driven turbines", "Generators in tidal channels.", direction(0.55, 4)));
        meadows(papers, 4, 9, -0.2, "Flowers rise on high slopes.");
        PaperIndex index = new PaperIndex(papers);
        float[] bm25 = index.lexicalScores(description);
        assertTrue(bm25[1] > 0 && bm25[1] < OtherWords.DESCRIPTION_BM25 * bm25[0] && bm25[2] == 0,
                "a trace of the words, and none: " + bm25[1] + " of " + bm25[0]);
        InterestHits hits = Fusion.score(index, 0, index.size(), List.of(description), Fusion.THRESHOLD).get(0);
        assertEquals(Set.of(1L, 3L), Set.copyOf(ids(index, hits)),
                "a trace of the words does not bring a paper by meaning; none of them may (said in other words)");
    }

    @Test
    void aPaperWithOneOfTheAlternativesHasAllTheInterestAsksFor() throws InterestRefused {
        List<WindowPaper> papers = new ArrayList<>();
        papers.add(paper(1, "A survey of tidal energy", "What is known about tidal turbines.", direction(0.1, 2)));
        papers.add(paper(2, "Tidal energy: a survey and a review", "Reviewed and surveyed.", direction(0.1, 3)));
        meadows(papers, 3, 6, -0.2, MEADOW);
        PaperIndex index = new PaperIndex(papers);
        int n = index.size();
        InterestQuery either = new InterestQuery(InterestLanguage.parse("survey OR review"), INTEREST);
        assertEquals(1f, Coverage.of(index, either, new int[n], new int[n])[0], 1e-6,
                "survey OR review asks for either: the survey has all of it");
        InterestQuery both = new InterestQuery(InterestLanguage.parse("survey review"), INTEREST);
        assertTrue(Coverage.of(index, both, new int[n], new int[n])[0] < 0.75f,
                "survey review asks for both words: the survey has one of them");
        InterestQuery grouped = new InterestQuery(InterestLanguage.parse("(survey OR review) AND tidal"), INTEREST);
        float[] coverage = Coverage.of(index, grouped, new int[n], new int[n]);
        assertEquals(coverage[1], coverage[0], 1e-6, "one alternative and tidal, as both alternatives and tidal");
        assertTrue(coverage[0] > 0.99f, "all of it: " + coverage[0]);
        // An alternative of several words counts as its words: "tidal" alone is not all of "tidal turbines".
        InterestQuery words = new InterestQuery(InterestLanguage.parse("(tidal turbines) OR meadow"), INTEREST);
        float[] share = Coverage.of(index, words, new int[n], new int[n]);
        assertEquals(1f, share[0], 1e-6, "tidal turbines: all of one alternative");
        assertEquals(1f, share[2], 1e-6, "meadow: all of the other");
        assertTrue(share[1] > 0 && share[1] < 0.75f, "tidal without turbines: " + share[1]);
    }

    @Test
    void alternativesScoreAsTheBestOfThemNotTheirSum() throws InterestRefused {
        List<WindowPaper> papers = new ArrayList<>();
        papers.add(paper(1, "A survey and a review", "We survey the field and review it.", direction(0.7, 2)));
        papers.add(paper(2, "A review of tidal turbines", "We review what tidal turbines deliver.", direction(0.4, 3)));
        meadows(papers, 3, 8, -0.2, MEADOW);
        PaperIndex index = new PaperIndex(papers);
        float[] either = index.lexicalScores(new InterestQuery(InterestLanguage.parse("survey OR review"), INTEREST, index));
        float[] survey = index.lexicalScores(new InterestQuery(InterestLanguage.parse("survey"), INTEREST, index));
        float[] review = index.lexicalScores(new InterestQuery(InterestLanguage.parse("review"), INTEREST, index));
        assertEquals(Math.max(survey[0], review[0]), either[0], "the paper with both: the better of the two");
        assertEquals(review[1], either[1], "the paper with one: that one's score");
        float[] searched = new PaperIndex(papers).lexicalScores(
                new InterestQuery(InterestLanguage.parse("survey OR review"), INTEREST));
        assertArrayEquals(searched, either, "Lucene's search of the same query gives the same floats");
        float[] sum = index.lexicalScores(new InterestQuery(InterestLanguage.parse("survey review"), INTEREST, index));
        assertTrue(sum[0] > either[0] * 1.5f, "words without OR still add up: " + sum[0] + " against " + either[0]);
    }

    @Test
    void aPaperWithOneOfTheAlternativesIsNotCutAgainstOneThatSaysItInItsTitle() throws InterestRefused {
        // Paper 1 says an alternative in its title and its abstract. Paper 2 says one in its abstract only and is about
        // it (above the window's mean in meaning, not close enough to stay for that alone); paper 3 says one in its
        // title and is far from it in meaning, below the window's mean.
        List<WindowPaper> papers = new ArrayList<>();
        papers.add(paper(1, "A survey of tides", "We survey the tides and survey the currents.", direction(0.7, 2)));
        papers.add(paper(2, "Tidal turbines in strong sea currents",
                "We review what tidal turbines deliver in strong sea currents and in calm water.", direction(0.42, 3)));
        papers.add(paper(3, "Harbours: a survey", "Breakwaters protect ships in port.", direction(-0.5, 4)));
        meadows(papers, 4, 10, -0.2, MEADOW);
        PaperIndex index = new PaperIndex(papers);
        InterestQuery either = new InterestQuery(InterestLanguage.parse("survey OR review"), INTEREST);
        assertTrue(Fusion.hasAlternatives(either), "survey OR review has alternatives");
        float[] fused = fused(index, either);
        for (int paper : new int[] {2, 3}) {
            float share = fused[paper - 1] / fused[0];
            assertTrue(fused[paper - 1] >= Fusion.THRESHOLD && share < Fusion.RELATIVE
                    && share >= Fusion.ALTERNATIVES_RELATIVE, "paper " + paper + " at " + share + " of the best");
        }
        InterestHits hits = Fusion.score(index, 0, index.size(), List.of(either), Fusion.THRESHOLD).get(0);
        assertEquals(Set.of(1L, 2L), Set.copyOf(ids(index, hits)),
                "the tidal turbines' review has all that was asked; the harbours' paper is not about it");

        // Without alternatives, or with them only in what is excluded, half of the best is asked as before.
        InterestQuery one = new InterestQuery(InterestLanguage.parse("review"), INTEREST);
        assertTrue(!Fusion.hasAlternatives(one) && !Fusion.hasAlternatives(
                new InterestQuery(InterestLanguage.parse("review NOT (survey OR harbour)"), INTEREST)),
                "an OR inside what is excluded offers no alternatives");
    }

    /** Each paper's fused score for this interest, before the threshold and the cut. */
    private static float[] fused(PaperIndex index, InterestQuery interest) {
        int n = index.size();
        float[] bm25 = index.lexicalScores(interest);
        float best = best(bm25);
        float[] coverage = Coverage.of(index, interest, new int[n], new int[n]);
        float[] cosines = index.cosines(interest.vector, 0, n);
        float mean = index.meanCosine(interest.vector, 0, n);
        float max = -1;
        for (float c : cosines) {
            max = Math.max(max, c);
        }
        float scale = Math.max(max, Fusion.STRONG_COSINE) - mean;
        float w = Fusion.lexicalWeight(interest);
        float[] fused = new float[n];
        for (int i = 0; i < n; i++) {
            float semantic = Math.min(1f, Math.max(0f, (cosines[i] - mean) / scale));
            fused[i] = w * Fusion.lexical(bm25[i], best, coverage[i]) + (1 - w) * semantic;
        }
        return fused;
    }

    private static float score(InterestHits hits, long id) {
        for (int j = 0; j < hits.size(); j++) {
            if (hits.ordinals[j] == id - 1) {
                return hits.scores[j];
            }
        }
        return 0;
    }

    /** The description the tidal-energy cases share: said in words no paper uses together. */
    private static InterestQuery tides() throws InterestRefused {
        return new InterestQuery(InterestLanguage.parse("turning the rise and fall of the sea into electricity"),
                INTEREST);
    }

    private static float best(float[] scores) {
        float best = 0;
        for (float s : scores) {
            best = Math.max(best, s);
        }
        return best;
    }

    private static List<Long> ids(PaperIndex index, InterestHits hits) {
        List<Long> ids = new ArrayList<>();
        for (int ordinal : hits.ordinals) {
            ids.add(index.paper(ordinal).id());
        }
        return ids;
    }

    /** Papers {@code from} to {@code to} of another field, each at this cosine on an axis of its own. */
    private static void meadows(List<WindowPaper> papers, int from, int to, double cosine, String abstractText) {
        for (int i = from; i <= to; i++) {
            papers.add(paper(i, "Alpine meadow " + i, abstractText, direction(cosine, i + 1)));
        }
    }

    private static WindowPaper paper(long id, String title, String abstractText, float[] vector) {
        return new WindowPaper(id, 1, title, abstractText, new String[0], new String[0],
                NOW.minus(Duration.ofHours(100 - id)), null, null, vector);
    }

    private static float[] halves(float[] first, float[] second) {
        float[] halves = Arrays.copyOf(first, 2 * Vectors.DIMENSIONS);
        System.arraycopy(second, 0, halves, Vectors.DIMENSIONS, Vectors.DIMENSIONS);
        return halves;
    }

    /** A unit vector at this cosine to the first axis, the rest of it along axis {@code off}. */
    private static float[] direction(double cosine, int off) {
        float[] v = new float[Vectors.DIMENSIONS];
        v[0] = (float) cosine;
        v[off] = (float) Math.sqrt(1 - cosine * cosine);
        return v;
    }
}
