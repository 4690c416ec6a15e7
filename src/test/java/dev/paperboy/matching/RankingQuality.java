package dev.paperboy.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.matching.semantic.MiniLm;
import dev.paperboy.matching.semantic.Vectors;
import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import dev.paperboy.subscriber.interest.ParsedInterest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Measures the ranking against the graded judgments in {@code quality/judgments.json} (written by hand over the 62
 * sample papers before any tuning): mean nDCG@10 of the preview, and precision and recall of the on-topic papers
 * among what a digest includes (its default 10), for BM25 alone, meaning alone and the fusion.
 * {@code java ... dev.paperboy.matching.RankingQuality} prints the table of BENCHMARKS.md.
 */
final class RankingQuality {

    static final int DIGEST_SIZE = 10;

    /** One way of ranking and what it scored. */
    record Figures(String name, double ndcg, double precision, double recall, int included, int onTopic) {
        @Override
        public String toString() {
            return String.format("| %-14s | %.3f | %.2f | %.2f | %d of %d on-topic papers, %d included |",
                    name, ndcg, precision, recall, hits(), onTopic, included);
        }

        /** How many on-topic papers the digests included. */
        long hits() {
            return Math.round(precision * included);
        }
    }

    /** One judged interest: its set, the interest, and the grade of each paper graded above 0 (by paper id). */
    record Judged(String set, InterestQuery interest, Map<Long, Integer> grades) {
    }

    private final PaperIndex index;
    private final List<Judged> judged;
    /** Reorders the fusion's papers of an interest (FusionFit tries other orders with it); as Fusion orders them. */
    private final UnaryOperator<InterestHits> order;

    /** The judgments the ranking is tuned on. */
    static final String TUNING = "quality/judgments.json";
    /** Judgments written before tuning, reported in aggregate for two sessions, read in detail since the third. */
    static final String HELD_OUT = "quality/judgments-heldout.json";
    /**
     * Judgments written blind (by someone who saw neither the ranking nor the other judgments): reported in aggregate
     * only for a session, read in detail since session 6.
     */
    static final String BLIND = "quality/judgments-blind.json";
    /**
     * A second blind set (session 6): reported in aggregate only for a session, read in detail since session 7 (with
     * the tuning, held-out and first blind sets, the 80 open interests).
     */
    static final String BLIND2 = "quality/judgments-blind2.json";
    /**
     * A third blind set (session 7): reported in aggregate only for a session (three looks), read in detail since
     * session 8 (with the four sets before it, the 100 open interests).
     */
    static final String BLIND3 = "quality/judgments-blind3.json";
    /** A fourth blind set (session 8): only reported, in aggregate, never per interest, never fitted on. */
    static final String BLIND4 = "quality/judgments-blind4.json";
    /** The sets read in detail, in the order they came. */
    static final List<String> OPEN = List.of(TUNING, HELD_OUT, BLIND, BLIND2, BLIND3);

    RankingQuality() {
        this(TUNING);
    }

    /** {@code -Dhalves=false} ranks without the halves' blend (papers compared by their vector alone), as before V27. */
    private static final boolean HALVES = Boolean.parseBoolean(System.getProperty("halves", "true"));

    /** h1 then h2 in one array, as stored (h2 = h1 for an abstract of one sentence). */
    static float[] halves(List<float[]> embedded) {
        float[] halves = Arrays.copyOf(embedded.get(0), 2 * Vectors.DIMENSIONS);
        System.arraycopy(embedded.get(embedded.size() - 1), 0, halves, Vectors.DIMENSIONS, Vectors.DIMENSIONS);
        return halves;
    }

