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
        AsciiWriter out = new AsciiWriter(html.length() + (html.length() >> 4) + 64);
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
    static int printableRun(String html, int from, int to) {
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

}
