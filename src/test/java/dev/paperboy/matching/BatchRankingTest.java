package dev.paperboy.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.matching.semantic.Vectors;
import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import dev.paperboy.subscriber.interest.ParsedInterest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run's batch matching (each distinct interest scored once and shared, batches ranked on two threads, as the
 * planner and the scale benchmark use it, also when it keeps few scores between batches) gives every subscriber exactly the list the plain path gives: each of
 * their interests scored on its own, their papers merged by {@link Ranking}. Subscribers as the scale benchmark
 * draws them (popular interests followed by many, booleans, phrases, cat: filters, sentences), some asking for
 * trending papers, some with papers already sent and a later start; vectors made from the words (no model), so
 * papers that share words are close in meaning too.
 */
class BatchRankingTest {

    private static final int SUBSCRIBERS = 3_000;
    private static final int PAPERS = 400;

    @Test
    void eachSubscriberGetsTheListTheirInterestsGiveScoredOneByOne() throws Exception {
        JsonNode sample = sample();
        List<String> topics = Vocabulary.topics(sample);
        Map<String, float[]> topicVectors = new HashMap<>();
        topics.forEach(t -> topicVectors.put(t, meaningOf(t)));
        Population population = new Population(topics, SUBSCRIBERS);
        List<WindowPaper> papers = papers(sample);
        PaperIndex index = new PaperIndex(papers);
        Instant until = papers.get(PAPERS - 1).ingestedAt().plusSeconds(1);
        Instant middle = papers.get(PAPERS / 2).ingestedAt();
        WindowMatcher.Interests profiles = ids -> {
            Map<Long, SubscriberInterests.Profile> found = new HashMap<>();
            population.profiles(ids).forEach((id, p) -> found.put(id,
                    new SubscriberInterests.Profile(p.interests(), id % 7 == 0)));
            return found;
        };
        List<MatchRequest> requests = new ArrayList<>();
        for (long id = 0; id < SUBSCRIBERS; id++) {
            Instant since = id % 5 == 0 ? middle : Instant.EPOCH;
            Set<Long> sent = id % 3 == 0 ? Set.copyOf(List.of(id % PAPERS + 1, (id * 31) % PAPERS + 1)) : Set.of();
            requests.add(new MatchRequest(id, since, until, sent));
        }

        BatchMatcher matcher = new WindowMatcher(index, new int[] {0, index.size()}, until, profiles,
                meanings -> population.vectors(meanings, topicVectors), Fusion.THRESHOLD);
        Map<Long, List<Match>> batched = rankOnTwoThreads(matcher, requests);
        // a matcher that may keep few scores between batches forgets them (again and again) and scores them anew
        BatchMatcher forgetful = new WindowMatcher(index, new int[] {0, index.size()}, until, profiles,
                meanings -> population.vectors(meanings, topicVectors), Fusion.THRESHOLD, 300_000);
        assertEquals(batched, rankOnTwoThreads(forgetful, requests));

        int[] mostUpvoted = index.mostUpvoted(Instant.EPOCH, until, WindowMatcher.TRENDING + Match.MAX_LISTED);
        int compared = 0;
        int matched = 0;
        for (MatchRequest request : requests) {
            SubscriberInterests.Profile profile = profiles.of(List.of(request.subscriberId())).get(request.subscriberId());
            List<InterestHits> hits = new ArrayList<>();
            for (String interest : profile.interests()) {
                ParsedInterest parsed;
                try {
                    parsed = InterestLanguage.parse(interest);
                } catch (InterestRefused e) {
                    continue;
                }
                float[] vector = parsed.meaning().isEmpty() ? null
                        : population.vectors(List.of(parsed.meaning()), topicVectors).get(parsed.meaning());
                hits.add(Fusion.score(index, 0, index.size(), new InterestQuery(parsed, vector),
                        Fusion.THRESHOLD));
            }
            int[] trending = profile.trending() ? request.since().equals(Instant.EPOCH) ? mostUpvoted
                    : index.mostUpvoted(request.since(), until, WindowMatcher.TRENDING + Match.MAX_LISTED) : new int[0];
            List<Match> alone = Ranking.rank(index, hits, trending, WindowMatcher.TRENDING, request.since(), until,
                    request.exclude(), Match.MAX_LISTED);
            assertEquals(alone, batched.get(request.subscriberId()), "subscriber " + request.subscriberId()
                    + " following " + profile.interests());
            compared++;
            matched += alone.size();
        }
        assertEquals(SUBSCRIBERS, compared);
        assertEquals(SUBSCRIBERS, batched.size());
        assertTrue(matched > SUBSCRIBERS * 10, "most subscribers get papers: " + matched);
    }

    private static Map<Long, List<Match>> rankOnTwoThreads(BatchMatcher matcher, List<MatchRequest> requests)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Map<Long, List<Match>>>> parts = new ArrayList<>();
            for (int from = 0; from < requests.size(); from += 250) {
                List<MatchRequest> batch = requests.subList(from, Math.min(requests.size(), from + 250));
                parts.add(pool.submit(() -> matcher.rank(batch)));
            }
            Map<Long, List<Match>> all = new HashMap<>();
            for (Future<Map<Long, List<Match>>> part : parts) {
                all.putAll(part.get());
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }

    /** The bundled sample papers, as JSON. */
    static JsonNode sample() throws IOException {
        try (InputStream in = BatchRankingTest.class.getClassLoader().getResourceAsStream("sample/trending-papers.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** The sample's sentences recombined under its titles, one an hour, with categories and some upvotes. */
    static List<WindowPaper> papers(JsonNode sample) throws IOException {
        List<String> titles = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (JsonNode paper : sample) {
            titles.add(paper.get("title").asText());
            sentences.addAll(List.of(paper.get("abstract").asText().split("(?<=\\.) ")));
        }
        String[] categories = {"cs.LG", "cs.CL", "cs.CV", "stat.ML", "cs.AI"};
        Random random = new Random(7);
        Instant start = Instant.now().minus(Duration.ofHours(PAPERS + 1));
        List<WindowPaper> papers = new ArrayList<>();
        for (int i = 0; i < PAPERS; i++) {
            String title = titles.get(random.nextInt(titles.size()));
            StringBuilder abstractText = new StringBuilder();
            for (int s = 0; s < 5; s++) {
                abstractText.append(s == 0 ? "" : " ").append(sentences.get(random.nextInt(sentences.size())));
            }
            Integer upvotes = random.nextInt(3) == 0 ? random.nextInt(40) : null;
            papers.add(new WindowPaper(i + 1, 1, title, abstractText.toString(), new String[] {"Ada Lovelace"},
                    new String[] {categories[random.nextInt(categories.length)]}, start.plus(Duration.ofHours(i)),
                    upvotes, "https://example.org/" + i, meaningOf(title + " " + abstractText)));
        }
        return papers;
    }

    /** A unit vector from the words of a text: each word a fixed random direction, texts sharing words are close. */
    private static float[] meaningOf(String text) {
        float[] sum = new float[Vectors.DIMENSIONS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (word.length() < 3) {
                continue;
            }
            Random random = new Random(word.hashCode());
            for (int d = 0; d < sum.length; d++) {
                sum[d] += (float) random.nextGaussian();
            }
        }
        return Vectors.unit(sum);
    }
}
