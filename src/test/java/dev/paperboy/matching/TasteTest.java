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

/** A person's "more/less like this" moving their ranking over a small window, with the real sentence model. */
class TasteTest {

    private static final Instant NOW = Instant.now();
    private static MiniLm model;
    private static PaperIndex index;

    @BeforeAll
    static void window() {
        model = new MiniLm();
        List<WindowPaper> papers = new ArrayList<>();
        add(papers, "Graph neural networks for molecules", "Message passing on molecular graphs predicts toxicity.");
        add(papers, "Graph neural networks for traffic", "Road networks as graphs: forecasting congestion with GNNs.");
        add(papers, "Graph neural networks for recommendation", "User-item graphs and message passing for ranking items.");
        add(papers, "Coral reef sponge filtration", "Sponges filter water on coral reefs; we measure their rates.");
        index = new PaperIndex(papers);
    }

    private static void add(List<WindowPaper> papers, String title, String abstractText) {
        long id = papers.size() + 1;
        papers.add(new WindowPaper(id, 1, title, abstractText, new String[0], new String[0],
                NOW.minus(Duration.ofHours(10 - id)), null, null, model.embed(MiniLm.paperText(title, abstractText))));
    }

    private static List<Long> rank(Taste taste) throws InterestRefused {
        ParsedInterest parsed = InterestLanguage.parse("graph neural networks");
        InterestHits hits = Fusion.score(index, 0, index.size(),
                List.of(new InterestQuery(parsed, model.embed(parsed.meaning()))), Fusion.THRESHOLD).get(0);
        return Ranking.rank(index, List.of(hits), new int[0], 0, taste, NOW.minus(Duration.ofDays(1)), NOW, Set.of(), 10)
                .stream().map(Match::paperId).toList();
    }

    private static float[] paper(String title, String abstractText) {
        return model.embed(MiniLm.paperText(title, abstractText));
    }

    @Test
    void withoutFeedbackTheRankingIsTheSharedOne() throws InterestRefused {
        List<Long> shared = rank(Taste.NONE);
        assertEquals(List.of(1L, 2L, 3L), shared.stream().sorted().toList(), "the three graph papers, not the sponges");
    }

    @Test
    void aNearNeighbourOfADislikedPaperLeavesAndOfALikedOneComesFirst() throws InterestRefused {
        float[] toxicity = paper("Graph neural networks for molecular toxicity",
                "Message passing on molecule graphs predicts whether a compound is toxic.");
        float[] sponges = paper("Sponges filtering coral reef water",
                "We measure how fast sponges on coral reefs filter the water around them.");
        float[] traffic = paper("Forecasting road traffic with graph networks",
                "Road networks as graphs: predicting congestion with graph neural networks.");

        List<Long> lessMolecules = rank(new Taste(new float[0][], new String[0], new float[][] {toxicity}));
        assertFalse(lessMolecules.contains(1L), "the molecules paper is the disliked one told again: " + lessMolecules);
        assertTrue(lessMolecules.containsAll(List.of(2L, 3L)), lessMolecules::toString);

        List<Long> moreSponges = rank(new Taste(new float[][] {sponges}, new String[] {"Sponges"}, new float[0][]));
        assertTrue(moreSponges.contains(4L), "no interest brings the sponges, a liked paper does: " + moreSponges);

        List<Long> moreTraffic = rank(new Taste(new float[][] {traffic}, new String[] {"Traffic"}, new float[0][]));
        assertEquals(2L, moreTraffic.get(0), "the liked paper's neighbour comes first: " + moreTraffic);
    }
}
