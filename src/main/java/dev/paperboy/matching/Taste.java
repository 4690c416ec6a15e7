package dev.paperboy.matching;

import java.util.Arrays;
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
    /** The newest choices of a person that count: each costs a cosine per new paper in each of their digests. */
    static final int MOST_CHOICES = 50;

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

    /**
     * This taste over the papers of ordinals [from, to): each paper's highest cosine with a liked and with a
     * disliked paper, one pass of the index's fast cosines per choice (not one dot product per candidate).
     */
    Near over(PaperIndex index, int from, int to) {
        int n = to - from;
        float[] liked = new float[n];
        int[] likedBy = new int[n];
        float[] disliked = new float[n];
        Arrays.fill(liked, -1);
        Arrays.fill(disliked, -1);
        for (int l = 0; l < more.length; l++) {
            float[] cosines = index.cosines(more[l], from, to);
            for (int i = from; i < to; i++) {
                if (cosines[i] > liked[i - from]) {
                    liked[i - from] = cosines[i];
                    likedBy[i - from] = l;
                }
            }
        }
        for (float[] vector : less) {
            float[] cosines = index.cosines(vector, from, to);
            for (int i = from; i < to; i++) {
                disliked[i - from] = Math.max(disliked[i - from], cosines[i]);
            }
        }
        return new Near(from, liked, likedBy, disliked);
    }

    /** A taste applied to the papers of one range. */
    final class Near {
        private final int from;
        private final float[] liked;
        private final int[] likedBy;
        private final float[] disliked;

        private Near(int from, float[] liked, int[] likedBy, float[] disliked) {
            this.from = from;
            this.liked = liked;
            this.likedBy = likedBy;
            this.disliked = disliked;
        }

        /** The score with this person's taste, or NaN for a paper so close to a disliked one that it must go. */
        float adjust(float score, int ordinal) {
            int i = ordinal - from;
            if (disliked[i] >= LESS_NEAR) {
                return Float.NaN;
            }
            return score + MORE_WEIGHT * Math.max(0, liked[i] - UNRELATED)
                    - LESS_WEIGHT * Math.max(0, disliked[i] - UNRELATED);
        }

        /** The papers close enough to a liked paper to come without an interest, each with why, by ordinal. */
        Map<Integer, String> nearLiked() {
            Map<Integer, String> near = new LinkedHashMap<>();
            for (int i = 0; i < liked.length; i++) {
                if (liked[i] >= MORE_NEAR) {
                    near.put(from + i, "Close in meaning to “" + moreTitles[likedBy[i]] + "”, which you asked more of.");
                }
            }
            return near;
        }
    }
}
