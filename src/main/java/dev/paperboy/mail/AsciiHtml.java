package dev.paperboy.mail;

import java.util.Arrays;

/**
 * An HTML body written in 7-bit ASCII, so that its part goes out as {@code 7bit} with no transfer encoding: each
 * character past ASCII as a numeric character reference (a browser reads {@code &#8220;} as the character itself),
 * every line ended by CRLF and kept to at most 998 octets by ending it at a space instead (outside pre-formatted text
 * HTML shows a line break as it shows a space). Quoted-printable took a fifth of a sender's time, and its {@code =3D}
 * for every {@code =} of an attribute made the part larger. A body this cannot write without changing what it shows
 * (a character past ASCII in a style sheet or a script, whose text references do not reach; a control character; a
 * line with no space to end it at; pre-formatted text) gets {@code null}, and goes quoted-printable as before.
 */
final class AsciiHtml {

    static final int LONGEST_LINE = 998;

    private AsciiHtml() {
    }

    /** The body's bytes in 7-bit ASCII with CRLF line ends, or null when it must be encoded instead. */
    static byte[] encode(String html) {
        Writer out = new Writer(html.length() + (html.length() >> 4) + 64);
        int[] rawText = null;
        int length = html.length();
        int i = 0;
        while (i < length) {
            // the usual case: a run of printable ASCII, copied as it is
            int run = printableRun(html, i, length);
            if (run > i) {
                out.copy(html, i, run);
                i = run;
                if (out.lineTooLong() && (preformatted(html) || !out.breakLongLine())) {
                    return null;
                }
                continue;
            }
            char c = html.charAt(i++);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i < length && html.charAt(i) == '\n') {
                    i++;
                }
                out.lineBreak();
                continue;
            }
            if (c == '\t') {
                out.add(c);
            } else if (c < 0xa0) {
                return null; // controls: &#128; to &#159; would read as windows-1252 characters, not as these
            } else {
                rawText = rawText != null ? rawText : rawText(html);
                if (inside(rawText, i - 1)) {
                    return null;
                }
                if (Character.isHighSurrogate(c) && i < length && Character.isLowSurrogate(html.charAt(i))) {
                    out.reference(Character.toCodePoint(c, html.charAt(i++)));
                } else if (Character.isSurrogate(c)) {
                    out.add('?'); // a lone surrogate, as String.getBytes and the quoted-printable part write it
                } else {
                    out.reference(c);
                }
            }
            if (out.lineTooLong() && (preformatted(html) || !out.breakLongLine())) {
                return null;
            }
        }
        return out.bytes();
    }

    /**
     * An HTML body written a piece at a time, for pieces that hold no style sheet or script left open, and no line
     * that would have to be ended at a space (see {@link SharedText#htmlSafe}): what {@link #encode} writes for the
     * whole body, or nothing ({@link #failed}) when a piece does not allow it.
     */
    static final class Appender {
        private final Writer out;
        private boolean afterCr;
        private boolean failed;

        Appender(int size) {
            out = new Writer(size);
        }

        /** The chars {@code from} to {@code to} of {@code html}: printable ASCII as it is, the rest as references. */
        void chars(String html, int from, int to) {
            int i = from;
            while (i < to && !failed) {
                int run = printableRun(html, i, to);
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
                    failed = true; // a control: encode() leaves the whole body to quoted-printable
                } else if (Character.isHighSurrogate(c) && i < to && Character.isLowSurrogate(html.charAt(i))) {
                    out.reference(Character.toCodePoint(c, html.charAt(i++)));
                } else if (Character.isSurrogate(c)) {
                    out.add('?');
                } else {
                    out.reference(c);
                }
                failed |= out.lineTooLong(); // encode() would end the line at a space: left to it
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
        void lines(Appender alone) {
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

    /**
     * Whether a piece of a body leaves style sheets and scripts alone to the pieces around it: each one it opens it
     * also closes, none holds a character past ASCII, and it does not end with the first characters of such a tag.
     * In a body made of such pieces and of values without a {@code <}, every style sheet and script lies within one
     * piece, so that a character past ASCII elsewhere is written as a reference, as {@link #encode} writes it.
     */
    static boolean keepsRawTextToItself(String piece) {
        for (String tag : new String[] {"style", "script"}) {
            int from = 0;
            int start;
            while ((start = piece.indexOf("<" + tag, from)) >= 0) {
                int end = piece.indexOf("</" + tag, start);
                if (end < 0) {
                    return false;
                }
                for (int i = start; i < end; i++) {
                    if (piece.charAt(i) >= 0x80) {
                        return false;
                    }
                }
                from = end;
            }
            for (String open : new String[] {"<" + tag, "</" + tag}) {
                for (int k = 1; k < open.length(); k++) {
                    if (piece.endsWith(open.substring(0, k))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Where the run of printable ASCII starting at {@code from} ends. */
    private static int printableRun(String html, int from, int to) {
        int run = from;
        while (run < to) {
            char c = html.charAt(run);
            if (c < ' ' || c >= 0x7f) {
                break;
            }
            run++;
        }
        return run;
    }

    /** Start and end of each style sheet and script: text a character reference does not reach. */
    private static int[] rawText(String html) {
        int[] ranges = new int[0];
        for (String tag : new String[] {"style", "script"}) {
            int from = 0;
            int start;
            while ((start = html.indexOf("<" + tag, from)) >= 0) {
                int end = html.indexOf("</" + tag, start);
                end = end < 0 ? html.length() : end;
                ranges = Arrays.copyOf(ranges, ranges.length + 2);
                ranges[ranges.length - 2] = start;
                ranges[ranges.length - 1] = end;
                from = end;
            }
        }
        return ranges;
    }

    private static boolean inside(int[] ranges, int at) {
        for (int r = 0; r < ranges.length; r += 2) {
            if (at >= ranges[r] && at < ranges[r + 1]) {
                return true;
            }
        }
        return false;
    }

    /** Text whose spaces and line breaks show differently: no line of it may be ended at a space. */
    private static boolean preformatted(String html) {
        return html.contains("<pre") || html.contains("<textarea") || html.contains("white-space");
    }

    /** The bytes written so far, and where the current line starts. */
    private static final class Writer {
        private byte[] out;
        private int n;
        private int lineStart;

        Writer(int size) {
            out = new byte[size];
        }

        @SuppressWarnings("deprecation") // the low byte of each char: every one of them is ASCII here
        void copy(String html, int from, int to) {
            room(to - from);
            html.getBytes(from, to, out, n);
            n += to - from;
        }

        void add(char c) {
            room(1);
            out[n++] = (byte) c;
        }

        void lineBreak() {
            room(2);
            out[n++] = '\r';
            out[n++] = '\n';
            lineStart = n;
        }

        void reference(int point) {
            room(10);
            out[n++] = '&';
            out[n++] = '#';
            int digits = 1;
            for (int rest = point / 10; rest > 0; rest /= 10) {
                digits++;
            }
            for (int d = n + digits - 1; d >= n; d--) {
                out[d] = (byte) ('0' + point % 10);
                point /= 10;
            }
            n += digits;
            out[n++] = ';';
        }

        boolean lineTooLong() {
            return n - lineStart > LONGEST_LINE;
        }

        /**
         * Ends the current line, as often as it takes, at the last space that leaves at most 998 octets before it
         * (that space becomes CRLF); false when there is none.
         */
        boolean breakLongLine() {
            while (n - lineStart > LONGEST_LINE) {
                int at = lineStart + LONGEST_LINE;
                while (at >= lineStart && out[at] != ' ') {
                    at--;
                }
                if (at < lineStart) {
                    return false;
                }
                room(1);
                System.arraycopy(out, at + 1, out, at + 2, n - at - 1);
                out[at] = '\r';
                out[at + 1] = '\n';
                n++;
                lineStart = at + 2;
            }
            return true;
        }

        byte[] bytes() {
            return Arrays.copyOf(out, n);
        }

        private void room(int bytes) {
            if (n + bytes > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, n + bytes));
            }
        }
    }
}
