package dev.paperboy.matching;

import java.util.Arrays;

/**
 * How many papers a description (four words or more) may bring by meaning alone, that is with under half of it in
 * words: the {@link #CLOSEST} closest in meaning, and beyond them only papers whose BM25 reaches {@link #WORDS_AGREE}
 * of the window's best, where the words agree with the meaning. MiniLM puts a sentence near many papers of its field
 * at nearly the same cosine, so past the few closest a description's papers by meaning alone are mostly the field's,
 * not the topic's: in the 100 open judged interests, those from the fifth closest on are 3 on topic, with 0.78 of
 * the best BM25 or more, and 7 off topic, with 0.20 to 0.65 (BENCHMARKS.md, session 17). Counted among the
 * candidates, as {@link Fusion#RELATIVE} is: a first digest and the preview rank the whole window, a later digest its
 * new papers. A preview still shows the papers left out, after the list.
 */
final class MeaningAlone {

    /**
     * How many papers brought by meaning alone a description keeps whatever their words, the closest first: 3 loses
     * an on-topic paper of the judged interests, 5 keeps an off-topic one that 4 leaves out.
     */
    static final int CLOSEST = 4;
    /**
     * The share of the window's best BM25 at which a description's further papers by meaning alone still come: any
     * value from 0.66 to 0.78 gives the judged interests the same digests.
     */
    static final float WORDS_AGREE = 0.7f;

    private MeaningAlone() {
    }

    /**
     * Keeps, in place, those of the first {@code passing} papers ({@code ordinals}, with their {@code scores}) that
     * have half of the interest in words ({@link Fusion#lexical}), are among the {@link #CLOSEST} closest in meaning
     * of those that do not, or reach {@link #WORDS_AGREE} of the best BM25; how many.
     */
    static int fewest(int[] ordinals, float[] scores, int passing, float[] bm25, float best, float[] coverage,
                      float[] cosines) {
        int count = 0;
        for (int j = 0; j < passing; j++) {
            int i = ordinals[j];
            if (Fusion.lexical(bm25[i], best, coverage[i]) < 0.5f) {
                count++;
            }
        }
        if (count <= CLOSEST) {
            return passing; // most interests: no array, no sort
        }
        float[] alone = new float[count];
        count = 0;
        for (int j = 0; j < passing; j++) {
            int i = ordinals[j];
            if (Fusion.lexical(bm25[i], best, coverage[i]) < 0.5f) {
                alone[count++] = cosines[i];
            }
        }
        Arrays.sort(alone);
        float closest = alone[count - CLOSEST];
        int kept = 0;
        for (int j = 0; j < passing; j++) {
            int i = ordinals[j];
            if (cosines[i] >= closest || bm25[i] >= WORDS_AGREE * best
                    || Fusion.lexical(bm25[i], best, coverage[i]) >= 0.5f) {
                ordinals[kept] = i;
                scores[kept++] = scores[j];
            }
        }
        return kept;
    }
}
