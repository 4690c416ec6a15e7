package dev.paperboy.paper;

import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text as people read it, from whatever a source wrote: markup removed, every HTML entity decoded, control
 * characters dropped, whitespace collapsed, and everything else (LaTeX, "k<n and n>m") kept as written.
 */
final class CleanText {

    /**
     * An HTML comment, end tag or start tag; a start tag with more than its name must have an attribute value
     * ({@code <a href=x>}, {@code <svg/onload=x>}), so "a<b and c>d" is no tag.
     */
    private static final Pattern TAG = Pattern.compile(
            "<!--.*?-->|</\\s*([A-Za-z][A-Za-z0-9]*)\\s*>|<([A-Za-z][A-Za-z0-9]*)(?:[\\s/][^<>]*=[^<>]*)?\\s*/?>",
            Pattern.DOTALL);
    /** Comparison signs: part of a title's key, since they change what the title says. */
    private static final String SIGNS = "<>=≤≥≠";
    private static final int NONE = 0;
    private static final int WORD = 1;
    private static final int SIGN = 2;
    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");

    private CleanText() {
    }

    /** Plain text: no markup, entities decoded, no control characters, whitespace collapsed. */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        String decoded = text;
        String markup = text.indexOf('<') < 0 ? null : escapeStrayAngles(text);
        if (markup != null) {
            decoded = Jsoup.parseBodyFragment(markup).body().text();
        } else if (text.indexOf('&') >= 0) {
            decoded = Parser.unescapeEntities(text, false);
        }
        return collapse(decoded);
    }

    /**
     * The text with every '<' that does not open a real HTML tag escaped, so that the HTML parser keeps it as
     * text; null when the text holds no tag at all (then it needs no HTML parser).
     */
    private static String escapeStrayAngles(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        Matcher tag = TAG.matcher(text);
        boolean anyTag = false;
        int from = 0;
        while (from < text.length()) {
            int angle = text.indexOf('<', from);
            if (angle < 0) {
                escaped.append(text, from, text.length());
                break;
            }
            escaped.append(text, from, angle);
            tag.region(angle, text.length());
            if (tag.lookingAt() && isHtml(tag)) {
                escaped.append(text, angle, tag.end());
                anyTag = true;
                from = tag.end();
            } else {
                escaped.append("&lt;");
                from = angle + 1;
            }
        }
        return anyTag ? escaped.toString() : null;
    }

    /** Whitespace of every kind becomes one space, control and format characters go, the ends are trimmed. */
    private static String collapse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(c);
        }
        return out.toString();
    }

    private static boolean isHtml(Matcher tag) {
        String name = tag.group(1) != null ? tag.group(1) : tag.group(2);
        String lower = name == null ? null : name.toLowerCase(Locale.ROOT);
        return lower == null || Tag.isKnownTag(lower) || lower.equals("svg") || lower.equals("math");
    }

    /**
     * The key under which two sources' copies of one paper meet: lower case, no accents, no punctuation, words
     * and comparison signs apart by one space ("k<n" and "k>n" are two papers, "k<n" and "$k < n$" one).
     */
    static String titleKey(String title) {
        String folded = Normalizer.normalize(title, Normalizer.Form.NFKD);
        StringBuilder key = new StringBuilder(folded.length());
        int last = NONE;
        boolean gap = false;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            int kind = isLetterOrNumber(c, type) ? WORD : SIGNS.indexOf(c) >= 0 ? SIGN : NONE;
            if (kind == NONE) {
                gap = true;
                continue;
            }
            if (last != NONE && (gap || kind != last)) {
                key.append(' ');
            }
            key.appendCodePoint(kind == WORD ? Character.toLowerCase(c) : c);
            last = kind;
            gap = false;
        }
        return key.toString();
    }

    private static boolean isLetterOrNumber(int c, int type) {
        return Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    static boolean hasLetterOrDigit(String text) {
        return LETTER_OR_DIGIT.matcher(text).find();
    }
}
