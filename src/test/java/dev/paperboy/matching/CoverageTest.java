package dev.paperboy.matching;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import dev.paperboy.subscriber.interest.ParsedInterest;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The papers that have a word or phrase of an interest, in the title or the abstract (what coverage and the
 * explanations count), are those Lucene's search of it finds, though they are read from the scores the lexical side
 * keeps: for every word of the sample, quoted runs of its words (some repeating a word, some never together), both
 * fields, whether the lexical side scored the word first or not.
 */
class CoverageTest {

    @Test
    void theWordsAPaperHasAreThoseLuceneFindsInIt() throws Exception {
        JsonNode sample = BatchRankingTest.sample();
        List<WindowPaper> papers = BatchRankingTest.papers(sample);
        Set<String> interests = new LinkedHashSet<>(List.of("\"learning to learn\"", "\"models of models\"",
                "\"quantum giraffe\"", "\"language models\"~2", "giraffe"));
        for (JsonNode paper : sample) {
            for (String field : List.of("title", "abstract")) {
                String[] words = paper.get(field).asText().replaceAll("[^\\p{L}\\p{N} ]", " ").strip().split(" +");
                for (int from = 0; from < words.length; from++) {
                    interests.add(words[from]);
                    if (from + 3 <= words.length && from % 3 == 0) {
                        interests.add("\"" + String.join(" ", List.of(words).subList(from, from + 3)) + "\"");
                        interests.add("\"" + words[from + 2] + " " + words[from] + "\"");
                    }
                }
            }
        }
        PaperIndex scoredFirst = new PaperIndex(papers);
        PaperIndex unscored = new PaperIndex(papers);
        int compared = 0;
        int matched = 0;
        for (String text : interests) {
            ParsedInterest parsed;
            try {
                parsed = InterestLanguage.parse(text);
            } catch (InterestRefused e) {
                continue;
            }
            scoredFirst.lexicalScores(new InterestQuery(parsed, null, scoredFirst));
            for (ParsedInterest.Word word : parsed.words()) {
                for (String field : List.of(PaperIndex.TITLE, PaperIndex.ABSTRACT)) {
                    Query onField = InterestQuery.onField(word.query(), field);
                    BitSet searched = new BitSet();
                    float[] scores = scoredFirst.scores(onField);
                    for (int o = 0; o < scores.length; o++) {
                        if (scores[o] > 0) {
                            searched.set(o);
                        }
                    }
                    assertEquals(searched, scoredFirst.matching(onField), onField + " after the lexical side");
                    assertEquals(searched, unscored.matching(onField), onField + " alone");
                    compared++;
                    matched += searched.cardinality();
                }
            }
        }
        assertTrue(compared > 5_000, "words and phrases compared: " + compared);
        assertTrue(matched > 20_000, "papers matched: " + matched);
    }
}
