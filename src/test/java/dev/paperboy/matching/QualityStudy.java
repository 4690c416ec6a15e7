package dev.paperboy.matching;

import dev.paperboy.matching.semantic.MiniLm;
import dev.paperboy.subscriber.interest.InterestLanguage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why each judged interest of the open sets brings what it brings: for every on-topic paper and every paper its digest
 * holds, the cosine (its rank, and how many standard deviations above the window's mean), the words' score and
 * share, and which of the fusion's rules cut a missed one (BENCHMARKS.md, session 8). Interests given as arguments are
 * studied too, ungraded, with their twelve closest papers; {@code -Dcsv=file} also writes every (interest, paper).
 * {@code MATCHING_JAVA_OPTS=-Dcsv=/tmp/q.tsv src/test/bench/matching-java.sh 512m dev.paperboy.matching.QualityStudy
 * ["an interest" ...]}. The fourth blind set is never studied.
 */
final class QualityStudy {

    private static java.io.PrintStream CSV;

    public static void main(String[] args) throws Exception {
        if (System.getProperty("csv") != null) {
            CSV = new java.io.PrintStream(System.getProperty("csv"));
        }
        RankingQuality all = new RankingQuality(RankingQuality.TUNING, RankingQuality.HELD_OUT, RankingQuality.BLIND,
                RankingQuality.BLIND2, RankingQuality.BLIND3);
        PaperIndex index = all.index();
        for (RankingQuality.Judged j : all.judged()) {
            study(index, j.set(), j.interest(), j.grades());
        }
        MiniLm model = new MiniLm();
        for (String extra : args) {
            try {
                var parsed = InterestLanguage.parse(extra);
                study(index, "extra", new InterestQuery(parsed, model.embed(parsed.meaning())), Map.of());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (CSV != null) {
            CSV.close();
        }
    }

    private static void study(PaperIndex index, String set, InterestQuery interest, Map<Long, Integer> grades) {
        int n = index.size();
        InterestHits hits = Fusion.score(index, 0, n, interest, Fusion.THRESHOLD);
        List<Match> digest = Ranking.rank(index, List.of(hits), Instant.EPOCH, Instant.now(), Set.of(),
                RankingQuality.DIGEST_SIZE);
        Set<Long> sent = new java.util.HashSet<>();
        digest.forEach(m -> sent.add(m.paperId()));
        long onTopic = grades.values().stream().filter(g -> g == 2).count();
        long got = digest.stream().filter(m -> grades.getOrDefault(m.paperId(), 0) == 2).count();
        float weight = Fusion.lexicalWeight(interest);
        float[] bm25 = index.lexicalScores(interest);
        float best = 0;
        for (float s : bm25) {
            best = Math.max(best, s);
        }
        int[] t = new int[n];
        int[] a = new int[n];
        float[] coverage = Coverage.of(index, interest, t, a);
        float[] cos = interest.vector == null ? null : index.cosines(interest.vector, 0, n);
        float mean = cos == null ? 0 : index.meanCosine(interest.vector, 0, n);
        float max = -1;
        Integer[] byCos = new Integer[n];
        for (int i = 0; i < n; i++) {
            byCos[i] = i;
            if (cos != null) {
                max = Math.max(max, cos[i]);
            }
        }
        if (cos != null) {
            Arrays.sort(byCos, (x, y) -> Float.compare(cos[y], cos[x]));
        }
        int[] cosRank = new int[n];
        for (int r = 0; r < n; r++) {
            cosRank[byCos[r]] = r + 1;
        }
        float scale = Math.max(Math.max(max, Fusion.STRONG_COSINE) - mean, 1e-3f);
        float floor = (Fusion.MEANING_FLOOR - mean) / scale;
        boolean saidInWords = false;
        for (int i = 0; i < n; i++) {
            saidInWords |= Fusion.lexical(bm25[i], best, coverage[i]) >= 0.5f;
        }
        float[] score = new float[n];
        float bestScore = 0;
        String[] why = new String[n];
        for (int i = 0; i < n; i++) {
            float lex = Fusion.lexical(bm25[i], best, coverage[i]);
            float sem = cos == null ? 0 : Math.min(1f, Math.max(0f, (cos[i] - mean) / scale));
            score[i] = cos == null ? lex : weight * lex + (1 - weight) * sem;
            if (interest.parsed.strict() && bm25[i] == 0) {
                why[i] = "structure";
            } else if (score[i] < Fusion.THRESHOLD) {
                why[i] = "threshold";
            } else if (lex < 0.5f && cos != null && sem < floor) {
                why[i] = "floor0.35";
            } else if (lex < 0.5f && cos != null && OtherWords.words(interest.units.size()) > 0
                    && coverage[i] < OtherWords.words(interest.units.size()) && cos[i] < OtherWords.SAME_TOPIC_COSINE
                    && (coverage[i] > 0 || interest.units.size() > Fusion.KEYWORDS)
                    && saidInWords) {
                why[i] = "otherwords";
            } else {
                bestScore = Math.max(bestScore, score[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            if (why[i] == null) {
                float sem = cos == null ? 0 : Math.min(1f, Math.max(0f, (cos[i] - mean) / scale));
                why[i] = score[i] >= Fusion.RELATIVE * bestScore || cos != null && sem >= Fusion.CLOSE_IN_MEANING
                        ? "passes" : "relative";
            }
        }
        System.out.printf("%n## [%s] %s%n   units %d strict %b weight %.1f | mean %.3f max %.3f scale %.3f floor %.2f"
                        + " saidInWords %b | digest %d, on topic %d of %d%n",
                set, interest.text(), interest.units.size(), interest.parsed.strict(), weight, mean, max, scale,
                floor, saidInWords, digest.size(), got, onTopic);
        double var = 0;
        for (int i = 0; cos != null && i < n; i++) {
            var += (cos[i] - mean) * (cos[i] - mean);
        }
        double sd = Math.sqrt(var / n);
        for (int i = 0; CSV != null && i < n; i++) {
            long id = index.paper(i).id();
            CSV.printf("%s\t%s\t%d\t%b\t%d\t%b\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%s\t%d\t%.4f\t%s\t%d\t%d\t%.4f%n", set,
                    interest.text().replace('\t', ' '), interest.units.size(), interest.parsed.strict(),
                    grades.getOrDefault(id, 0), sent.contains(id), cosRank[i], cos == null ? 0 : cos[i], mean, sd,
                    Fusion.lexical(bm25[i], best, coverage[i]), coverage[i], score[i], why[i], i, max,
                    index.paper(i).title().replace('\t', ' '), Integer.bitCount(t[i]),
                    Integer.bitCount(a[i]), best > 0 ? bm25[i] / best : 0);
        }
        List<Integer> shown = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            int i = byCos[r];
            long id = index.paper(i).id();
            if (grades.getOrDefault(id, 0) == 2 || sent.contains(id) || r < (set.equals("extra") ? 12 : 3)) {
                shown.add(i);
            }
        }
        for (int i : shown) {
            long id = index.paper(i).id();
            float lex = Fusion.lexical(bm25[i], best, coverage[i]);
            float sem = cos == null ? 0 : Math.min(1f, Math.max(0f, (cos[i] - mean) / scale));
            String title = index.paper(i).title();
            System.out.printf("   g%d %s cos#%-2d %.3f sem %.2f lex %.2f cov %.2f score %.2f %-10s %s%n",
                    grades.getOrDefault(id, 0), sent.contains(id) ? "IN " : "out", cosRank[i],
                    cos == null ? 0 : cos[i], sem, lex, coverage[i], score[i], why[i],
                    title.substring(0, Math.min(70, title.length())));
        }
    }
}
