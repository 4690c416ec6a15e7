package dev.paperboy.mail;

/**
 * A mail body encoded as it goes out, written piece by piece: the pieces many mails share ({@link SharedText}) bring
 * their whole lines already encoded, and only the lines that hold this mail's own values are encoded here. The text
 * is quoted-printable, the HTML 7-bit ASCII: the same bytes, and the same choice of transfer encoding, as encoding the
 * whole body at once. Where that cannot be shown for a piece (a line too long, a control character, a style sheet left
 * open, a {@code <} in a value of the HTML), the writer gives up, and the whole body is encoded instead.
 */
public final class BodyWriter {

    private final QuotedPrintable.Encoder text;
    private final AsciiHtmlAppender html;
    private boolean gaveUp;

    private BodyWriter(QuotedPrintable.Encoder text, AsciiHtmlAppender html) {
        this.text = text;
        this.html = html;
    }

    /** A text body, quoted-printable. */
    public static BodyWriter text(int size) {
        return new BodyWriter(new QuotedPrintable.Encoder(size), null);
    }

    /** An HTML body, in 7-bit ASCII. */
    public static BodyWriter html(int size) {
        return new BodyWriter(null, new AsciiHtmlAppender(size));
    }

    /** A value of this mail's own, encoded here. */
    public void fresh(String value) {
        if (gaveUp || value.isEmpty()) {
            return;
        }
        if (Character.isLowSurrogate(value.charAt(0)) || Character.isHighSurrogate(value.charAt(value.length() - 1))
                || html != null && value.indexOf('<') >= 0) {
            gaveUp = true;
            return;
        }
        chars(value, 0, value.length());
    }

    /** A piece many mails share: its whole lines as encoded once, the rest with the lines of the values around it. */
    public void shared(SharedText piece) {
        if (gaveUp || piece.isEmpty()) {
            return;
        }
        if (piece.splitsAPair || html != null && !piece.htmlSafe()) {
            gaveUp = true;
            return;
        }
        String value = piece.text();
        if (piece.lastBreak == 0) {
            chars(value, 0, value.length());
            return;
        }
        boolean fromStart = text != null ? text.atLineStart() : html.atLineStart();
        if (!fromStart) {
            chars(value, 0, piece.firstLine);
        }
        if (fromStart || piece.firstLine < piece.lastBreak) {
            if (text != null) {
                text.lines(piece.quoted(fromStart));
            } else {
                AsciiHtmlAppender lines = piece.ascii(fromStart);
                if (lines.failed()) {
                    gaveUp = true;
                    return;
                }
                html.lines(lines);
            }
        }
        chars(value, piece.lastBreak, value.length());
    }

    private void chars(String value, int from, int to) {
        if (text != null) {
            text.chars(value, from, to);
        } else {
            html.chars(value, from, to);
            gaveUp = html.failed();
        }
    }

    /** Whether the body could be written here: else it is encoded whole. */
    public boolean wrote() {
        return !gaveUp;
    }

    /** The text's quoted-printable, or null when Jakarta Mail would choose another encoding for it. */
    byte[] quotedPrintable() {
        return text.chosen();
    }

    /** The HTML's ASCII bytes. */
    byte[] ascii() {
        return html.bytes();
    }
}
