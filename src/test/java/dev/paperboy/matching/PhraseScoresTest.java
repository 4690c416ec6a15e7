package dev.paperboy.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A phrase scored from its words' positions ({@link PhraseScores}) gives the very floats Lucene's search of the
 * PhraseQuery gives, paper by paper: exact and sloppy, in the title (boosted) and the abstract, words in the papers'
 * order and reversed, with a stop word's gap, found once or many times in a paper.
 */
class PhraseScoresTest {

    @Test
    void phrasesScoreTheFloatsLuceneSearches() throws Exception {
        JsonNode sample;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("sample/trending-papers.json")) {
            sample = new ObjectMapper().readTree(in);
        }
        PaperIndex index = new PaperIndex(BatchRankingTest.papers(sample));
        Set<String> texts = new LinkedHashSet<>(List.of("mixture of experts", "language models", "models language",
                "learning to learn", "the language of the models", "large language models", "models large language"));
        for (JsonNode paper : sample) {
            for (String field : List.of("title", "abstract")) {
                String[] words = paper.get(field).asText().replaceAll("[^\\p{L}\\p{N} ]", " ").split(" +");
                for (int from = 0; from + 1 < words.length; from += 2) {
                    for (int length = 2; length <= 4 && from + length <= words.length; length++) {
                        List<String> phrase = new ArrayList<>(List.of(words).subList(from, from + length));
                        texts.add(String.join(" ", phrase));
                        Collections.reverse(phrase);
                        texts.add(String.join(" ", phrase));
                    }
                }
            }
        }
        int scored = 0;
        int matching = 0;
        for (String text : texts) {
            Query parsed;
            try {
                parsed = InterestLanguage.parse("\"" + text + "\"").query();
            } catch (InterestRefused e) {
                continue;
            }
            if (!(parsed instanceof PhraseQuery phrase)) {
                continue;
            }
            for (String field : List.of(PaperIndex.TITLE, PaperIndex.ABSTRACT)) {
                for (int slop : new int[] {0, 1, 2, 3}) {
                    PhraseQuery moved = withSlop((PhraseQuery) InterestQuery.onField(phrase, field), slop);
                    float boost = PaperIndex.TITLE.equals(field) ? InterestQuery.TITLE_BOOST : 1f;
                    float[] searched = index.scores(boost == 1f ? moved : new BoostQuery(moved, boost));
                    float[] computed = PhraseScores.of(index.searcher(), index::termStates, index.ordinalOfDoc(), moved,
                            boost);
                    if (computed != null) {
                        assertArrayEquals(searched, computed, moved + "^" + boost);
                        scored++;
                        for (float score : searched) {
                            matching += score > 0 ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertTrue(scored > 5_000, "phrases compared: " + scored);
        assertTrue(matching > 5_000, "papers matched: " + matching);
    }

    private static PhraseQuery withSlop(PhraseQuery phrase, int slop) {
        PhraseQuery.Builder builder = new PhraseQuery.Builder().setSlop(slop);
        Term[] terms = phrase.getTerms();
        for (int i = 0; i < terms.length; i++) {
            builder.add(terms[i], phrase.getPositions()[i]);
        }
        return builder.build();
    }
}
