package dev.paperboy.mail;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain-text wrapping: whole words, the indent kept, nothing lost. */
class TextWrapTest {

    @Test
    void longTextBreaksBetweenWordsWithinTheWidthAndKeepsTheIndent() {
        String text = "word ".repeat(60).strip();
        String wrapped = TextWrap.wrapped(text, 3);
        String[] lines = ("   " + wrapped).split("\n");
        assertTrue(lines.length > 3, wrapped);
        for (String line : lines) {
            assertTrue(line.length() <= TextWrap.WIDTH, line.length() + ": " + line);
            assertTrue(line.startsWith("   word"), line);
        }
        assertEquals(text, wrapped.replaceAll("\\s+", " "), "no word lost or split");
    }

    @Test
    void aWordLongerThanALineIsNotSplit() {
        String link = "https://example.org/" + "x".repeat(100);
        assertEquals("see\n  " + link + "\n  here", TextWrap.wrapped("see " + link + " here", 2));
    }

    @Test
    void shortTextAndOddWhitespaceStayOnOneLine() {
        assertEquals("a b c", TextWrap.wrapped("  a \t b\n c ", 0));
        assertEquals("", TextWrap.wrapped("", 5));
        assertEquals("", TextWrap.wrapped(null, 5));
    }

    @Test
    void wrapsRandomTextAsSplittingOnWhitespaceDid() {
        java.util.Random random = new java.util.Random(8);
        String pieces = "ab cd\tef\n\u000B\f\r\u00A0\u2003é漢 https://example.org/x";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(120); n > 0; n--) {
                text.append(pieces.charAt(random.nextInt(pieces.length())));
            }
            int indent = random.nextInt(9);
            assertEquals(bySplitting(text.toString(), indent), TextWrap.wrapped(text.toString(), indent), text::toString);
        }
    }

    /** The wrapping as first written, with a regular expression: the reference for the hand-written scan. */
    private static String bySplitting(String text, int indent) {
        String pad = " ".repeat(indent);
        StringBuilder out = new StringBuilder();
        int column = indent;
        boolean lineEmpty = true;
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!lineEmpty && column + 1 + word.length() > TextWrap.WIDTH) {
                out.append('\n').append(pad);
                column = indent;
                lineEmpty = true;
            }
            if (!lineEmpty) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
            lineEmpty = false;
        }
        return out.toString();
    }
}
