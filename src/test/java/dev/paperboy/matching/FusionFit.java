package dev.paperboy.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Fits the order of the fusion ({@link Fusion#ORDER_COSINE}) on the judged sets: for each (interest, paper) the
 * interest's structure admits, the words' score ({@link Fusion#lexical}) and the raw cosine, and whether the paper is
 * on topic (grade 2); a logistic model of "on topic" on the two (L2 penalty 1, Newton's method), whose probability
 * orders papers as words + (cosine coefficient / words coefficient) x cosine does. Prints the model fitted on the 60
 * open interests (tuning, held-out, first blind set; never the second blind set), then each set left out: fitted on
 * the other two, the left-out set's figures ordered by that fit (main's figures before the fit are in BENCHMARKS.md).
 * {@code src/test/bench/matching-quality.sh}'s classpath: {@code matching-java.sh 512m dev.paperboy.matching.FusionFit}.
 */
final class FusionFit {

    private static final String[] SETS = {RankingQuality.TUNING, RankingQuality.HELD_OUT, RankingQuality.BLIND};
    private static final double L2 = 1;

    /** One interest's words' score and cosine of each paper, whether its structure admits it, and its grade. */
    private record Features(String set, String interest, float[] lexical, float[] cosine, boolean[] admitted,
                            int[] grade) {
    }

    private FusionFit() {
    }

    public static void main(String[] args) {
        RankingQuality all = new RankingQuality(SETS);
        List<Features> features = features(all);
        double[] b = fit(features, null);
        System.out.printf("fitted on the 60 open interests: logit = %.3f + %.3f x words + %.3f x cosine;"
                + " cosine weight %.3f (Fusion.ORDER_COSINE %.2f)%n", b[0], b[1], b[2], b[2] / b[1], Fusion.ORDER_COSINE);
        System.out.println();
        System.out.println("| left out | cosine weight fitted on the other two | left-out set ordered by it:"
                + " nDCG@10 / precision / recall |");
        System.out.println("|---|---|---|");
        for (String out : SETS) {
            double[] fold = fit(features, out);
            float weight = (float) (fold[2] / fold[1]);
            RankingQuality.Figures left = all.only(out).ordered(reorder(all.index(), features, weight))
                    .measure("fusion", RankingQuality.FUSED);
            System.out.printf("| %s | %.3f | %.3f / %.2f / %.2f |%n", out, weight, left.ndcg(), left.precision(),
                    left.recall());
        }
    }

    private static List<Features> features(RankingQuality all) {
        PaperIndex index = all.index();
        int n = index.size();
        List<Features> features = new ArrayList<>();
        for (RankingQuality.Judged j : all.judged()) {
            InterestQuery interest = j.interest();
            float[] bm25 = index.lexicalScores(interest);
            float best = 0;
            for (float score : bm25) {
                best = Math.max(best, score);
            }
            float[] coverage = Coverage.of(index, interest, new int[n], new int[n]);
            float[] cosine = interest.vector == null ? new float[n] : index.cosines(interest.vector, 0, n);
            float[] lexical = new float[n];
            boolean[] admitted = new boolean[n];
            int[] grade = new int[n];
            for (int i = 0; i < n; i++) {
                lexical[i] = Fusion.lexical(bm25[i], best, coverage[i]);
                admitted[i] = !interest.parsed.strict() || bm25[i] > 0;
                grade[i] = j.grades().getOrDefault(index.paper(i).id(), 0);
            }
            features.add(new Features(j.set(), interest.text(), lexical, cosine, admitted, grade));
        }
        return features;
    }

    /** Logistic regression of "on topic" on (1, words, cosine) over every set but {@code leftOut}. */
    static double[] fit(List<Features> features, String leftOut) {
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Features f : features) {
            if (f.set.equals(leftOut)) {
                continue;
            }
            for (int i = 0; i < f.lexical.length; i++) {
                if (f.admitted[i]) {
                    x.add(new double[]{1, f.lexical[i], f.cosine[i]});
                    y.add(f.grade[i] == 2 ? 1.0 : 0.0);
                }
            }
        }
        double[] b = new double[3];
        for (int step = 0; step < 50; step++) {
            double[] gradient = new double[3];
            double[][] hessian = new double[3][3];
            for (int k = 0; k < x.size(); k++) {
                double[] row = x.get(k);
                double p = 1 / (1 + Math.exp(-(b[0] + b[1] * row[1] + b[2] * row[2])));
                for (int a = 0; a < 3; a++) {
                    gradient[a] += (y.get(k) - p) * row[a];
                    for (int c = 0; c < 3; c++) {
                        hessian[a][c] += p * (1 - p) * row[a] * row[c];
                    }
                }
            }
            for (int a = 1; a < 3; a++) { // the intercept is not penalized
                gradient[a] -= L2 * b[a];
                hessian[a][a] += L2;
            }
            double[] delta = solve(hessian, gradient);
            for (int a = 0; a < 3; a++) {
                b[a] += delta[a];
            }
        }
        return b;
    }

    /** Gaussian elimination with partial pivoting, for the 3 x 3 Newton step. */
    private static double[] solve(double[][] m, double[] v) {
        int n = v.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = Arrays.copyOf(m[i], n + 1);
            a[i][n] = v[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double factor = a[r][col] / a[col][col];
                    for (int c = col; c <= n; c++) {
                        a[r][c] -= factor * a[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][n] / a[i][i];
        }
        return x;
    }

    /** The fusion's papers of an interest ordered by words + {@code weight} x cosine (the fitted model's order). */
    private static UnaryOperator<InterestHits> reorder(PaperIndex index, List<Features> features, float weight) {
        return hits -> sorted(index, hits, byInterest(features).get(hits.interest), (lexical, cosine) ->
                (lexical + weight * Math.max(0f, cosine)) / (1 + weight));
    }

    private static Map<String, Features> byInterest(List<Features> features) {
        Map<String, Features> map = new HashMap<>();
        features.forEach(f -> map.put(f.interest, f));
        return map;
    }

    private interface Score {
        float of(float lexical, float cosine);
    }

    private static InterestHits sorted(PaperIndex index, InterestHits hits, Features f, Score score) {
        if (f == null) {
            return hits;
        }
        int n = index.size();
        float[] scores = new float[hits.size()];
        int[] inTitle = new int[n];
        int[] inAbstract = new int[n];
        for (int j = 0; j < hits.size(); j++) {
            int o = hits.ordinals[j];
            scores[j] = score.of(f.lexical[o], f.cosine[o]);
            inTitle[o] = hits.inTitle[j];
            inAbstract[o] = hits.inAbstract[j];
        }
        return BestFirst.hits(hits.interest, hits.words, index, hits.ordinals, scores, inTitle, inAbstract);
    }
}
