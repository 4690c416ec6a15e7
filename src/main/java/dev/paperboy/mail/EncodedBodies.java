package dev.paperboy.mail;

/**
 * A mail's two bodies encoded as their parts carry them, once for both measuring the mail and sending it: the text
 * as quoted-printable and the HTML as 7-bit ASCII, each null when it is left to Jakarta Mail instead (a text plain
 * enough for 7bit or mostly past ASCII; HTML that cannot be written in ASCII).
 */
record EncodedBodies(byte[] text, byte[] html) {

    static EncodedBodies of(String text, String html) {
        return new EncodedBodies(QuotedPrintable.encodeIfChosen(text), AsciiHtml.encode(html));
    }
}
