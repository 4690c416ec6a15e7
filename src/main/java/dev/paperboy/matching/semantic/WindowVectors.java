package dev.paperboy.matching.semantic;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sentence vectors of a window's papers, by ordinal, with what makes comparing an interest with all of them
 * cheap: the sign of each component about the window's mean vector, six 64-bit words per paper.
 */
public final class WindowVectors {

    /** At least this many papers get an exact cosine, however few the sign bits make look close. */
    public static final int SHORTLIST = 64;
    static final int WORDS = Vectors.DIMENSIONS / Long.SIZE;

    private final List<float[]> vectors;
    private final int shortlist;
    private final float[] center;
    private final long[] paperSigns;
    private final Map<String, float[]> means = new ConcurrentHashMap<>();

    public WindowVectors(List<float[]> vectors, int shortlist) {
        this.vectors = List.copyOf(vectors);
        this.shortlist = shortlist;
        this.center = mean(0, vectors.size());
        this.paperSigns = new long[WORDS * vectors.size()];
        for (int i = 0; i < vectors.size(); i++) {
            System.arraycopy(signs(vectors.get(i)), 0, paperSigns, i * WORDS, WORDS);
        }
    }

    /**
     * The cosines of a unit vector with the papers of ordinals [from, to) that can be close to it, by ordinal, NaN
     * for the others. The candidates are found by the signs of the vectors' components (about the window's mean):
     * six 64-bit words per paper, compared with a population count, and only the best eighth (at least
     * {@link #SHORTLIST}) get an exact cosine, and every paper of {@code also} (those the interest's words match).
     * With a million subscribers' interests against a thousand papers, exact cosines for all would be most of the
     * work; papers that are far apart in meaning are also far apart in signs, so the close ones are kept.
     */
    public float[] cosines(float[] vector, int from, int to, BitSet also) {
        float[] cosines = new float[vectors.size()];
        Arrays.fill(cosines, Float.NaN);
        int count = to - from;
        int keep = Math.max(shortlist, count / 8);
        if (keep >= count) {
            for (int i = from; i < to; i++) {
                cosines[i] = Vectors.dot(vector, vectors.get(i));
            }
            return cosines;
        }
        long[] signs = signs(vector);
        int[] agreement = new int[count];
        int[] histogram = new int[Vectors.DIMENSIONS + 1];
        for (int i = from; i < to; i++) {
            int same = Vectors.DIMENSIONS;
            int base = i * WORDS;
            for (int w = 0; w < WORDS; w++) {
                same -= Long.bitCount(signs[w] ^ paperSigns[base + w]);
            }
            agreement[i - from] = same;
            histogram[same]++;
        }
        int least = Vectors.DIMENSIONS;
        for (int kept = histogram[least]; kept < keep && least > 0; kept += histogram[--least]) {
            // lower the bar until enough papers pass it
        }
        for (int i = from; i < to; i++) {
            if (agreement[i - from] >= least || also.get(i)) {
                cosines[i] = Vectors.dot(vector, vectors.get(i));
            }
        }
        return cosines;
    }

    /** The mean cosine of a unit vector with the papers of [from, to): the dot product with their mean vector. */
    public float meanCosine(float[] vector, int from, int to) {
        float[] mean = means.computeIfAbsent(from + ":" + to, range -> mean(from, to));
        return Vectors.dot(vector, mean);
    }

    private float[] mean(int from, int to) {
        double[] sum = new double[Vectors.DIMENSIONS];
        for (int i = from; i < to; i++) {
            float[] v = vectors.get(i);
            for (int d = 0; d < sum.length; d++) {
                sum[d] += v[d];
            }
        }
        float[] mean = new float[sum.length];
        for (int d = 0; d < sum.length; d++) {
            mean[d] = to == from ? 0 : (float) (sum[d] / (to - from));
        }
        return mean;
    }

    private long[] signs(float[] vector) {
        long[] signs = new long[WORDS];
        for (int d = 0; d < Vectors.DIMENSIONS; d++) {
            if (vector[d] > center[d]) {
                signs[d >> 6] |= 1L << (d & 63);
            }
        }
        return signs;
    }
}
