package dev.paperboy.mail;

import java.util.Arrays;

/** The bytes written so far, and where the current line starts. */
final class AsciiWriter {
    byte[] out;
    int n;
    int lineStart;

    AsciiWriter(int size) {
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
        return n - lineStart > AsciiHtml.LONGEST_LINE;
    }

    /**
     * Ends the current line, as often as it takes, at the last space that leaves at most 998 octets before it
     * (that space becomes CRLF); false when there is none.
     */
    boolean breakLongLine() {
        while (n - lineStart > AsciiHtml.LONGEST_LINE) {
            int at = lineStart + AsciiHtml.LONGEST_LINE;
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

    void room(int bytes) {
        if (n + bytes > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, n + bytes));
        }
    }
}
