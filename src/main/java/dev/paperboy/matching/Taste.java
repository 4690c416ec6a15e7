package dev.paperboy.matching;

import dev.paperboy.matching.semantic.Vectors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one person said of papers from their digests ("more like this", "less like this"), as the papers' vectors:
 * a per-person adjustment layered on the scores their interests share with everyone who follows them.
 * <p>
 * A Rocchio step moves an interest's vector toward the liked papers and away from the disliked ones; its effect on
 * a paper's cosine is linear in the paper's cosines with those papers, so it is applied here to each candidate's
 * score instead of re-scoring per-person interest vectors (which could not share the run's scores): plus
 * {@link #MORE_WEIGHT} times how far its nearest liked paper's cosine rises above {@link #UNRELATED}, minus
 * {@link #LESS_WEIGHT} times the same for its nearest disliked one. A paper at {@link #LESS_NEAR} or closer to a
 * disliked one (the same topic told again) leaves the list; one at {@link #MORE_NEAR} or closer to a liked one comes
 * even when no interest brings it. People who said nothing have {@link #NONE} and cost nothing.
 */
final class Taste {

    static final Taste NONE = new Taste(new float[0][], new String[0], new float[0][]);

    /** MiniLM cosines of papers on unrelated topics stay below this; only the part above counts. */
    static final float UNRELATED = 0.3f;
    static final float MORE_WEIGHT = 1.0f;
    static final float LESS_WEIGHT = 1.0f;
    /** A near neighbour of a disliked paper: pushed out of the digest. */
    static final float LESS_NEAR = 0.75f;
    /** A near neighbour of a liked paper: brought even when none of the person's interests does. */
    static final float MORE_NEAR = 0.65f;

    private final float[][] more;
    private final String[] moreTitles;
    private final float[][] less;

    Taste(float[][] more, String[] moreTitles, float[][] less) {
        this.more = more;
        this.moreTitles = moreTitles;
        this.less = less;
    }

    boolean none() {
        return more.length == 0 && less.length == 0;
    }

    /** The score with this person's taste, or NaN for a paper so close to a disliked one that it must go. */
    float adjust(float score, float[] paper) {
        float disliked = nearest(less, paper);
        if (disliked >= LESS_NEAR) {
            return Float.NaN;
        }
        float liked = nearest(more, paper);
        return score + MORE_WEIGHT * Math.max(0, liked - UNRELATED) - LESS_WEIGHT * Math.max(0, disliked - UNRELATED);
    }

    /**
     * The papers of ordinals [from, to) close enough to a liked paper to come without an interest, each with why
     * ("Close in meaning to “…”, which you asked more of."), by ordinal.
     */
    Map<Integer, String> nearLiked(PaperIndex index, int from, int to) {
        Map<Integer, String> near = new LinkedHashMap<>();
        for (int l = 0; l < more.length; l++) {
            float[] cosines = index.cosines(more[l], from, to);
            for (int i = from; i < to; i++) {
                if (cosines[i] >= MORE_NEAR && !near.containsKey(i)) {
                    near.put(i, "Close in meaning to “" + moreTitles[l] + "”, which you asked more of.");
                }
            }
        }
        return near;
    }

    /** The highest cosine of the paper with any of these (-1 when there are none). */
    private static float nearest(float[][] vectors, float[] paper) {
        float best = -1;
        for (float[] vector : vectors) {
            best = Math.max(best, Vectors.dot(vector, paper));
        }
        return best;
    }
}
