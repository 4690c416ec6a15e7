package dev.paperboy.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One score per paper for one interest, from Lucene's BM25 and the MiniLM cosine, each normalized over the
 * papers of the window before they are combined. Lexical: BM25 over the best BM25 of the window, times the share
 * of the interest (its words weighted by their rarity in the window) the paper has, so a paper that only shares a
 * common word stays low however weak the others are. Semantic: the cosine above the window's mean, over the best
 * candidate's distance from that mean, but never over less than {@link #STRONG_COSINE}'s, so where nothing is close
 * in meaning the closest paper is not taken for a match. The window (the index: two weeks of papers) sets the
 * reference, whatever the candidates (the papers a person has not seen yet, one or a thousand): a paper scores the
 * same in a preview and in every digest, and one day's few new papers are not compared among themselves only. The sum, weighted alike, must reach the threshold
 * ({@link #THRESHOLD} unless an operator set another), and {@link #RELATIVE} of the best score among the candidates
 * (the same reference as the semantic side's): a list ends where its scores fall under half of its best, so an
 * interest with a paper squarely on topic does not also bring the papers that only share a word or a neighbourhood
 * with it, while one whose best is weak still brings what passes the threshold; a paper nearly as close in meaning
 * as the best ({@link #CLOSE_IN_MEANING}) stays without the interest's words. An interest of several words said in
 * the words of some papers brings by meaning alone only papers with some of its words or very close
 * ({@link OtherWords}).
 * The papers that come are then ordered (and scored) by their words and their raw cosine ({@link #order}, fitted
 * on the judged interests), not by the sum that decides: normalized, the window's closest paper scores 1 however
 * far it is.
 * A strict interest (AND, NOT, +, -, cat:, author:) only ranks the papers its structure admits; one that only
 * filters (cat:cs.LG) brings every paper it admits.
 */
final class Fusion {

    /** The lexical side's weight for an interest that describes a topic (four words or more). */
    static final float LEXICAL_WEIGHT = 0.5f;
    /**
     * The lexical side's weight for a few keywords (three words or fewer): a paper that has all of two or three words
     * is nearly always about them (BM25 alone brings few wrong papers for such interests), while a description's
     * many words are shared in part by papers on other topics.
     */
    static final float KEYWORDS_LEXICAL_WEIGHT = 0.6f;
    static final int KEYWORDS = 3;
    /**
     * The cosine a paper with under half of the interest in words (its lexical score under 0.5) must reach to be
     * brought: the normalized cosine only says "closest of this window", while MiniLM puts papers of the same field
     * that are not on topic at 0.16-0.30 (the middle half, over the judged interests) and nine on-topic papers in ten
     * above 0.34, so a paper neither said in the interest's words nor close in absolute terms is not a match.
     */
    static final float MEANING_FLOOR = 0.35f;
    static final float STRONG_COSINE = 0.5f;
    static final float THRESHOLD = 0.3f;
    /** The share of the interest's best score a paper must reach, beside the threshold, to be brought. */
    static final float RELATIVE = 0.5f;
    /**
     * A paper this close in meaning (its normalized cosine; the best candidate's is 1) stays whatever
     * {@link #RELATIVE} says: the sum halves a match in meaning alone, which would otherwise always fall under half
     * of a best paper that matches both in words and in meaning, and such papers are what meaning is for.
     */
    static final float CLOSE_IN_MEANING = 0.75f;
    /**
     * The share of the best an interest with alternatives ({@code survey OR review}) asks, instead of
     * {@link #RELATIVE}, of a paper above the window's mean in meaning: its BM25 is its best alternative's, so its
     * best paper is often one whose title says it (boosted), while a paper that says another, or says it in its abstract
     * only, has all that was asked and half that score. Scored as the sum of the alternatives, as before session 15,
     * any value from 0.25 to 0.35 gave the 100 open judged interests the same digests; as their best, without this cut
     * they lose 4 of 144 on-topic papers (BENCHMARKS.md, sessions 14 and 15).
     */
    static final float ALTERNATIVES_RELATIVE = 0.35f;

    /**
     * How much the raw cosine weighs against the words in the order of the papers the fusion brings
     * ({@link #order}): the ratio of the two coefficients of a logistic model of "on topic" on the words' score and
     * the cosine, fitted on the 60 judged interests (FusionFit); it orders the same as the model's probability.
     * Fitted on any two of the three judged sets it lies between 0.68 and 0.84, and each ordered the third set better
     * than the weighted sum of the normalized sides does (BENCHMARKS.md).
     */
    static final float ORDER_COSINE = 0.85f;

    private Fusion() {
    }

    /** The papers of ordinals [from, to) of the index that each interest brings: the candidates of a window. */
    static List<InterestHits> score(PaperIndex index, int from, int to, List<InterestQuery> interests,
                                    float threshold) {
        List<InterestHits> scored = new ArrayList<>(interests.size());
        for (InterestQuery interest : interests) {
            scored.add(score(index, from, to, interest, threshold));
        }
        return scored;
    }

    /** One interest, fused as digests and the preview rank it. */
    static InterestHits score(PaperIndex index, int from, int to, InterestQuery interest, float threshold) {
        return score(index, from, to, interest, lexicalWeight(interest), threshold);
    }

    /** How much the lexical side weighs for this interest: more for a few keywords than for a description. */
    static float lexicalWeight(InterestQuery interest) {
        return interest.units.size() <= KEYWORDS ? KEYWORDS_LEXICAL_WEIGHT : LEXICAL_WEIGHT;
    }

    /** One interest; with another weight of the lexical side, 1 ranking by BM25 alone, 0 by meaning alone. */
    static InterestHits score(PaperIndex index, int from, int to, InterestQuery interest, float lexicalWeight,
                              float threshold) {
        return score(index, from, to, interest, lexicalWeight, threshold, true);
    }

    /**
     * Every paper the interest's structure admits with a score above zero, without the threshold and the cut: the
     * papers that come next after a digest's, for a preview that shows where its list ends.
     */
    static InterestHits scoreUncut(PaperIndex index, int from, int to, InterestQuery interest, float lexicalWeight) {
        return score(index, from, to, interest, lexicalWeight, Float.MIN_VALUE, false);
    }

    private static InterestHits score(PaperIndex index, int from, int to, InterestQuery interest, float lexicalWeight,
                                      float threshold, boolean cut) {
        int n = index.size();
        float[] bm25 = index.lexicalScores(interest);
        float best = max(bm25);
        int[] inTitle = new int[n];
        int[] inAbstract = new int[n];
        float[] coverage = Coverage.of(index, interest, inTitle, inAbstract);
        float[] cosines = null;
        float mean = 0;
        float scale = 1;
        float floor = Float.NEGATIVE_INFINITY; // MEANING_FLOOR on the normalized scale
        if (interest.vector != null) {
            mean = index.meanCosine(interest.vector, 0, n);
            // the halves' blend, normalized by the plain cosine's mean: as good as the blend's own, and one dot product
            cosines = index.blended(interest.vector, from, to);
            scale = scale(cosines, mean, from, to);
            if (cut && lexicalWeight < 1) {
                floor = (MEANING_FLOOR - mean) / scale;
            }
        }
        boolean ordered = cosines != null && lexicalWeight > 0 && lexicalWeight < 1;
        OtherWords otherWords = cut && ordered ? OtherWords.of(interest, bm25, best, coverage) : null;
        Sides sides = new Sides(bm25, best, coverage, cosines, mean, scale);
        int[] ordinals = new int[to - from];
        float[] scores = new float[to - from];
        int passing = admit(sides, interest.parsed.strict(), from, to, lexicalWeight, threshold, floor, otherWords,
                ordinals, scores);
        if (cut && ordered && interest.units.size() > KEYWORDS) {
            passing = MeaningAlone.fewest(ordinals, scores, passing, bm25, best, coverage, cosines);
        }
        if (cut) {
            passing = closeToBest(ordinals, scores, passing, lexicalWeight < 1 ? cosines : null, mean, scale,
                    hasAlternatives(interest) ? ALTERNATIVES_RELATIVE : RELATIVE);
        }
        if (ordered) {
            reorder(sides, ordinals, scores, passing);
        }
        return BestFirst.hits(interest.text(), interest.units.isEmpty() ? List.of() : interest.typed, index,
                Arrays.copyOf(ordinals, passing), Arrays.copyOf(scores, passing), inTitle, inAbstract);
    }

    /**
     * One interest's two sides over the window: BM25 with the window's best and the share of the interest's words each
     * paper has, and the cosines (null for an interest that only filters) with their mean and {@link #scale}.
     */
    private record Sides(float[] bm25, float best, float[] coverage, float[] cosines, float mean, float scale) {

        float lexical(int i) {
            return Fusion.lexical(bm25[i], best, coverage[i]);
        }
    }

    /**
     * The papers of [from, to) whose fused score passes, with that score, into {@code ordinals} and {@code scores};
     * how many. Each step of scoring is a method of one loop, which a fresh JVM compiles as soon as it is hot.
     */
    private static int admit(Sides sides, boolean strict, int from, int to, float lexicalWeight, float threshold,
                             float floor, OtherWords otherWords, int[] ordinals, float[] scores) {
        float[] bm25 = sides.bm25;
        float[] cosines = sides.cosines;
        int passing = 0;
        for (int i = from; i < to; i++) {
            if (strict && bm25[i] == 0) {
                continue;
            }
            float lexical = sides.lexical(i);
            float semantic = cosines == null ? 0 : normalized(cosines[i], sides.mean, sides.scale);
            float score = cosines == null ? lexical : lexicalWeight * lexical + (1 - lexicalWeight) * semantic;
            if (score >= threshold && (lexical >= 0.5f || cosines == null
                    || semantic >= floor && (otherWords == null || otherWords.admits(i, cosines[i])))) {
                ordinals[passing] = i;
                scores[passing++] = score;
            }
        }
        return passing;
    }

    /** The scores of the papers that pass become their place in the list ({@link #order}). */
    private static void reorder(Sides sides, int[] ordinals, float[] scores, int passing) {
        for (int j = 0; j < passing; j++) {
            int i = ordinals[j];
            scores[j] = order(sides.lexical(i), sides.cosines[i]);
        }
    }

    /** Whether some words of the interest are alternatives of each other (OR), outside what it excludes. */
    static boolean hasAlternatives(InterestQuery interest) {
        for (int group : interest.groups) {
            if (group >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Keeps, in place, those of the first {@code passing} papers that reach {@link #RELATIVE} of the best or are
     * {@link #CLOSE_IN_MEANING} (their cosine normalized by {@code mean} and {@code scale}), or reach
     * {@code alternatives} of the best with a cosine above the window's mean; how many.
     */
    private static int closeToBest(int[] ordinals, float[] scores, int passing, float[] cosines, float mean,
                                   float scale, float alternatives) {
        float best = 0;
        for (int i = 0; i < passing; i++) {
            best = Math.max(best, scores[i]);
        }
        int kept = 0;
        for (int i = 0; i < passing; i++) {
            float cosine = cosines == null ? 0 : cosines[ordinals[i]];
            if (scores[i] >= RELATIVE * best
                    || cosines != null && (normalized(cosine, mean, scale) >= CLOSE_IN_MEANING
                    || scores[i] >= alternatives * best && cosine > mean)) {
                ordinals[kept] = ordinals[i];
                scores[kept++] = scores[i];
            }
        }
        return kept;
    }

    private static float max(float[] scores) {
        float best = 0;
        for (float score : scores) {
            best = Math.max(best, score);
        }
        return best;
    }

    /** The lexical side: BM25 over the window's best, times the share of the interest the paper has in words. */
    static float lexical(float bm25, float best, float coverage) {
        return best > 0 ? bm25 / best * coverage : 0;
    }

    /**
     * Where a paper the fusion brings stands in its list: its words plus {@link #ORDER_COSINE} times its raw cosine,
     * over 1 + that weight (so between 0 and 1).
     */
    static float order(float lexical, float cosine) {
        return (lexical + ORDER_COSINE * Math.max(0f, cosine)) / (1 + ORDER_COSINE);
    }

    /** The best candidate's (or a strong one's) distance from the window's mean cosine. */
    private static float scale(float[] cosine, float mean, int from, int to) {
        float max = -1;
        for (int i = from; i < to; i++) {
            max = Math.max(max, cosine[i]);
        }
        return Math.max(Math.max(max, STRONG_COSINE) - mean, 1e-3f);
    }

    /** A cosine above the window's mean, over the {@link #scale}, between 0 and 1. */
    private static float normalized(float cosine, float mean, float scale) {
        return Math.min(1f, Math.max(0f, (cosine - mean) / scale));
    }
}
