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
        String stripped = text.strip();
        StringBuilder out = new StringBuilder(stripped.length() + 16);
        int column = indent;
        boolean lineEmpty = true;
        // one loop over the chars, a word ending at each run of ASCII whitespace (as split("\\s+") found them): the
        // JIT compiled the former loop in a loop again and again, on the stack, for the ~40 texts a new block wraps
        int start = -1;
        for (int i = 0; i <= stripped.length(); i++) {
            if (i < stripped.length() && !space(stripped.charAt(i))) {
                start = start < 0 ? i : start;
                continue;
            }
            if (start < 0) {
                continue;
            }
            if (!lineEmpty && column + 1 + i - start > WIDTH) {
                out.append('\n').append(pad);
                column = indent;
                lineEmpty = true;
            }
            if (!lineEmpty) {
                out.append(' ');
                column++;
            }
            out.append(stripped, start, i);
            column += i - start;
            lineEmpty = false;
            start = -1;
        }
        return out.toString();
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
