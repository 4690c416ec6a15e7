package dev.paperboy.matching;

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