    /** Over the judgments of these resources together. */
    RankingQuality(String... judgments) {
        MiniLm model = new MiniLm();
        judged = new ArrayList<>();
        order = UnaryOperator.identity();
        ObjectMapper json = new ObjectMapper();
        JsonNode papers = read(json, "sample/trending-papers.json");
        List<WindowPaper> window = new ArrayList<>();
        Map<String, Long> byTitle = new HashMap<>();
        Instant now = Instant.now();
        long id = 1;
        for (JsonNode paper : papers) {
            String title = paper.get("title").asText();
            String abstractText = paper.get("abstract").asText();
            window.add(new WindowPaper(id, 1, title, abstractText, new String[0], new String[0],
                    now.minus(Duration.ofMinutes(100 - id)), null, null, model.embed(MiniLm.paperText(title, abstractText)),
                    HALVES ? halves(model.embedAll(MiniLm.halfTexts(title, abstractText))) : null));
            byTitle.put(title, id++);
        }
        index = new PaperIndex(window);
        for (String resource : judgments) {
            for (JsonNode judgment : read(json, resource).get("judgments")) {
                Map<Long, Integer> grades = new HashMap<>();
                judgment.get("onTopic").forEach(t -> grades.put(known(byTitle, t.asText()), 2));
                judgment.get("related").forEach(t -> grades.put(known(byTitle, t.asText()), 1));
                ParsedInterest parsed = parse(judgment.get("interest").asText());
                float[] vector = parsed.meaning().isEmpty() ? null : model.embed(parsed.meaning());
                judged.add(new Judged(resource, new InterestQuery(parsed, vector), grades));
            }
        }
    }

    private RankingQuality(PaperIndex index, List<Judged> judged, UnaryOperator<InterestHits> order) {
        this.index = index;
        this.judged = judged;
        this.order = order;
    }

    /** The same papers, measured on the judgments of one resource only. */
    RankingQuality only(String resource) {
        return new RankingQuality(index, judged.stream().filter(j -> j.set.equals(resource)).toList(), order);
    }

    /** The same papers, measured on these of its judgments only. */
    RankingQuality of(List<Judged> some) {
        return new RankingQuality(index, some, order);
    }

    /** The same papers and judgments, with the fusion's papers of each interest put in another order. */
    RankingQuality ordered(UnaryOperator<InterestHits> order) {
        return new RankingQuality(index, judged, order);
    }

    PaperIndex index() {
        return index;
    }

    List<Judged> judged() {
        return judged;
    }

    /** The weight of the lexical side that stands for the fusion's own, which depends on the interest. */
    static final float FUSED = -1f;

    /** BM25 alone, meaning alone, and the two fused as Paperboy ranks. */
    List<Figures> measure() {
        return List.of(measure("lexical alone", 1f), measure("semantic alone", 0f), measure("fusion", FUSED));
    }

    /** With a weight of the lexical side (1 BM25 alone, 0 meaning alone), or {@link #FUSED}. */
    Figures measure(String name, float lexicalWeight) {
        double ndcg = 0;
        int graded = 0;
        int hits = 0;
        int included = 0;
        int onTopic = 0;
        for (Judged j : judged) {
            float weight = lexicalWeight == FUSED ? Fusion.lexicalWeight(j.interest) : lexicalWeight;
            InterestHits scored = Fusion.score(index, 0, index.size(), j.interest, weight, Fusion.THRESHOLD);
            if (lexicalWeight == FUSED) {
                scored = order.apply(scored);
            }
            List<Match> digest = Ranking.rank(index, List.of(scored), Instant.EPOCH, Instant.now(), Set.of(),
                    DIGEST_SIZE);
            List<Match> preview = previewOf(j, digest, weight, lexicalWeight == FUSED);
            double ideal = dcg(j.grades.values().stream().sorted((a, b) -> b - a).toList());
            if (ideal > 0) {
                ndcg += dcg(preview.stream().map(m -> j.grades.getOrDefault(m.paperId(), 0)).toList()) / ideal;
                graded++;
            }
            hits += (int) digest.stream().filter(m -> j.grades.getOrDefault(m.paperId(), 0) == 2).count();
            included += digest.size();
            onTopic += (int) j.grades.values().stream().filter(g -> g == 2).count();
        }
        return new Figures(name, ndcg / graded, included == 0 ? 0 : (double) hits / included,
                (double) hits / onTopic, included, onTopic);
    }

