package dev.paperboy.mail;

import java.util.function.IntFunction;

/**
 * A piece of mail body that many mails carry (a paper's block, a stretch of the layout), whose whole lines are
 * encoded once for all of them: quoted-printable and the HTML's 7-bit ASCII both start afresh after every line break,
 * so the encoding of a body made of pieces is the pieces' encodings one after the other, as long as no line crosses a
 * piece's edge. What lies before the piece's first line break and after its last one belongs to lines it shares with
 * the values around it, and is encoded with them, for each mail (see {@link BodyWriter}).
 */
public final class SharedText {

    private final String text;
    /** Where the piece's second line starts, and where its last line break ends: -1 and 0 when it has none. */
    final int firstLine;
    final int lastBreak;
    /** The piece starts or ends in the middle of a surrogate pair: encoded as a whole body only. */
    final boolean splitsAPair;
    // encoded on first use: from the start, and from the second line (the piece starting within a line); set once,
    // to an object that never changes again
    private volatile Object lines;
    private volatile Object linesFromSecond;
    private volatile Boolean htmlSafe;
    private volatile SharedText withoutLastBreak;

    public SharedText(String text) {
        this.text = text;
        int first = text.indexOf('\n');
        this.firstLine = first < 0 ? -1 : first + 1;
        this.lastBreak = text.lastIndexOf('\n') + 1;
        this.splitsAPair = !text.isEmpty()
                && (Character.isLowSurrogate(text.charAt(0)) || Character.isHighSurrogate(text.charAt(text.length() - 1)));
    }

    public String text() {
        return text;
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    public boolean endsWithLineBreak() {
        return text.endsWith("\n");
    }

    /** This piece without its last character, a line break: the last piece of a run whose last break is dropped. */
    public SharedText withoutLastBreak() {
        SharedText shorter = withoutLastBreak;
        if (shorter == null) {
            shorter = new SharedText(text.substring(0, text.length() - 1));
            withoutLastBreak = shorter;
        }
        return shorter;
    }

    /** The quoted-printable of the piece's whole lines, from its start or from its second line. */
    QuotedPrintable.Encoder quoted(boolean fromStart) {
        return lines(fromStart, QuotedPrintable.Encoder.class, from -> {
            QuotedPrintable.Encoder lines = new QuotedPrintable.Encoder(lastBreak - from + ((lastBreak - from) >> 3) + 64);
            lines.chars(text, from, lastBreak);
            lines.trim(); // kept for the run: no room to spare
            return lines;
        });
    }

    /** The 7-bit ASCII HTML of the piece's whole lines, from its start or from its second line. */
    AsciiHtmlAppender ascii(boolean fromStart) {
        return lines(fromStart, AsciiHtmlAppender.class, from -> {
            AsciiHtmlAppender lines = new AsciiHtmlAppender(lastBreak - from + ((lastBreak - from) >> 4) + 64);
            lines.chars(text, from, lastBreak);
            lines.trim();
            return lines;
        });
    }

    /** The whole lines encoded by {@code encode} (given where they start), once: a piece is text or HTML, not both. */
    private <T> T lines(boolean fromStart, Class<T> kind, IntFunction<T> encode) {
        Object known = fromStart ? lines : linesFromSecond;
        if (!kind.isInstance(known)) {
            known = encode.apply(fromStart ? 0 : firstLine);
            if (fromStart) {
                lines = known;
            } else {
                linesFromSecond = known;
            }
        }
        return kind.cast(known);
    }

    /** Whether this piece may be written on its own into an HTML body (see {@link AsciiHtml#keepsRawTextToItself}). */
    boolean htmlSafe() {
        Boolean safe = htmlSafe;
        if (safe == null) {
            safe = AsciiHtml.keepsRawTextToItself(text);
            htmlSafe = safe;
        }
        return safe;
    }
}
