package dev.paperboy.mail;

import java.util.Arrays;

/**
 * An HTML body written a piece at a time, for pieces that hold no style sheet or script left open, and no line
 * that would have to be ended at a space (see {@link SharedText#htmlSafe}): what {@link AsciiHtml#encode} writes for the
 * whole body, or nothing ({@link #failed}) when a piece does not allow it.
 */
final class AsciiHtmlAppender {
    private final AsciiWriter out;
    private boolean afterCr;
    private boolean failed;

    AsciiHtmlAppender(int size) {
        out = new AsciiWriter(size);
    }

    /** The chars {@code from} to {@code to} of {@code html}: printable ASCII as it is, the rest as references. */
    void chars(String html, int from, int to) {
        int i = from;
        while (i < to && !failed) {
            int run = AsciiHtml.printableRun(html, i, to);
            if (run > i) {
                out.copy(html, i, run);
                i = run;
                afterCr = false;
                failed = out.lineTooLong();
                continue;
            }
            char c = html.charAt(i++);
            if (c == '\n' || c == '\r') {
                if (c == '\r' || !afterCr) {
                    out.lineBreak();
                }
                afterCr = c == '\r';
                continue;
            }
            afterCr = false;
            if (c == '\t') {
                out.add(c);
            } else if (c < 0xa0) {
                failed = true; // a control: AsciiHtml.encode() leaves the whole body to quoted-printable
            } else if (Character.isHighSurrogate(c) && i < to && Character.isLowSurrogate(html.charAt(i))) {
                out.reference(Character.toCodePoint(c, html.charAt(i++)));
            } else if (Character.isSurrogate(c)) {
                out.add('?');
            } else {
                out.reference(c);
            }
            failed |= out.lineTooLong(); // AsciiHtml.encode() would end the line at a space: left to it
        }
    }

    /** Drops the room left for more bytes. */
    void trim() {
        out.out = Arrays.copyOf(out.out, out.n);
    }

    boolean atLineStart() {
        return out.n == out.lineStart && !afterCr;
    }

    /** Whole lines written alone by another appender, from its start. */
    void lines(AsciiHtmlAppender alone) {
        out.room(alone.out.n);
        System.arraycopy(alone.out.out, 0, out.out, out.n, alone.out.n);
        out.n += alone.out.n;
        out.lineStart = out.n;
    }

    void fail() {
        failed = true;
    }

    boolean failed() {
        return failed;
    }

    byte[] bytes() {
        return failed ? null : out.bytes();
    }
}
