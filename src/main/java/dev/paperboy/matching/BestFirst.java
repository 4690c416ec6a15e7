package dev.paperboy.matching;

import java.util.Arrays;
import java.util.List;

/**
 * Best first (score descending, then {@link PaperIndex#compareForTies}) as one long per scored paper, so that a list
 * is ordered by sorting primitives instead of boxed indexes through a comparator; the key gives back both the paper
 * and its exact score.
 */
final class BestFirst {

    private BestFirst() {
    }

    /** Ascending keys are best first: the score's bits, ordered as Float.compare orders them, then the tie rank. */
    static long key(PaperIndex index, int ordinal, float score) {
        return (long) ~sortable(Float.floatToIntBits(score)) << 32 | index.tieRank(ordinal);
    }

    /**
     * An interest's papers best first (ties go to the paper with more Hugging Face upvotes, then to the newer one),
     * with where each has the interest's words ({@code inTitle} and {@code inAbstract} by ordinal).
     */
    static InterestHits hits(String interest, List<String> words, PaperIndex index, int[] ordinals, float[] scores,
                             int[] inTitle, int[] inAbstract) {
        long[] order = new long[ordinals.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = key(index, ordinals[i], scores[i]);
        }
        Arrays.sort(order);
        int[] sortedOrdinals = new int[ordinals.length];
        float[] sortedScores = new float[ordinals.length];
        int[] title = new int[ordinals.length];
        int[] abstracts = new int[ordinals.length];
        for (int i = 0; i < order.length; i++) {
            int o = ordinal(index, order[i]);
            sortedOrdinals[i] = o;
            sortedScores[i] = score(order[i]);
            title[i] = inTitle[o];
            abstracts[i] = inAbstract[o];
        }
        return new InterestHits(interest, words, sortedOrdinals, sortedScores, title, abstracts);
    }

    static int ordinal(PaperIndex index, long key) {
        return index.atTieRank((int) key);
    }

    static float score(long key) {
        return Float.intBitsToFloat(sortable(~(int) (key >>> 32)));
    }

    /** Float bits as an int that orders like the float (and back: the change is its own inverse). */
    private static int sortable(int bits) {
        return bits ^ (bits >> 31) & 0x7fffffff;
    }
}
