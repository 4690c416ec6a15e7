package dev.paperboy.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The 100 open judged interests by kind, as the issue lists the language (a few keywords, a quoted phrase, a boolean
 * with AND, OR, NOT, a sentence, a cat: or author: filter): each kind over each open set and over the 100, BM25 alone,
 * meaning alone and the fusion, nDCG@10 / precision / recall (on-topic papers included of all, included)
 * (BENCHMARKS.md, session 16). {@code -DperInterest=true} also prints each interest's nDCG@10 for BM25 alone and the
 * fusion, and what each digest holds, tab-separated. The fourth blind set is never measured here.
 * {@code src/test/bench/matching-java.sh 512m dev.paperboy.matching.QualityByKind}
 */
final class QualityByKind {

    private QualityByKind() {
    }

    /** One interest has one kind, the first that fits in this order: filter, boolean, quoted phrase, then its length. */
    static String kind(InterestQuery interest) {
        String text = interest.text();
        if (text.contains("cat:") || text.contains("author:")) {
            return "filter (cat:, author:)";
        }
        if (text.matches(".*(\\b(AND|OR|NOT)\\b|(^|\\s)[-+]\\S).*")) {
            return "boolean (AND, OR, NOT)";
        }
        if (text.contains("\"")) {
            return "quoted phrase";
        }
        // As the fusion counts them (Fusion.KEYWORDS): the words it asks for, without "papers about" and stop words.
        return interest.units.size() <= Fusion.KEYWORDS ? "a few keywords" : "sentence (4 words or more)";
    }

    public static void main(String[] args) {
        RankingQuality all = new RankingQuality(RankingQuality.OPEN.toArray(String[]::new));
        Map<String, List<RankingQuality.Judged>> kinds = new TreeMap<>();
        all.judged().forEach(j -> kinds.computeIfAbsent(kind(j.interest()), k -> new ArrayList<>()).add(j));
        System.out.println("| kind | set | interests | BM25 alone | meaning alone | fusion |");
        System.out.println("|---|---|---|---|---|---|");
        kinds.forEach((kind, judged) -> {
            List<String> sets = new ArrayList<>(RankingQuality.OPEN);
            sets.add(null);
            for (String set : sets) {
                List<RankingQuality.Judged> some = judged.stream()
                        .filter(j -> set == null || j.set().equals(set)).toList();
                if (some.isEmpty()) {
                    continue;
                }
                RankingQuality quality = all.of(some);
                System.out.printf("| %s | %s | %d | %s | %s | %s |%n", kind,
                        set == null ? "**the 100**" : set.replace("quality/", ""), some.size(),
                        brief(quality.measure("", 1f)), brief(quality.measure("", 0f)),
                        brief(quality.measure("", RankingQuality.FUSED)));
            }
        });
        if (Boolean.getBoolean("perInterest")) {
            for (RankingQuality.Judged j : all.judged()) {
                RankingQuality one = all.of(List.of(j));
                RankingQuality.Figures lexical = one.measure("lexical alone", 1f);
                RankingQuality.Figures fused = one.measure("fusion", RankingQuality.FUSED);
                System.out.printf("%s\t%s\t%s\t%.3f\t%.3f\t%d/%d\t%d/%d\t%d%n", j.set(), kind(j.interest()),
                        j.interest().text(), lexical.ndcg(), fused.ndcg(), lexical.hits(), lexical.included(),
                        fused.hits(), fused.included(), fused.onTopic());
            }
        }
    }

    private static String brief(RankingQuality.Figures f) {
        return Double.isNaN(f.ndcg()) ? String.format("– / – / – (0 of 0, %d)", f.included())
                : String.format("%.3f / %.2f / %.2f (%d of %d, %d)", f.ndcg(), f.precision(), f.recall(), f.hits(),
                f.onTopic(), f.included());
    }
}
