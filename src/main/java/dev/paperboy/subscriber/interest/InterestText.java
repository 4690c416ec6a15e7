package dev.paperboy.subscriber.interest;

import java.util.Locale;
import java.util.Set;

/**
 * An interest as typed, checked for what the query parser would report badly or accept too eagerly (unclosed
 * quotes and parentheses, deep nesting, wildcards, overlong words), and escaped so that the parser reads only the
 * interest language: words, "phrases", AND / OR / NOT / -word / +word, ( ), cat: and author:. Every other character
 * the parser would treat as syntax (? ~ ^ / [ ] { } ! \ and a colon after any other word) is read as a space,
 * as the tokenizer would.
 */
final class InterestText {

    static final int MAX_DEPTH = 4;
    static final int MAX_WORD = 50;
    static final Set<String> FIELDS = Set.of(InterestLanguage.CATEGORY, InterestLanguage.AUTHOR);
    private static final String LITERAL = "?~^/[]{}!\\";

    private final String typed;
    /** The escaped text the parser reads. */
    final String escaped;
    /** For each character of {@link #escaped}, the 0-based index of the typed character it came from. */
    private final int[] origin;

    private InterestText(String typed, String escaped, int[] origin) {
        this.typed = typed;
        this.escaped = escaped;
        this.origin = origin;
    }

    String typed() {
        return typed;
    }

    /** The 1-based position in the typed interest of a 0-based index into {@link #escaped}. */
    int typedPosition(int escapedIndex) {
        if (origin.length == 0) {
            return 1;
        }
        return origin[Math.max(0, Math.min(escapedIndex, origin.length - 1))] + 1;
    }

    static InterestText of(String typed) throws InterestRefused {
        StringBuilder out = new StringBuilder(typed.length() + 8);
        int[] origin = new int[typed.length()];
        boolean quoted = false;
        int quoteAt = -1;
        int depth = 0;
        int[] opened = new int[typed.length() + 1];
        int wordStart = -1;
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            boolean wordChar = Character.isLetterOrDigit(c);
            if (wordChar && wordStart < 0) {
                wordStart = i;
            } else if (!wordChar && wordStart >= 0) {
                checkWord(typed, wordStart, i);
                wordStart = -1;
            }
            if (c == '"') {
                quoted = !quoted;
                quoteAt = i;
            } else if (quoted) {
                if (c == '\\') {
                    c = ' ';
                }
            } else if (c == '*') {
                throw wildcard(typed, i);
            } else if (c == '(') {
                opened[depth++] = i;
                if (depth > MAX_DEPTH) {
                    throw new InterestRefused("Parentheses are nested more than " + MAX_DEPTH
                            + " deep at character " + (i + 1) + ": write it more simply.", i + 1);
                }
            } else if (c == ')') {
                if (depth == 0) {
                    throw new InterestRefused("The ')' at character " + (i + 1) + " closes no '('.", i + 1);
                }
                depth--;
            } else if (LITERAL.indexOf(c) >= 0 || c == ':' && !afterField(typed, i) || lone(typed, i)) {
                c = ' ';
            }
            origin[out.length()] = i;
            out.append(c);
        }
        if (wordStart >= 0) {
            checkWord(typed, wordStart, typed.length());
        }
        if (quoted) {
            throw new InterestRefused("The quote at character " + (quoteAt + 1) + " is never closed.", quoteAt + 1);
        }
        if (depth > 0) {
            throw new InterestRefused("The '(' at character " + (opened[depth - 1] + 1) + " is never closed.",
                    opened[depth - 1] + 1);
        }
        int[] trimmed = origin;
        return new InterestText(typed, out.toString(), trimmed);
    }

    private static void checkWord(String typed, int start, int end) throws InterestRefused {
        if (end - start > MAX_WORD) {
            throw new InterestRefused("The word at character " + (start + 1) + " has " + (end - start)
                    + " characters; a word can have at most " + MAX_WORD + ".", start + 1);
        }
    }

    private static InterestRefused wildcard(String typed, int at) {
        String rest = typed.replace("*", "").replace(":", "").strip();
        if (rest.isEmpty()) {
            return new InterestRefused("'" + typed.strip() + "' would match every paper: name a topic instead.", at + 1);
        }
        return new InterestRefused("Wildcards (the * at character " + (at + 1) + ") are not supported: write whole"
                + " words; other forms of a word match anyway (network also finds networks).", at + 1);
    }

    /** A colon right after cat or author, at the start of a word, is a field; any other colon is text. */
    private static boolean afterField(String typed, int colon) {
        int start = colon;
        while (start > 0 && Character.isLetter(typed.charAt(start - 1))) {
            start--;
        }
        boolean wordStart = start == 0 || " \t(+-\"".indexOf(typed.charAt(start - 1)) >= 0;
        return wordStart && FIELDS.contains(typed.substring(start, colon).toLowerCase(Locale.ROOT));
    }

    /** A + or - with nothing after it, or in the middle of a word, is punctuation, not an operator. */
    private static boolean lone(String typed, int i) {
        char c = typed.charAt(i);
        if (c != '-' && c != '+') {
            return false;
        }
        boolean atEnd = i + 1 >= typed.length() || Character.isWhitespace(typed.charAt(i + 1));
        return atEnd;
    }
}
