package dev.paperboy.mail;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A multipart/alternative body (the text part, then the HTML part) from parts Paperboy encoded itself, in the bytes
 * Jakarta Mail's {@code MimeMultipart} writes for the same parts: each part after a boundary line, its two headers,
 * an empty line and its bytes, then the closing boundary. Jakarta Mail took a tenth of a sender's time to walk the
 * multipart, its parts and their data handlers for every mail, and a fifth of the compiler's time to compile that walk.
 */
record Alternative(String boundary, byte[] bytes) {

    private static final AtomicLong PARTS = new AtomicLong();
    private static final byte[] TEXT_HEADERS = headers("plain", TransferEncoding.QUOTED_PRINTABLE);
    private static final byte[] HTML_HEADERS = headers("html", "7bit");

    /** The body with a quoted-printable text part and a 7bit HTML part, both already encoded. */
    static Alternative of(byte[] text, byte[] html) {
        // as unlikely in a part as Jakarta Mail's own: "=_" cannot occur in quoted-printable, and a random number
        String boundary = "----=_Part_" + PARTS.incrementAndGet() + "_" + ThreadLocalRandom.current().nextLong(1L << 62)
                + "." + System.currentTimeMillis();
        byte[] line = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[3 * (line.length + 2) + 2 + TEXT_HEADERS.length + HTML_HEADERS.length + text.length
                + html.length + 4];
        int n = put(out, 0, line);
        n = put(out, crlf(out, n), TEXT_HEADERS);
        n = crlf(out, put(out, n, text));
        n = crlf(out, put(out, n, line));
        n = put(out, n, HTML_HEADERS);
        n = crlf(out, put(out, n, html));
        n = put(out, n, line);
        out[n++] = '-';
        out[n++] = '-';
        crlf(out, n);
        return new Alternative(boundary, out);
    }

    /** The message's Content-Type header, folded before the boundary as Jakarta Mail folds it. */
    String contentType() {
        return "multipart/alternative; \r\n\tboundary=\"" + boundary + "\"";
    }

    /** A part's header lines and the empty line after them. */
    private static byte[] headers(String subtype, String encoding) {
        return ("Content-Type: text/" + subtype + "; charset=UTF-8\r\nContent-Transfer-Encoding: " + encoding
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static int put(byte[] out, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }

    private static int crlf(byte[] out, int at) {
        out[at] = '\r';
        out[at + 1] = '\n';
        return at + 2;
    }
}
