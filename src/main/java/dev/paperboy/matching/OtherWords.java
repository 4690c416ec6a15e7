package dev.paperboy.matching;

/**
 * Which papers a description (more than {@link Fusion#KEYWORDS} words) may bring by meaning alone, that is with under
 * half of it in words. Where some paper of the window says the description in its words (a lexical score of 0.5 or
 * more), a paper must also have {@link #DESCRIPTION_WORDS} of its words or be {@link #SAME_TOPIC_COSINE} close:
 * MiniLM puts a sentence of a field's common words near many papers of the field, and where the topic is said in
 * the words of some papers, those that share almost none of them were its neighbours, not the topic. Where no paper
 * says it in words, meaning alone decides, as for the paper that says it in other words.
 */
final class OtherWords {

    /**
     * The share of a description's words (weighted by their rarity, {@link Coverage}) a paper brought by meaning alone
     * must have when the description is said in words: fitted on the 80 judged interests, leaving each set out in
     * turn (BENCHMARKS.md); any value from 0.15 to 0.17 gives them the same digests.
     */
    static final float DESCRIPTION_WORDS = 0.15f;
    /**
     * A cosine at which a paper is the same topic said in other words, whatever its words: above every paper brought
     * by meaning alone with few of a description's words in the 80 judged interests (0.61 at most, on topic or not).
     */
    static final float SAME_TOPIC_COSINE = 0.62f;

    private final float[] bm25;
    private final float best;
    private final float[] coverage;
    /** -1 not looked at yet, 0 no, 1 yes: some paper of the window says the description in its words. */
    private int saidInWords = -1;

    private OtherWords(float[] bm25, float best, float[] coverage) {
        this.bm25 = bm25;
        this.best = best;
        this.coverage = coverage;
    }

    /** The rule for an interest whose papers both sides decide, or null where it does not apply (a few keywords). */
    static OtherWords of(InterestQuery interest, float[] bm25, float best, float[] coverage) {
        return interest.units.size() > Fusion.KEYWORDS ? new OtherWords(bm25, best, coverage) : null;
    }

    /** Whether paper {@code i} (of the window), at this cosine and with under half of the description, may come. */
    boolean admits(int i, float cosine) {
        if (coverage[i] >= DESCRIPTION_WORDS || cosine >= SAME_TOPIC_COSINE) {
            return true;
        }
        if (saidInWords < 0) {
            saidInWords = 0;
            for (int j = 0; j < bm25.length; j++) {
                if (Fusion.lexical(bm25[j], best, coverage[j]) >= 0.5f) {
                    saidInWords = 1;
                    break;
                }
            }
        }
        return saidInWords == 0;
    }
}