    /** Discounted cumulative gain of the first ten grades, gain 2^grade - 1. */
    private static double dcg(List<Integer> grades) {
        double dcg = 0;
        for (int i = 0; i < Math.min(DIGEST_SIZE, grades.size()); i++) {
            dcg += (Math.pow(2, grades.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return dcg;
    }

    private static long known(Map<String, Long> byTitle, String title) {
        Long id = byTitle.get(title);
        if (id == null) {
            throw new IllegalStateException("a judgment names a paper that is not in the sample: " + title);
        }
        return id;
    }

    private static ParsedInterest parse(String interest) {
        try {
            return InterestLanguage.parse(interest);
        } catch (InterestRefused e) {
            throw new IllegalStateException("a judged interest is refused: " + interest + ": " + e.getMessage());
        }
    }

    private static JsonNode read(ObjectMapper json, String resource) {
        try (InputStream in = RankingQuality.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The preview of ten, as /api/preview answers: the digest's papers, then the next best (not in the digest). */
    private List<Match> previewOf(Judged j, List<Match> digest, float lexicalWeight, boolean fused) {
        List<Match> preview = new ArrayList<>(digest);
        InterestHits uncut = Fusion.scoreUncut(index, 0, index.size(), j.interest, lexicalWeight);
        if (fused) {
            uncut = order.apply(uncut);
        }
        preview.addAll(Ranking.nextBest(index, uncut, digest, Instant.EPOCH, Instant.now(), DIGEST_SIZE));
        return preview;
    }

    /** Each judged interest under the fusion: its nDCG@10 (of the preview), and what its digest of 10 holds. */
    List<String> details() {
        List<String> lines = new ArrayList<>();
        for (Judged j : judged) {
            InterestHits scored = order.apply(Fusion.score(index, 0, index.size(), j.interest, Fusion.THRESHOLD));
            List<Match> digest = Ranking.rank(index, List.of(scored), Instant.EPOCH, Instant.now(), Set.of(),
                    DIGEST_SIZE);
            double ideal = dcg(j.grades.values().stream().sorted((a, b) -> b - a).toList());
            double ndcg = ideal == 0 ? Double.NaN
                    : dcg(previewOf(j, digest, Fusion.lexicalWeight(j.interest), true).stream()
                            .map(m -> j.grades.getOrDefault(m.paperId(), 0)).toList()) / ideal;
            long[] byGrade = new long[3];
            digest.forEach(m -> byGrade[j.grades.getOrDefault(m.paperId(), 0)]++);
            long onTopic = j.grades.values().stream().filter(g -> g == 2).count();
            lines.add(String.format("| %s | %s | %d on topic (of %d), %d related, %d other |",
                    j.interest.text().replace("|", "\\|"), Double.isNaN(ndcg) ? "–" : String.format("%.2f", ndcg),
                    byGrade[2], onTopic, byGrade[1], byGrade[0]));
        }
        return lines;
    }

    /**
     * The table for each set and for all together; with --detail, each interest of the five open sets (the fourth
     * blind set's are never printed: it is only reported, never read to tune).
     */
    public static void main(String[] args) {
        boolean detail = args.length > 0 && args[0].equals("--detail");
        boolean blind4 = RankingQuality.class.getClassLoader().getResource(BLIND4) != null;
        List<String> sets = new ArrayList<>(OPEN);
        if (blind4) {
            sets.add(BLIND4);
        }
        RankingQuality all = new RankingQuality(sets.toArray(String[]::new));
        String[] names = {"tuning set", "held-out set", "blind set", "second blind set", "third blind set"};
        for (int s = 0; s < OPEN.size(); s++) {
            print(names[s] + " (" + OPEN.get(s) + ")", all.only(OPEN.get(s)), detail);
        }
        if (blind4) {
            print("fourth blind set (" + BLIND4 + ", aggregate only)", all.only(BLIND4), false);
        }
        print("tuning, held-out and first three blind sets (the 100 open interests)", new RankingQuality(all.index,
                all.judged.stream().filter(j -> !j.set.equals(BLIND4)).toList(), all.order), false);
        if (blind4) {
            print("all sets", all, false);
        }
    }

    private static void print(String title, RankingQuality quality, boolean detail) {
        System.out.println("### " + title);
        System.out.println();
        System.out.println("| ranking | nDCG@10 | precision | recall | |");
        System.out.println("|---|---|---|---|---|");
        quality.measure().forEach(System.out::println);
        System.out.println();
        if (detail) {
            System.out.println("| interest (fusion) | nDCG@10 | its digest of 10 |");
            System.out.println("|---|---|---|");
            quality.details().forEach(System.out::println);
            System.out.println();
        }
    }
}
