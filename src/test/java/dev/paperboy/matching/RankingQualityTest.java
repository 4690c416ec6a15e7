package dev.paperboy.matching;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the graded judgments of quality/judgments.json, the fusion ranks better than BM25 alone and than meaning
 * alone, and stays above floors a change of the ranking must not fall under (the figures are in BENCHMARKS.md).
 */
class RankingQualityTest {

    @Test
    void theFusionBeatsEachSideAlone() {
        List<RankingQuality.Figures> figures = new RankingQuality().measure();
        RankingQuality.Figures lexical = figures.get(0);
        RankingQuality.Figures semantic = figures.get(1);
        RankingQuality.Figures fusion = figures.get(2);
        String table = figures.toString();
        assertTrue(fusion.ndcg() > lexical.ndcg() && fusion.ndcg() > semantic.ndcg(), table);
        assertTrue(fusion.recall() >= lexical.recall() && fusion.recall() >= semantic.recall(), table);
        assertTrue(f1(fusion) > f1(semantic), table);
        assertTrue(fusion.ndcg() >= 0.83 && fusion.precision() >= 0.8 && fusion.recall() >= 0.85, table);
    }

    private static double f1(RankingQuality.Figures f) {
        return 2 * f.precision() * f.recall() / (f.precision() + f.recall());
    }
}
