package dev.paperboy.matching;

import dev.paperboy.matching.semantic.Vectors;
import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    @Test
    void aPaperWithoutTheWordsMustBeCloseInMeaningNotOnlyTheClosestThereIs() throws InterestRefused {
        // Nothing here says tidal; the window is far from the interest (papers of another field), so the papers
        // at 0.40 and 0.34 are both the closest there is: normalized, each would pass the threshold.
        List<WindowPaper> papers = new ArrayList<>();
        papers.add(paper(1, "Ocean currents and turbines", "Turbines spin in strong sea currents.", direction(0.40, 2)));
        papers.add(paper(2, "Harbour engineering", "Breakwaters protect ships in port.", direction(0.34, 3)));
        for (int i = 3; i <= 8; i++) {
            papers.add(paper(i, "Alpine meadow " + i, "Flowers bloom on high slopes.", direction(-0.6, i + 1)));
        }
        PaperIndex index = new PaperIndex(papers);
        InterestQuery tidal = new InterestQuery(InterestLanguage.parse("tidal"), INTEREST);

        InterestHits uncut = Fusion.scoreUncut(index, 0, index.size(), tidal, Fusion.lexicalWeight(tidal));
        assertTrue(score(uncut, 2) >= Fusion.THRESHOLD, "its normalized score alone would bring it: " + score(uncut, 2));

        InterestHits hits = Fusion.score(index, 0, index.size(), List.of(tidal), Fusion.THRESHOLD).get(0);
        assertEquals(List.of(1L), ids(index, hits), "the paper under " + Fusion.MEANING_FLOOR + " in cosine is left out");
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
        InterestQuery description = new InterestQuery(
                InterestLanguage.parse("turning the rise and fall of the sea into electricity"), INTEREST);
        assertTrue(Fusion.lexicalWeight(keywords) > Fusion.lexicalWeight(description));

        // A paper with the words but only loosely about them, and one close in meaning without them.
        List<WindowPaper> papers = new ArrayList<>();
        papers.add(paper(1, "Tidal energy", "Tidal energy from tidal currents.", direction(0.9, 2)));
        papers.add(paper(2, "Coastal planning", "Ports, beaches and, here and there, tidal energy sites.",
                direction(0.25, 3)));
        papers.add(paper(3, "Power from the pull of the moon", "Turbines under the sea.", direction(0.51, 4)));
        for (int i = 4; i <= 9; i++) {
            papers.add(paper(i, "Alpine meadow " + i, "Flowers bloom on high slopes.", direction(-0.2, i + 1)));
        }
        PaperIndex index = new PaperIndex(papers);
        InterestHits asKeywords = Fusion.scoreUncut(index, 0, index.size(), keywords, Fusion.lexicalWeight(keywords));
        InterestHits evenly = Fusion.scoreUncut(index, 0, index.size(), keywords, Fusion.LEXICAL_WEIGHT);
        assertTrue(score(asKeywords, 2) > score(asKeywords, 3), "keywords: the words first " + ids(index, asKeywords));
        assertTrue(score(evenly, 2) < score(evenly, 3), "weighed as a description: meaning first " + ids(index, evenly));
    }

    private static float score(InterestHits hits, long id) {
        for (int j = 0; j < hits.size(); j++) {
            if (hits.ordinals[j] == id - 1) {
                return hits.scores[j];
            }
        }
        return 0;
    }

    private static List<Long> ids(PaperIndex index, InterestHits hits) {
        List<Long> ids = new ArrayList<>();
        for (int ordinal : hits.ordinals) {
            ids.add(index.paper(ordinal).id());
        }
        return ids;
    }

    private static WindowPaper paper(long id, String title, String abstractText, float[] vector) {
        return new WindowPaper(id, 1, title, abstractText, new String[0], new String[0],
                NOW.minus(Duration.ofHours(100 - id)), null, null, vector);
    }

    /** A unit vector at this cosine to the first axis, the rest of it along axis {@code off}. */
    private static float[] direction(double cosine, int off) {
        float[] v = new float[Vectors.DIMENSIONS];
        v[0] = (float) cosine;
        v[off] = (float) Math.sqrt(1 - cosine * cosine);
        return v;
    }
}
