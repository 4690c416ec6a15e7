package dev.paperboy.matching.semantic;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cosines added up dimension by dimension across the papers are the very floats of one integer dot product per
 * paper (each vector quantized the same way, the integer sum times the interest's scale times the paper's): for
 * random unit vectors, vectors with every component at the extremes (the largest sums), a zero vector among the
 * papers, and ranges of the window, with 0 outside the range.
 */
class WindowVectorsTest {

    @Test
    void cosinesAreTheFloatsOfAnIntegerDotProductPerPaper() {
        Random random = new Random(11);
        List<float[]> papers = new ArrayList<>();
        for (int i = 0; i < 301; i++) {
            papers.add(i == 17 ? new float[Vectors.DIMENSIONS] : i % 50 == 3 ? extreme(random) : unit(random));
        }
        WindowVectors window = new WindowVectors(papers, false);
        int[][] ranges = {{0, papers.size()}, {0, 1}, {5, 6}, {17, 100}, {120, 301}, {40, 40}};
        for (int n = 0; n < 200; n++) {
            float[] interest = n % 20 == 0 ? extreme(random) : unit(random);
            for (int[] range : ranges) {
                assertArrayEquals(perPaper(interest, papers, range[0], range[1]),
                        window.cosines(interest, range[0], range[1]), "interest " + n + " over " + range[0] + "-"
                                + range[1]);
            }
        }
        float[] alike = papers.get(4);
        assertEquals(1f, window.cosines(alike, 0, papers.size())[4], 0.01f);
    }

    /** How cosines were computed before: each paper's integers times the interest's, summed in an int. */
    private static float[] perPaper(float[] vector, List<float[]> papers, int from, int to) {
        int[] q = new int[Vectors.DIMENSIONS];
        float scale = WindowVectors.quantize(vector, q, 0);
        float[] cosines = new float[papers.size()];
        for (int i = from; i < to; i++) {
            int[] p = new int[Vectors.DIMENSIONS];
            float paperScale = WindowVectors.quantize(papers.get(i), p, 0);
            int sum = 0;
            for (int d = 0; d < Vectors.DIMENSIONS; d++) {
                sum += q[d] * p[d];
            }
            cosines[i] = sum * scale * paperScale;
        }
        return cosines;
    }

    private static float[] unit(Random random) {
        float[] v = new float[Vectors.DIMENSIONS];
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) random.nextGaussian();
        }
        return Vectors.unit(v);
    }

    /** Every component at the largest magnitude, signs at random: integer sums up to 384 x 127 x 127. */
    private static float[] extreme(Random random) {
        float[] v = new float[Vectors.DIMENSIONS];
        for (int d = 0; d < v.length; d++) {
            v[d] = random.nextInt(8) == 0 ? -1 : 1;
        }
        return Vectors.unit(v);
    }
}
