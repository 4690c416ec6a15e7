package dev.paperboy.matching;

/**
 * Which papers an interest of several words may bring by meaning alone, that is with under half of it in words. Where
 * some paper of the window says the interest in its words (a lexical score of 0.5 or more), a paper must also have
 * {@link #DESCRIPTION_WORDS} of a description's words ({@link #KEYWORD_WORDS} of a few keywords') or be
 * {@link #SAME_TOPIC_COSINE} close: MiniLM puts a sentence of a field's common words near many papers of the field,
 * and where the topic is said in the words of some papers, those that share almost none of them were its
 * neighbours, not the topic; and a description's paper with some of its words needs {@link #DESCRIPTION_BM25} of
 * the best BM25 whatever the window. Where no paper says it in words, meaning alone decides, as for the paper that
 * says it in other words; so it does for an interest of one word or phrase, and for a paper with none of a few
 * keywords or of a description's words, since such a paper can only say them in other words.
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

    /**
     * The share of the window's best BM25 a paper brought by meaning alone with some of a description's words must
     * have, whether some paper says the description in words or not: a description has four words or more, and a
     * paper that shares only a trace of them shares the field's words, not the topic. A paper with none of them is
     * left to meaning, as for a few keywords: it can only say the topic in other words. In the 100 open judged
     * interests, the papers descriptions brought by meaning alone with under 0.08 of the best BM25 were none on topic
     * (3 other, two of them in "adapting a pretrained model to a new task when only a handful of labeled examples are
     * available", at 0.04 and 0.06), and the first on-topic one has 0.15, so any value from 0.08 to 0.15 gives them
     * the same digests (BENCHMARKS.md, session 17). A paper as close as {@link #SAME_TOPIC_COSINE} still comes.
     */
    static final float DESCRIPTION_BM25 = 0.1f;

    /**
     * The same for two or three keywords, of a paper that has some of them: it must have more than their commoner
     * words. {@code Bayesian deep learning} brought papers that say "deep learning" and nothing Bayesian (0.19 of its
     * words), {@code binary neural networks} papers with "neural networks" alone (0.15), {@code word embeddings}
     * papers on sentence embeddings with "embeddings" alone (0.38), {@code vision transformers} a survey with
     * "transformers" alone (0.37): their cosine came from the words they share, not from the topic. Of the papers the
     * 100 open judged interests of two or three words bring by meaning alone where the rule applies, the six from
     * 0.37 to 0.38 are none on topic (4 related, 2 other) and the first on-topic one has 0.416 (sentence embeddings:
     * an LLM embedding paper with "embeddings" alone), so any value from 0.39 to 0.41 gives them the same digests;
     * session 11's 0.3 kept those six (BENCHMARKS.md, sessions 11 and 16). A paper with none of the keywords is left
     * to meaning: it can only say them in other words.
     */
    static final float KEYWORD_WORDS = 0.4f;

    /** The share of the interest's words a paper brought by meaning alone must have where the interest is said. */
    private final float words;
    /** A few keywords, not a description: a paper with none of them is left to meaning. */
    private final boolean keywords;
    private final float[] bm25;
    private final float best;
    private final float[] coverage;
    /** -1 not looked at yet, 0 no, 1 yes: some paper of the window says the interest in its words. */
    private int saidInWords = -1;

    private OtherWords(int units, float[] bm25, float best, float[] coverage) {
        this.words = words(units);
        this.keywords = units <= Fusion.KEYWORDS;
        this.bm25 = bm25;
        this.best = best;
        this.coverage = coverage;
    }

    /** The rule for an interest whose papers both sides decide, or null where it does not apply (one word). */
    static OtherWords of(InterestQuery interest, float[] bm25, float best, float[] coverage) {
        int units = interest.units.size();
        return words(units) > 0 ? new OtherWords(units, bm25, best, coverage) : null;
    }

    /** The share of its words an interest of so many words asks of a paper brought by meaning alone; 0 for none. */
    static float words(int units) {
        return units > Fusion.KEYWORDS ? DESCRIPTION_WORDS : units > 1 ? KEYWORD_WORDS : 0;
    }

    /** Whether paper {@code i} (of the window), at this cosine and with under half of the interest, may come. */
    boolean admits(int i, float cosine) {
        if (cosine >= SAME_TOPIC_COSINE) {
            return true;
        }
        if (!keywords && bm25[i] > 0 && bm25[i] < DESCRIPTION_BM25 * best) {
            return false;
        }
        if (coverage[i] >= words || keywords && coverage[i] == 0) {
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
