package dev.paperboy.matching.semantic;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sentence vectors of a window's papers, by ordinal, kept for comparing many interests with all of them: each
 * vector's components as integers from -127 to 127 (with its scale), so that a cosine is an integer dot product,
 * a loop the JIT turns into SIMD instructions (three times faster than one in floats, and the bulk of ranking a
 * million subscribers); the error on a cosine stays under 0.01.
 */
public final class WindowVectors {

    static final int LEVELS = 127;

    private final List<float[]> vectors;
    private final boolean exact;
    private final int[] quantized;
    private final float[] scales;
    private final Map<Long, float[]> means = new ConcurrentHashMap<>();

    /** With {@code exact}, cosines are computed in floats instead (to measure what the integers change). */
    public WindowVectors(List<float[]> vectors, boolean exact) {
        this.vectors = List.copyOf(vectors);
        this.exact = exact;
        this.quantized = new int[vectors.size() * Vectors.DIMENSIONS];
        this.scales = new float[vectors.size()];
        for (int i = 0; i < vectors.size(); i++) {
            scales[i] = quantize(vectors.get(i), quantized, i * Vectors.DIMENSIONS);
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
        for (int i = from; i < to; i++) {
            int base = i * Vectors.DIMENSIONS;
            int sum = 0;
            for (int d = 0; d < Vectors.DIMENSIONS; d++) {
                sum += q[d] * quantized[base + d];
            }
            cosines[i] = sum * scale * scales[i];
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
    private static float quantize(float[] vector, int[] into, int at) {
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
