package dev.paperboy.matching;

import dev.paperboy.matching.semantic.Vectors;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Ranking orders papers by sorting primitive keys ({@link BestFirst}) and merges a person's papers through
 * {@link OrdinalSlots}: the same order as score descending then {@link PaperIndex#compareForTies} (upvotes, then the
 * newer, then the higher id), the exact scores back, and every ordinal found again once the table has grown.
 */
class BestFirstTest {

    @Test
    void keysSortAsScoresThenTiesAndGiveTheScoreBack() {
        Random random = new Random(5);
        List<WindowPaper> papers = new ArrayList<>();
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < 300; i++) {
            Integer upvotes = random.nextInt(3) == 0 ? random.nextInt(4) : null;
            // several papers share an instant, so ties also fall to the id
            papers.add(new WindowPaper(1000 - i, 1, "Paper " + i, "About things.", new String[0], new String[0],
                    start.plusSeconds(i / 3), upvotes, null, new float[Vectors.DIMENSIONS]));
        }
        PaperIndex index = new PaperIndex(papers);
        float[] few = {1f, 0.5f, 0.3f, 0f, -0f, -0.25f, -1f, 0.30000001f, Float.MIN_VALUE, -Float.MIN_VALUE};
        List<Integer> ordinals = new ArrayList<>();
        Map<Integer, Float> score = new HashMap<>();
        List<Long> keys = new ArrayList<>();
        for (int ordinal = 0; ordinal < papers.size(); ordinal++) {
            float s = few[random.nextInt(few.length)]; // many equal scores
            ordinals.add(ordinal);
            score.put(ordinal, s);
            keys.add(BestFirst.key(index, ordinal, s));
        }
        ordinals.sort((a, b) -> {
            int byScore = Float.compare(score.get(b), score.get(a));
            return byScore != 0 ? byScore : index.compareForTies(a, b);
        });
        keys.sort(Long::compare);
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(ordinals.get(i), BestFirst.ordinal(index, keys.get(i)), "place " + i);
            assertEquals(Float.floatToIntBits(score.get(ordinals.get(i))),
                    Float.floatToIntBits(BestFirst.score(keys.get(i))), "score at place " + i);
        }
    }

    @Test
    void slotsFindEveryOrdinalInTheOrderFirstSeen() {
        OrdinalSlots slots = new OrdinalSlots(2);
        Random random = new Random(9);
        Map<Integer, Integer> expected = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            int ordinal = random.nextInt(20_000);
            int slot = slots.slot(ordinal);
            assertEquals(expected.computeIfAbsent(ordinal, o -> expected.size()), slot, "ordinal " + ordinal);
        }
        assertEquals(expected.size(), slots.size());
        for (int ordinal = 0; ordinal < 20_000; ordinal++) {
            assertEquals(expected.getOrDefault(ordinal, -1), slots.get(ordinal), "ordinal " + ordinal);
        }
    }
}
