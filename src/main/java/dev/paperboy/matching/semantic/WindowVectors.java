package dev.paperboy.matching.semantic;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sentence vectors of a window's papers, by ordinal, kept for comparing many interests with all of them: each
 * vector's components as integers from -127 to 127 (with its scale), so that a cosine is an integer dot product (the
 * bulk of ranking a million subscribers); the error on a cosine stays under 0.01. They are kept by dimension (each
 * dimension's components of every paper in one array), so that an interest's cosines with all papers add up one
 * dimension after another across the papers: a loop the JIT turns into SIMD instructions without a sum across lanes
 * at each step, twice as fast as a dot product per paper. The integers are held in floats: every product and every
 * partial sum is an integer under 2^24 (384 x 127 x 127), which a float holds exactly, so the sums are the same
 * integers whatever the order of the additions.
 */
public final class WindowVectors {

    static final int LEVELS = 127;

    private final List<float[]> vectors;
    private final boolean exact;
    /** By dimension, then ordinal: each paper's quantized component. */
    private final float[][] components;
    private final float[] scales;
    private final Map<Long, float[]> means = new ConcurrentHashMap<>();

    /** With {@code exact}, cosines are computed in floats instead (to measure what the integers change). */
    public WindowVectors(List<float[]> vectors, boolean exact) {
        this.vectors = List.copyOf(vectors);
        this.exact = exact;
        this.components = new float[Vectors.DIMENSIONS][vectors.size()];
        this.scales = new float[vectors.size()];
        int[] quantized = new int[Vectors.DIMENSIONS];
        for (int i = 0; i < vectors.size(); i++) {
            Arrays.fill(quantized, 0); // a zero vector leaves it so
            scales[i] = quantize(vectors.get(i), quantized, 0);
            for (int d = 0; d < Vectors.DIMENSIONS; d++) {
                components[d][i] = quantized[d];
            }
        }
    }

    /** The cosines of a unit vector with the papers of ordinals [from, to), by ordinal (0 outside the range). */
    public float[] cosines(float[] vector, int from, int to) {
        float[] cosines = new float[vectors.size()];
        if (exact) {
            for (int i = from; i < to; i++) {
                cosines[i] = Vectors.dot(vector, vectors.get(i));
            }
            return cosines;
        }
        int[] q = new int[Vectors.DIMENSIONS];
        float scale = quantize(vector, q, 0);
        int d = 0;
        for (; d + 3 < Vectors.DIMENSIONS; d += 4) {
            float q0 = q[d];
            float q1 = q[d + 1];
            float q2 = q[d + 2];
            float q3 = q[d + 3];
            float[] c0 = components[d];
            float[] c1 = components[d + 1];
            float[] c2 = components[d + 2];
            float[] c3 = components[d + 3];
            for (int i = from; i < to; i++) {
                cosines[i] += q0 * c0[i] + q1 * c1[i] + q2 * c2[i] + q3 * c3[i];
            }
        }
        for (; d < Vectors.DIMENSIONS; d++) {
            float qd = q[d];
            float[] cd = components[d];
            for (int i = from; i < to; i++) {
                cosines[i] += qd * cd[i];
            }
        }
        for (int i = from; i < to; i++) {
            cosines[i] = cosines[i] * scale * scales[i]; // the integer sum, as before: (sum * scale) * paper's scale
        }
        return cosines;
    }

    /** The mean cosine of a unit vector with the papers of [from, to): the dot product with their mean vector. */
    public float meanCosine(float[] vector, int from, int to) {
        float[] mean = means.computeIfAbsent((long) from << 32 | to, range -> mean(from, to));
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

    /** Writes the vector as integers into {@code into} from {@code at}; returns the scale back to floats. */
    static float quantize(float[] vector, int[] into, int at) {
        float max = 0;
        for (float x : vector) {
            max = Math.max(max, Math.abs(x));
        }
        if (max == 0) {
            return 0;
        }
        float step = max / LEVELS;
        for (int d = 0; d < Vectors.DIMENSIONS; d++) {
            into[at + d] = Math.round(vector[d] / step);
        }
        return step;
    }
}
