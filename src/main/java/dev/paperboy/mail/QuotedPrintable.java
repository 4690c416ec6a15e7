package dev.paperboy.mail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A text body encoded as quoted-printable UTF-8 in one pass over an array, the bytes Jakarta Mail's encoder writes for
 * it: that encoder takes every byte through three virtual calls to the socket's stream, and was an eighth of what a
 * sender spent on a digest. Same rules: lines of at most 76 bytes with a soft break {@code =} before the 76th; a line
 * break (LF, CR or CRLF) written as CRLF; a space kept unless it ends a line or the body; control bytes, {@code =}
 * and everything from DEL up as {@code =XX}.
 */
final class QuotedPrintable {

    /** Bytes a line may hold before its soft break: 76 with the {@code =}. */
    private static final int LINE = 75;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private QuotedPrintable() {
    }

    static byte[] encode(String body) {
        return encoder(body).finish();
    }

    /**
     * The body's quoted-printable bytes when that is the encoding Jakarta Mail would choose for it (the choice of
     * {@link TransferEncoding#of}, made in the same pass as the encoding), else null: a plain 7-bit body, or one mostly
     * past ASCII (base64), is left to Jakarta Mail.
     */
    static byte[] encodeIfChosen(String body) {
        return encoder(body).chosen();
    }

    private static Encoder encoder(String body) {
        Encoder encoder = new Encoder(body.length() + (body.length() >> 3) + 64);
        encoder.chars(body, 0, body.length());
        return encoder;
    }

    /** The encoder's state between the bytes of a body, which it may be given a piece at a time. */
    static final class Encoder {
        private byte[] out;
        private int n;
        private int count;
        private boolean space;
        private boolean afterCr;
        // what Jakarta Mail's choice of encoding looks at: bytes seen, those not plain ASCII, the longest line
        private long seen;
        private long other;
        private long lineStart;
        private boolean longLine;

        Encoder(int size) {
            out = new byte[size];
        }

        /** The chars {@code from} to {@code to} of {@code text}, as UTF-8. */
        void chars(String text, int from, int to) {
            // read as chars and turned into UTF-8 on the way: most digests hold a curly quote, so their strings are
            // UTF-16 and getBytes first made a second copy of the body, a tenth of what encoding cost
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    add(c);
                } else if (c < 0x800) {
                    add(0xc0 | c >> 6);
                    add(0x80 | c & 0x3f);
                } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int point = Character.toCodePoint(c, text.charAt(++i));
                    add(0xf0 | point >> 18);
                    add(0x80 | point >> 12 & 0x3f);
                    add(0x80 | point >> 6 & 0x3f);
                    add(0x80 | point & 0x3f);
                } else if (Character.isSurrogate(c)) {
                    add('?'); // a lone surrogate, as String.getBytes writes it
                } else {
                    add(0xe0 | c >> 12);
                    add(0x80 | c >> 6 & 0x3f);
                    add(0x80 | c & 0x3f);
                }
            }
        }

        /** Drops the room left for more bytes. */
        void trim() {
            out = Arrays.copyOf(out, n);
        }

        /** At the start of a line, in the state of an encoder that has seen nothing: what follows is encoded alone. */
        boolean atLineStart() {
            return count == 0 && !space && !afterCr;
        }

        /** Whole lines encoded alone by another encoder, from its start: their bytes and what they count. */
        void lines(Encoder alone) {
            if (n + alone.n > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, n + alone.n + 12));
            }
            System.arraycopy(alone.out, 0, out, n, alone.n);
            n += alone.n;
            seen += alone.seen;
            other += alone.other;
            longLine |= alone.longLine;
            lineStart = seen;
        }

        /**
         * The bytes when quoted-printable is the encoding Jakarta Mail chooses for what this encoder was given, else
         * null (see {@link #encodeIfChosen}).
         */
        byte[] chosen() {
            if (other == 0 ? !longLine() : other >= seen - other) {
                return null;
            }
            return finish();
        }

        void add(int c) {
            if (n + 12 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            seen++;
            if (c > ' ' && c < 0x7f && c != '=' && !space && count < LINE) {
                out[n++] = (byte) c; // the usual byte: printable, on a line with room
                count++;
                afterCr = false;
                return;
            }
            boolean lineBreak = c == '\r' || c == '\n';
            if (lineBreak) {
                longLine |= seen - 1 - lineStart > TransferEncoding.LONGEST_LINE;
                lineStart = seen;
            } else if (c >= 0x7f || c < 0x20 && c != '\t') {
                other++;
            }
            if (space) {
                // a space that ends a line would be lost by mail relays: only then is it encoded
                if (lineBreak) {
                    if ((count += 3) > LINE) {
                        n = softBreak(out, n);
                        count = 3;
                    }
                    n = escaped(out, n, ' ');
                } else {
                    if (++count > LINE) {
                        n = softBreak(out, n);
                        count = 1;
                    }
                    out[n++] = ' ';
                }
                space = false;
            }
            if (lineBreak) {
                if (c == '\r' || !afterCr) {
                    out[n++] = '\r';
                    out[n++] = '\n';
                    count = 0;
                }
                afterCr = c == '\r';
                return;
            }
            afterCr = false;
            if (c == ' ') {
                space = true;
            } else if (c < 0x20 || c >= 0x7f || c == '=') {
                if ((count += 3) > LINE) {
                    n = softBreak(out, n);
                    count = 3;
                }
                n = escaped(out, n, c);
            } else {
                if (++count > LINE) {
                    n = softBreak(out, n);
                    count = 1;
                }
                out[n++] = (byte) c;
            }
        }

        boolean longLine() {
            return longLine || seen - lineStart > TransferEncoding.LONGEST_LINE;
        }

        byte[] finish() {
            if (space) {
                if (n + 6 > out.length) {
                    out = Arrays.copyOf(out, out.length + 6);
                }
                if (count + 3 > LINE) {
                    n = softBreak(out, n);
                }
                n = escaped(out, n, ' ');
            }
            return Arrays.copyOf(out, n);
        }
    }

    private static int softBreak(byte[] out, int n) {
        out[n] = '=';
        out[n + 1] = '\r';
        out[n + 2] = '\n';
        return n + 3;
    }

    private static int escaped(byte[] out, int n, int c) {
        out[n] = '=';
        out[n + 1] = HEX[c >> 4];
        out[n + 2] = HEX[c & 0xf];
        return n + 3;
    }
}
