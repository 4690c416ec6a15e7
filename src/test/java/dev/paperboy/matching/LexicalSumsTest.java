package dev.paperboy.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import dev.paperboy.subscriber.interest.ParsedInterest;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An interest's lexical scores added up from its words' scores ({@link LexicalSums}) are the very floats Lucene's
 * search of the whole query gives, paper by paper, for interests as the scale benchmark draws them and for the
 * shapes that need care (a word or a group twice, a hyphenated word, a quoted phrase, AND, NOT and OR in any
 * combination, filters beside words, a long sentence): nearly all of them added up, the rest searched by Lucene.
 */
class LexicalSumsTest {

    @Test
    void addedUpScoresAreTheFloatsLuceneSearches() throws Exception {
        JsonNode sample;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("sample/trending-papers.json")) {
            sample = new ObjectMapper().readTree(in);
        }
        PaperIndex index = new PaperIndex(BatchRankingTest.papers(sample));
        Set<String> interests = new LinkedHashSet<>(List.of("learning to learn learning", "click-through rate",
                "\"mixture of experts\" routing", "reinforcement learning from human feedback for reasoning in large "
                        + "language models with long context and retrieval", "graph neural networks graph",
                "agents AND tools", "diffusion -video", "cat:cs.LG transformers", "(vision OR language) models",
                "language language", "\"language models\" \"language models\"", "agents AND tools AND memory",
                "(vision OR language) AND models", "diffusion models -video -\"image editing\"", "cat:cs.LG",
                "cat:cs.LG OR cat:cs.CL", "cat:cs.LG OR cat:cs.CL transformers", "cat:cs.CL \"language models\"",
                "author:\"Ada Lovelace\" agents", "agents AND \"language models\"", "+agents tools planning",
                "agents AND (tools OR memory) -video", "(agents -video) tools", "agents (tools AND memory)",
                "agents -(video OR image)", "cat:cs.LG agents AND tools", "(agents OR tools) -video",
                "agents AND agents", "+agents +tools memory planning", "agents NOT agents",
                "cat:cs.LG agents agents", "agents tools agents -video", "(agents OR agents) agents tools",
                "\"language models\" \"language models\" agents", "reinforcement learning AND reasoning -survey",
                "(agents tools memory) -video", "agents tools OR memory planning", "(language models) OR agents", "(agents tools) OR (memory planning)",
                "language models AND agents tools"));
        Population population = new Population(Vocabulary.topics(sample), 2_000);
        population.interests(LongStream.range(0, 2_000).boxed().toList()).values().forEach(interests::addAll);

        int summed = 0;
        List<String> compared = new ArrayList<>();
        LexicalSums sums = new LexicalSums(index);
        for (String interest : interests) {
            ParsedInterest parsed;
            try {
                parsed = InterestLanguage.parse(interest);
            } catch (InterestRefused e) {
                continue;
            }
            InterestQuery query = new InterestQuery(parsed, null, index);
            float[] searched = index.scores(query.lexical);
            assertArrayEquals(searched, index.lexicalScores(query), interest);
            float[] added = sums.scores(query.lexical);
            if (added != null) {
                assertArrayEquals(searched, added, interest);
                summed++;
            }
            compared.add(interest);
        }
        assertTrue(compared.size() > 2_000, "interests compared: " + compared.size());
        assertTrue(summed > compared.size() * 99 / 100, "nearly every interest is added up: " + summed + " of "
                + compared.size());
    }
}
