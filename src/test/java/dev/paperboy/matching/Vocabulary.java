package dev.paperboy.matching;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Topics people follow, for the scale benchmark: the sample's recurring word pairs and words, leaving out those in
 * more than a tenth of its papers (deep, network, learning: nobody follows "learning"), in an order unrelated to
 * how common they are, since the topic many people follow is not the vaguest one.
 */
final class Vocabulary {

    static final int PAIRS = 1_500;
    static final int WORDS = 500;
    private static final Set<String> DULL = Set.of("paper", "propose", "proposed", "show", "results", "method",
            "methods", "approach", "based", "using", "model", "models", "work", "also", "state", "art", "new",
            "novel", "different", "however", "well", "first", "two", "three", "large", "can", "our", "we", "which");

    private Vocabulary() {
    }

    static List<String> topics(JsonNode sample) {
        Map<String, Integer> pairs = new HashMap<>();
        Map<String, Integer> words = new HashMap<>();
        Map<String, Integer> papersWith = new HashMap<>();
        for (JsonNode paper : sample) {
            Set<String> seen = new HashSet<>();
            String text = paper.get("title").asText() + ". " + paper.get("abstract").asText();
            String previous = null;
            for (String token : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                boolean dull = token.length() < 3 || DULL.contains(token)
                        || EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(token);
                if (dull) {
                    previous = null;
                    continue;
                }
                words.merge(token, 1, Integer::sum);
                seen.add(token);
                if (previous != null) {
                    pairs.merge(previous + " " + token, 1, Integer::sum);
                    seen.add(previous + " " + token);
                }
                previous = token;
            }
            seen.forEach(t -> papersWith.merge(t, 1, Integer::sum));
        }
        int vague = sample.size() / 10;
        pairs.keySet().removeIf(t -> papersWith.get(t) > vague || !followable(t));
        words.keySet().removeIf(t -> papersWith.get(t) > vague || !followable(t));
        List<String> topics = new ArrayList<>(mostFrequent(pairs, PAIRS));
        topics.addAll(mostFrequent(words, WORDS));
        Collections.shuffle(topics, new Random(42));
        return topics;
    }

    /** A topic the interest language accepts on its own ("research has" names nothing). */
    private static boolean followable(String topic) {
        try {
            InterestLanguage.parse(topic);
            return true;
        } catch (InterestRefused e) {
            return false;
        }
    }

    private static List<String> mostFrequent(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream()
                .sorted((a, b) -> b.getValue() != a.getValue().intValue() ? b.getValue() - a.getValue()
                        : a.getKey().compareTo(b.getKey()))
                .limit(n).map(Map.Entry::getKey).toList();
    }
}
