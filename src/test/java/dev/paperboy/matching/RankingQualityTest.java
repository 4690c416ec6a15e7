package dev.paperboy.matching;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the graded judgments (the five open sets together), the fusion ranks better than BM25 alone and than meaning
 * alone, and on each open set (tuning, held-out, first, second and third blind) stays above floors a change of the
 * ranking must not fall under (BENCHMARKS.md). The fourth blind set is not asserted on: it is only measured, a few
 * times, by matching-quality.sh.
 */
class RankingQualityTest {

    @Test
    void theFusionBeatsEachSideAlone() {
        // Over the open sets together: on one set alone BM25's short lists, filled up to ten by the preview's next
        // best, can come within a thousandth of the fusion's nDCG, and one set is too few interests to tell them apart.
        RankingQuality open = new RankingQuality(RankingQuality.OPEN.toArray(String[]::new));
        List<RankingQuality.Figures> figures = open.measure();
        RankingQuality.Figures lexical = figures.get(0);
        RankingQuality.Figures semantic = figures.get(1);
        RankingQuality.Figures fusion = figures.get(2);
        String table = figures.toString();
        assertTrue(fusion.ndcg() > lexical.ndcg() && fusion.ndcg() > semantic.ndcg(), table);
        assertTrue(fusion.recall() >= lexical.recall() && fusion.recall() >= semantic.recall(), table);
        assertTrue(f1(fusion) > f1(semantic) && f1(fusion) > f1(lexical), table);
        // The order fitted in session 6 (Fusion.ORDER_COSINE) raised each set's nDCG: 0.923 to 0.949 (tuning),
        // 0.849 to 0.876 (held-out), 0.849 to 0.856 (blind); precision and recall are the decision's, unchanged.
        RankingQuality.Figures tuned = open.only(RankingQuality.TUNING).measure("fusion", RankingQuality.FUSED);
        assertTrue(tuned.ndcg() >= 0.95 && tuned.precision() >= 0.85 && tuned.recall() >= 0.85, tuned.toString());
        // Read per interest since session 5, so held to a floor too.
        // Session 7's rule for descriptions said in words (OtherWords) raised the held-out and blind sets' precision,
        // 0.64 to 0.70 and 0.56 to 0.61; alternatives counted as one (Coverage) the second blind set's recall, 0.47
        // to 0.53.
        // Session 14's lower cut for a paper with one of an interest's alternatives (Fusion.ALTERNATIVES_RELATIVE)
        // raised the recall of the held-out, blind and second blind sets: 0.72 to 0.78, 0.76 to 0.79, 0.53 to 0.55.
        // Session 17's few papers by meaning alone for a description (MeaningAlone, OtherWords.DESCRIPTION_BM25)
        // raised the precision of the held-out set, 0.71 to 0.74, the first blind 0.77 to 0.79, the second 0.50 to
        // 0.51 and the third 0.45 to 0.49 (7 papers fewer, none on topic, none related).
        // Session 18's halves (a paper's abstract also embedded as two halves, WindowVectors.blended) raised every
        // set's nDCG: 0.951 to 0.952 (tuning), 0.874 to 0.880 (held-out), 0.861 to 0.865 (blind), 0.732 to 0.739
        // (second blind), 0.652 to 0.681 (third blind); the second blind set's precision and recall, 0.51 to 0.53 and
        // 0.61 to 0.66; the held-out set lost one on-topic paper (precision 0.74 to 0.71, recall 0.78 to 0.75).
        RankingQuality.Figures heldOut = open.only(RankingQuality.HELD_OUT).measure("fusion", RankingQuality.FUSED);
        assertTrue(heldOut.ndcg() >= 0.875 && heldOut.precision() >= 0.70 && heldOut.recall() >= 0.75,
                heldOut.toString());
        // Read per interest since session 6. Session 11's rule for a few keywords said in words (OtherWords) raised
        // the blind sets' precision, 0.61 to 0.69 (blind) and 0.43 to 0.47 (second blind); session 16's share of 0.4
        // (OtherWords.KEYWORD_WORDS) raised the first blind set's again, 0.70 to 0.77 (word embeddings: three papers
        // on sentence embeddings with "embeddings" alone), the second's 0.49 to 0.50, the third's 0.43 to 0.45.
        RankingQuality.Figures blind = open.only(RankingQuality.BLIND).measure("fusion", RankingQuality.FUSED);
        assertTrue(blind.ndcg() >= 0.86 && blind.precision() >= 0.79 && blind.recall() >= 0.78, blind.toString());
        // Read per interest since session 7. Session 15's alternatives scored as the best of them (Alternatives), not
        // their sum, raised its precision and recall, 0.47 to 0.49 and 0.55 to 0.61 (survey OR review: 3 to 5 of 6).
        RankingQuality.Figures blind2 = open.only(RankingQuality.BLIND2).measure("fusion", RankingQuality.FUSED);
        assertTrue(blind2.ndcg() >= 0.735 && blind2.precision() >= 0.53 && blind2.recall() >= 0.65, blind2.toString());
        // Read per interest since session 8. Session 15's alternatives lowered its nDCG, 0.663 to 0.652: of the two
        // papers of interpretability AND (transformer OR "language model"), the one off topic now comes first.
        RankingQuality.Figures blind3 = open.only(RankingQuality.BLIND3).measure("fusion", RankingQuality.FUSED);
        assertTrue(blind3.ndcg() >= 0.675 && blind3.precision() >= 0.48 && blind3.recall() >= 0.57, blind3.toString());
    }

    private static double f1(RankingQuality.Figures f) {
        return 2 * f.precision() * f.recall() / (f.precision() + f.recall());
    }
}
