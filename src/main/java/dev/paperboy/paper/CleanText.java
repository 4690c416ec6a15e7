package dev.paperboy.paper;

import org.jsoup.Jsoup;
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
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}]");
    private static final Pattern SPACE = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern KEY_DROP = Pattern.compile("[^\\p{L}\\p{N}<>=≤≥≠]+");
    private static final Pattern KEY_SIGNS = Pattern.compile("\\s*([<>=≤≥≠]+)\\s*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");

    private CleanText() {
    }

    /** Plain text: no markup, entities decoded, no control characters, whitespace collapsed. */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        String decoded = text.indexOf('<') < 0 && text.indexOf('&') < 0 ? text
                : Jsoup.parseBodyFragment(escapeStrayAngles(text)).body().text();
        String spaced = SPACE.matcher(decoded).replaceAll(" ");
        return SPACE.matcher(CONTROL.matcher(spaced).replaceAll("")).replaceAll(" ").strip();
    }

    /** Every '<' that does not open a real HTML tag becomes text, so that the HTML parser keeps it. */
    private static String escapeStrayAngles(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        Matcher tag = TAG.matcher(text);
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
                from = tag.end();
            } else {
                escaped.append("&lt;");
                from = angle + 1;
            }
        }
        return escaped.toString();
    }

    private static boolean isHtml(Matcher tag) {
        String name = tag.group(1) != null ? tag.group(1) : tag.group(2);
        String lower = name == null ? null : name.toLowerCase(Locale.ROOT);
        return lower == null || Tag.isKnownTag(lower) || lower.equals("svg") || lower.equals("math");
    }

    /**
     * The key under which two sources' copies of one paper meet: lower case, no accents, no punctuation, but
     * comparison signs kept ("k<n" and "k>n" are two papers).
     */
    static String titleKey(String title) {
        String folded = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("");
        String words = KEY_DROP.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return KEY_SIGNS.matcher(words).replaceAll(" $1 ").replaceAll(" +", " ").strip();
    }

    static boolean hasLetterOrDigit(String text) {
        return LETTER_OR_DIGIT.matcher(text).find();
    }
}
