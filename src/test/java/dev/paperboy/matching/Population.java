package dev.paperboy.matching;

import dev.paperboy.matching.semantic.Vectors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Subscribers of the scale benchmark, each with 3 interests drawn (deterministically, from their id) from a
 * vocabulary of topics with Zipf's law, so that a few topics are followed by many and most by few: 60 % one topic,
 * 12 % two topics, 10 % a quoted phrase, 10 % a sentence, 6 % booleans (AND, NOT, OR in parentheses), 2 % a cat:
 * filter with a topic.
 */
final class Population {

    static final double ZIPF = 1.0;
    private static final String[] SENTENCES = {"papers about %s for %s", "how %s improves %s",
            "%s applied to %s", "making %s work with %s"};

    private final List<String> topics;
    private final double[] cumulative;
    private final int subscribers;
    /** The meaning of each generated interest, as the interest language will read it, and its topics. */
    private final Map<String, String[]> topicsOfMeaning = new ConcurrentHashMap<>();
    private final Map<String, Boolean> distinct = new ConcurrentHashMap<>();

    Population(List<String> topics, int subscribers) {
        this.topics = topics;
        this.subscribers = subscribers;
        this.cumulative = new double[topics.size()];
        double sum = 0;
        for (int k = 0; k < topics.size(); k++) {
            sum += 1 / Math.pow(k + 1, ZIPF);
            cumulative[k] = sum;
        }
        for (int k = 0; k < cumulative.length; k++) {
            cumulative[k] /= sum;
        }
    }

    Map<Long, List<String>> interests(Collection<Long> ids) {
        Map<Long, List<String>> interests = new HashMap<>();
        for (long id : ids) {
            if (id < 0 || id >= subscribers) {
                continue;
            }
            Random random = new Random(id * 7919 + 17);
            List<String> three = new ArrayList<>(3);
            for (int i = 0; i < 3; i++) {
                String interest = interest(random);
                distinct.put(interest, Boolean.TRUE);
                three.add(interest);
            }
            interests.put(id, three);
        }
        return interests;
    }

    /** The same as the ranking reads them: nobody in the benchmark asks for trending papers. */
    Map<Long, SubscriberInterests.Profile> profiles(Collection<Long> ids) {
        Map<Long, SubscriberInterests.Profile> profiles = new HashMap<>();
        interests(ids).forEach((id, three) -> profiles.put(id, new SubscriberInterests.Profile(three, false)));
        return profiles;
    }

    private String interest(Random random) {
        double kind = random.nextDouble();
        String a = topic(random);
        String b = topic(random);
        if (kind < 0.60) {
            return remember(a, a);
        }
        if (kind < 0.72) {
            return remember(a + " " + b, a + " " + b, a, b);
        }
        if (kind < 0.82) {
            return remember("\"" + a + "\"", a, a);
        }
        if (kind < 0.92) {
            String sentence = String.format(SENTENCES[random.nextInt(SENTENCES.length)], a, b);
            return remember(sentence, sentence, a, b);
        }
        String wordA = a.split(" ")[0];
        String wordB = b.split(" ")[b.split(" ").length - 1];
        if (kind < 0.94) {
            return remember(wordA + " AND " + wordB, wordA + " " + wordB, wordA, wordB);
        }
        if (kind < 0.96) {
            return remember(a + " NOT " + wordB, a, a);
        }
        if (kind < 0.98) {
            String c = topic(random);
            return remember("(" + wordA + " OR " + wordB + ") " + c, wordA + " " + wordB + " " + c, wordA, wordB, c);
        }
        return remember("cat:cs.LG " + a, a, a);
    }

    private String remember(String interest, String meaning, String... parts) {
        topicsOfMeaning.putIfAbsent(meaning, parts.length == 0 ? new String[] {meaning} : parts);
        return interest;
    }

    private String topic(Random random) {
        double u = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return topics.get(low);
    }

    /** The vector of each meaning: the normalized sum of its topics' vectors (words not in the vocabulary skipped). */
    Map<String, float[]> vectors(Collection<String> meanings, Map<String, float[]> topicVectors) {
        Map<String, float[]> vectors = new HashMap<>();
        for (String meaning : meanings) {
            float[] sum = new float[Vectors.DIMENSIONS];
            for (String topic : topicsOfMeaning.getOrDefault(meaning, new String[] {meaning})) {
                float[] v = topicVectors.get(topic);
                if (v == null) {
                    for (String word : topic.split(" ")) {
                        v = topicVectors.get(word);
                        if (v != null) {
                            break;
                        }
                    }
                }
                if (v != null) {
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += v[i];
                    }
                }
            }
            vectors.put(meaning, Vectors.unit(sum));
        }
        return vectors;
    }

    int distinct() {
        return distinct.size();
    }
}
