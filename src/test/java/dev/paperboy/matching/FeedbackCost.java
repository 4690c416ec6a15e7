package dev.paperboy.matching;

import dev.paperboy.matching.semantic.Vectors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * What feedback costs the batch: one person's list made from the shared scores of 3 interests over P new papers,
 * without feedback and with 1, 5 and 20 "more" plus as many "less" choices, in microseconds per person. Vectors are
 * random unit vectors (the arithmetic is the same as with MiniLM's). Run by {@code bench/matching-feedback.sh}.
 */
final class FeedbackCost {

    private FeedbackCost() {
    }

    public static void main(String[] args) {
        int papers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int people = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Random random = new Random(7);
        Instant now = Instant.now();
        List<WindowPaper> window = new ArrayList<>(papers);
        for (int i = 0; i < papers; i++) {
            window.add(new WindowPaper(i + 1, 1, "paper " + i, "abstract " + i, new String[0], new String[0],
                    now.minus(Duration.ofSeconds(papers - i)), null, null, unit(random)));
        }
        PaperIndex index = new PaperIndex(window);
        List<InterestHits> interests = new ArrayList<>();
        for (int k = 0; k < 300; k++) {
            interests.add(hits("topic " + k, random, papers, 100));
        }
        Instant since = now.minus(Duration.ofDays(1));
        System.out.printf("%d new papers, %d people, 3 interests each (100 papers pass each)%n", papers, people);
        for (int choices : new int[] {0, 1, 5, 20, 0}) {
            Taste taste = choices == 0 ? Taste.NONE : taste(random, choices);
            long sink = 0;
            long start = System.nanoTime();
            for (int p = 0; p < people; p++) {
                List<InterestHits> three = List.of(interests.get(p % 300), interests.get((p * 7 + 1) % 300),
                        interests.get((p * 13 + 2) % 300));
                sink += Ranking.rank(index, three, new int[0], 0, taste, since, now, Set.of(), Match.MAX_LISTED).size();
            }
            double micros = (System.nanoTime() - start) / 1e3 / people;
            System.out.printf("feedback %2d more + %2d less: %8.1f µs per person (%d listed)%n", choices, choices,
                    micros, sink / people);
        }
    }

    private static Taste taste(Random random, int choices) {
        float[][] more = new float[choices][];
        float[][] less = new float[choices][];
        String[] titles = new String[choices];
        for (int i = 0; i < choices; i++) {
            more[i] = unit(random);
            less[i] = unit(random);
            titles[i] = "liked " + i;
        }
        return new Taste(more, titles, less);
    }

    private static InterestHits hits(String interest, Random random, int papers, int count) {
        int[] ordinals = random.ints(0, papers).distinct().limit(count).toArray();
        float[] scores = new float[count];
        for (int i = 0; i < count; i++) {
            scores[i] = 1f - i / (float) count * 0.7f;
        }
        return new InterestHits(interest, List.of(), ordinals, scores, new int[count], new int[count]);
    }

    private static float[] unit(Random random) {
        float[] v = new float[Vectors.DIMENSIONS];
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) random.nextGaussian();
        }
        return Vectors.unit(v);
    }
}
