package dev.paperboy.matching;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.matching.semantic.Vectors;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a run's matcher keeps between batches is bounded in bytes, the reasons and quoted texts its interests keep
 * included, not in hits alone: long interests (a title's words each), each followed by enough people for their
 * reasons to be kept, ranked batch after batch by a matcher allowed a few interests' worth.
 */
class HeldBytesTest {

    private static final int FOLLOWERS = 20;
    private static final long BOUND = 20_000;

    @Test
    void whatAMatcherKeepsStaysWithinItsBytesReasonsIncluded() throws Exception {
        JsonNode sample = BatchRankingTest.sample();
        List<WindowPaper> papers = BatchRankingTest.papers(sample);
        PaperIndex index = new PaperIndex(papers);
        Instant until = papers.get(papers.size() - 1).ingestedAt().plusSeconds(1);
        Set<String> interests = new LinkedHashSet<>();
        for (JsonNode paper : sample) {
            String words = String.join(" ", paper.get("title").asText().toLowerCase(Locale.ROOT).split("[^a-z]+")).strip();
            if (words.split(" ").length >= 6 && words.split(" ").length <= 20) {
                interests.add(words);
            }
        }
        List<String> followed = List.copyOf(interests);
        assertTrue(followed.size() >= 20, "long interests: " + followed.size());
        WindowMatcher.Interests profiles = ids -> {
            Map<Long, SubscriberInterests.Profile> found = new HashMap<>();
            ids.forEach(id -> found.put(id, new SubscriberInterests.Profile(
                    List.of(followed.get((int) (id / FOLLOWERS))), false)));
            return found;
        };
        WindowMatcher matcher = new WindowMatcher(index, new int[] {0, index.size()}, until, profiles,
                HeldBytesTest::meanings, Fusion.THRESHOLD, BOUND);

        long most = 0;
        long largest = 0; // the most one batch (one interest, its reasons kept) added
        int forgot = 0;
        long before = 0;
        for (int i = 0; i < followed.size(); i++) {
            List<MatchRequest> batch = new ArrayList<>(); // one interest's followers a batch
            for (long id = (long) i * FOLLOWERS; id < (long) (i + 1) * FOLLOWERS; id++) {
                batch.add(new MatchRequest(id, Instant.EPOCH, until, Set.of()));
            }
            matcher.rank(batch);
            long held = matcher.heldNow();
            assertTrue(held <= matcher.held(), "counted " + matcher.held() + " bytes, holds " + held);
            if (held < before) {
                forgot++;
                largest = Math.max(largest, held);
            } else {
                largest = Math.max(largest, held - before);
            }
            most = Math.max(most, held);
            before = held;
        }
        assertTrue(forgot >= 3, "forgot " + forgot + " times");
        // past the bound, the next batch starts afresh: at most the bound and one batch's interest are held
        assertTrue(most <= BOUND + largest, most + " bytes held, one interest up to " + largest);
        assertEquals(0, matcher.rank(List.of()).size());
    }

    /** A unit vector per meaning, from its words (no model). */
    private static Map<String, float[]> meanings(Collection<String> meanings) {
        Map<String, float[]> vectors = new HashMap<>();
        for (String meaning : meanings) {
            float[] sum = new float[Vectors.DIMENSIONS];
            for (String word : meaning.split(" ")) {
                Random random = new Random(word.hashCode());
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += (float) random.nextGaussian();
                }
            }
            vectors.put(meaning, Vectors.unit(sum));
        }
        return vectors;
    }
}
