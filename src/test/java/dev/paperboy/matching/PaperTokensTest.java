package dev.paperboy.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.subscriber.interest.InterestLanguage;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A paper's kept tokens read back as the paper analyzer gives them, read after read, stop words' gaps and all. */
class PaperTokensTest {

    @Test
    void readsBackWhatTheAnalyzerGivesEveryTime() throws IOException {
        List<String> texts = new ArrayList<>(List.of("", "The   of", "Isn't it the U.S.A.'s 3.5% of LSTMs?"));
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("sample/trending-papers.json")) {
            for (JsonNode paper : new ObjectMapper().readTree(in)) {
                texts.add(paper.get("title").asText());
                texts.add(paper.get("abstract").asText());
            }
        }
        for (String text : texts) {
            List<String> analysed = tokens(InterestLanguage.paperAnalyzer().tokenStream(InterestLanguage.TEXT, text));
            PaperTokens kept = PaperTokens.of(text);
            assertEquals(analysed, tokens(kept.stream()), text);
            assertEquals(analysed, tokens(kept.stream()), "a second reader reads the same: " + text);
        }
        assertTrue(tokens(PaperTokens.of("the learning of the models").stream()).contains("model 20-26 +3 1"),
                "the removed stop words leave their gap");
    }

    /** Each token as "term start-end +increment length", then the end's offset and increment. */
    private static List<String> tokens(TokenStream stream) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + " " + offset.startOffset() + "-" + offset.endOffset() + " +"
                        + increment.getPositionIncrement() + " " + length.getPositionLength());
            }
            stream.end();
            tokens.add("end " + offset.endOffset() + " +" + increment.getPositionIncrement());
        }
        return tokens;
    }
}
