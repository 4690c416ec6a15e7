package dev.paperboy.mail;

import io.quarkus.qute.TemplateExtension;

/** Plain-text mail lines of at most {@value #WIDTH} characters, so the text part reads well in any client. */
@TemplateExtension
public final class TextWrap {

    public static final int WIDTH = 76;

    private TextWrap() {
    }

    /**
     * {@code text} as lines of at most {@link #WIDTH} characters, breaking between words (a longer word, such as a
     * link, gets a line of its own); the first line is taken to start at column {@code indent}, and the following
     * lines are indented by as many spaces.
     */
    public static String wrapped(String text, int indent) {
        if (text == null) {
            return "";
        }
        String pad = " ".repeat(indent);
        StringBuilder out = new StringBuilder(text.length() + 16);
        int column = indent;
        boolean lineEmpty = true;
        String stripped = text.strip();
        int end = 0;
        while (true) {
            // the words between runs of ASCII whitespace, as split("\\s+") found them (a sender wraps ~40 texts a mail)
            int start = end;
            while (start < stripped.length() && space(stripped.charAt(start))) {
                start++;
            }
            if (start == stripped.length()) {
                break;
            }
            end = start;
            while (end < stripped.length() && !space(stripped.charAt(end))) {
                end++;
            }
            String word = stripped.substring(start, end);
            if (!lineEmpty && column + 1 + word.length() > WIDTH) {
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

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
