package dev.paperboy.subscriber.interest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain words parsed without the query parser's grammar give exactly what the grammar gives. */
class PlainWordsTest {

    @Test
    void plainWordsParseToWhatTheGrammarMakesOfThem() throws IOException {
        Set<String> interests = new LinkedHashSet<>(List.of("graph neural networks", "the transformers",
                "transformers the", "the of and", "of", "click-through rate", "state-of-the-art models",
                "rock 'n' roll", "u.s. elections", "a, b, c", "x-ray   imaging\tof\u3000lungs", "and or not",
                "R AND D", "R OR D", "NOT x", "graph2vec 2024", "café déjà vu", "foo-", "-foo bar", "a -b",
                "papers about making language models cite their sources", "how diffusion improves sampling",
                "word word word", "graph graph", "?", "? graph", "graph ?", "... dots", "e.g. this", "C++ code",
                "a&&b", "a || b", "a&b", "100% sure", "mixture-of-experts", "co-training co-training",
                "\"mixture of experts\"", "\"mixture of experts\" routing", "sparse \"mixture of experts\"",
                "\"the\"", "\"\"", "\" \"", "\"a\" \"b\"", "\"graph\"", "\"click-through rate\"",
                "x\"graph neural\"", "\"graph neural\"y", "\"graph\\ neural\"", "\"open", "\"a OR b\"",
                "\"graph (neural) networks\"", "\"cat:cs.LG\"", "\"AND\" graph", "\"x\"\"y\""));
        JsonNode sample;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("sample/trending-papers.json")) {
            sample = new ObjectMapper().readTree(in);
        }
        for (JsonNode paper : sample) {
            interests.add(paper.get("title").asText());
            String[] words = paper.get("abstract").asText().split(" ");
            for (int from = 0; from < words.length; from += 3) {
                for (int length = 1; length <= 8 && from + length <= words.length; length += 3) {
                    interests.add(String.join(" ", List.of(words).subList(from, from + length)));
                }
            }
        }
        int plain = 0;
        for (String interest : interests) {
            assertEquals(parsed(interest, false), parsed(interest, true), interest);
            if (plain(interest)) {
                plain++;
            }
        }
        assertTrue(plain > interests.size() / 2, plain + " of " + interests.size() + " parsed without the grammar");
        assertTrue(plain("graph neural networks") && plain("click-through rate") && plain("u.s. elections")
                && plain("\"mixture of experts\"") && plain("sparse \"mixture of experts\" routing"));
        assertFalse(plain("R AND D") || plain("a -b") || plain("cat:cs.LG graph") || plain("(a OR b) c"));
        assertFalse(plain("?"), "nothing but what is read as spaces");
    }

    private static boolean plain(String interest) {
        try {
            return PlainWords.of(InterestText.of(interest).escaped) != null;
        } catch (InterestRefused e) {
            return false;
        }
    }

    /** The parsed interest, or the refusal's message and place. */
    private static Object parsed(String interest, boolean plainWords) {
        try {
            return InterestLanguage.parse(interest, plainWords);
        } catch (InterestRefused e) {
            return List.of(e.getMessage(), e.position());
        }
    }
}
