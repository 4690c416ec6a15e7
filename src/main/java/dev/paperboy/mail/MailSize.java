package dev.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.IntFunction;

/**
 * Keeps a mail under the size at which Gmail clips it (about 102 KB), which would hide what comes last: the footer
 * with the unsubscribe link. Sizes are measured on the encoded message, as it goes over the wire.
 */
public final class MailSize {

    /** The most a whole encoded message may weigh as it leaves Paperboy, headers and signature included. */
    public static final int LIMIT = 100_000;

    /** Room kept for what is added after measuring: the DKIM-Signature header (about 600 bytes with a 2048-bit key). */
    static final int SIGNATURE_ROOM = 1_500;

    private MailSize() {
    }

    /**
     * The mail showing the most leading items that still fits: {@code withFirst.apply(n)} is the mail with the first
     * {@code n} of {@code count} items. All of them when they fit (one measure, the usual case), else the largest
     * {@code n} found by halving, down to none.
     */
    static MailContent largestFitting(MimeMessages messages, IntFunction<MailContent> withFirst, int count) {
        return largestFitting(messages, withFirst, count, withFirst.apply(count));
    }

    /** As {@link #largestFitting(MimeMessages, IntFunction, int)}, with the mail of all {@code count} items made. */
    static MailContent largestFitting(MimeMessages messages, IntFunction<MailContent> withFirst, int count,
                                      MailContent all) {
        if (fits(messages, all)) {
            return all;
        }
        MailContent best = null;
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            MailContent candidate = withFirst.apply(middle);
            if (fits(messages, candidate)) {
                best = candidate;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return best != null ? best : withFirst.apply(0);
    }

    static boolean fits(MimeMessages messages, MailContent mail) {
        return surelyFits(mail) || encodedSize(messages, mail) <= LIMIT - SIGNATURE_ROOM;
    }

    /**
     * True when the message surely fits, so the usual digest is not composed twice: the bodies Paperboy encodes itself
     * count their bytes, as they go out; a body left to Jakarta Mail counts its worst encoding, 3 bytes for each of its
     * UTF-8 bytes plus a 3-byte soft break every 76 (base64 takes less); the headers are Paperboy's own few lines.
     */
    static boolean surelyFits(MailContent mail) {
        EncodedBodies bodies = mail.encoded();
        long body = (bodies.text() != null ? bodies.text().length : worst(mail.text()))
                + (bodies.html() != null ? bodies.html().length : worst(mail.html()));
        long values = utf8Length(mail.subject()) + mail.to().length();
        for (String value : mail.headers().values()) {
            values += value.length();
        }
        return body + 2_000L + 3L * values <= LIMIT - SIGNATURE_ROOM;
    }

    private static long worst(String body) {
        return utf8Length(body) * 3 * 79 / 76;
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** The encoded size of the unsigned message, in bytes; a mail that cannot be built counts as fitting (it fails later, with its reason). */
    static long encodedSize(MimeMessages messages, MailContent mail) {
        try {
            MimeMessage message = messages.composeUnsigned(mail);
            Counter counter = new Counter();
            message.writeTo(counter);
            return counter.bytes;
        } catch (MessagingException | IOException e) {
            return 0;
        }
    }

    private static final class Counter extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
