package dev.paperboy.matching;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the graded judgments (tuning and held-out together), the fusion ranks better than BM25 alone and than meaning
 * alone, and on the tuning set stays above floors a change of the ranking must not fall under (BENCHMARKS.md).
 */
class RankingQualityTest {

    @Test
    void theFusionBeatsEachSideAlone() {
        // Over both sets: on the tuning set alone BM25's short lists, filled up to ten by the preview's next best,
        // come within a thousandth of the fusion's nDCG, and one set is too few interests to tell them apart.
        RankingQuality both = new RankingQuality(RankingQuality.TUNING, RankingQuality.HELD_OUT);
        List<RankingQuality.Figures> figures = both.measure();
        RankingQuality.Figures lexical = figures.get(0);
        RankingQuality.Figures semantic = figures.get(1);
        RankingQuality.Figures fusion = figures.get(2);
        String table = figures.toString();
        assertTrue(fusion.ndcg() > lexical.ndcg() && fusion.ndcg() > semantic.ndcg(), table);
        assertTrue(fusion.recall() >= lexical.recall() && fusion.recall() >= semantic.recall(), table);
        assertTrue(f1(fusion) > f1(semantic) && f1(fusion) > f1(lexical), table);
        RankingQuality.Figures tuned = both.only(RankingQuality.TUNING).measure("fusion", RankingQuality.FUSED);
        assertTrue(tuned.ndcg() >= 0.9 && tuned.precision() >= 0.85 && tuned.recall() >= 0.85, tuned.toString());
    }

    private static double f1(RankingQuality.Figures f) {
        return 2 * f.precision() * f.recall() / (f.precision() + f.recall());
    }
}
