package dev.paperboy.matching;

import dev.paperboy.subscriber.interest.InterestLanguage;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A text's tokens as the paper analyzer makes them (term, offsets, position increment and length), analysed once and
 * read again for each interest that marks the text: a paper comes for many interests, and analysing its abstract
 * again for each was most of the highlighter's work.
 */
final class PaperTokens {

    private static final int START = 0;
    private static final int END = 1;
    private static final int INCREMENT = 2;
    private static final int LENGTH = 3;
    private static final int EACH = 4;

    private final String[] terms;
    // four values a token, in the order above: one array, not four, for the few thousand texts kept
    private final int[] values;
    private final int endOffset;
    private final int endIncrement;

    private PaperTokens(String[] terms, int[] values, int endOffset, int endIncrement) {
        this.terms = terms;
        this.values = values;
        this.endOffset = endOffset;
        this.endIncrement = endIncrement;
    }

    static PaperTokens of(String text) {
        try (TokenStream stream = InterestLanguage.paperAnalyzer().tokenStream(InterestLanguage.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
            List<String> terms = new ArrayList<>();
            int[] values = new int[64 * EACH];
            stream.reset();
            while (stream.incrementToken()) {
                int at = terms.size() * EACH;
                if (at == values.length) {
                    values = Arrays.copyOf(values, values.length * 2);
                }
                terms.add(term.toString());
                values[at + START] = offset.startOffset();
                values[at + END] = offset.endOffset();
                values[at + INCREMENT] = increment.getPositionIncrement();
                values[at + LENGTH] = length.getPositionLength();
            }
            stream.end();
            return new PaperTokens(terms.toArray(String[]::new), Arrays.copyOf(values, terms.size() * EACH),
                    offset.endOffset(), increment.getPositionIncrement());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new stream of the tokens, as the analyzer's own would give them (each reader needs its own). */
    TokenStream stream() {
        return new Replay(this);
    }

    private static final class Replay extends TokenStream {

        private final PaperTokens tokens;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
        private int next;

        Replay(PaperTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public boolean incrementToken() {
            if (next == tokens.terms.length) {
                return false;
            }
            clearAttributes();
            int at = next * EACH;
            term.setEmpty().append(tokens.terms[next++]);
            offset.setOffset(tokens.values[at + START], tokens.values[at + END]);
            increment.setPositionIncrement(tokens.values[at + INCREMENT]);
            length.setPositionLength(tokens.values[at + LENGTH]);
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(tokens.endOffset, tokens.endOffset);
            increment.setPositionIncrement(tokens.endIncrement);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
