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
}
