package dev.paperboy.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A message's DATA as Angus' {@code SMTPOutputStream} writes it (every line ending made CRLF, a dot starting a line
 * doubled), in the same bytes, gathered in one buffer and written to the socket in large writes. Angus' stream looks
 * at each byte twice (its dots, then its {@code CRLFOutputStream}'s line endings, keeping the last byte in a field)
 * and hands each line to a synchronized {@code BufferedOutputStream} of 8 KB: about a fifth of a sender's time.
 */
final class SmtpData extends OutputStream {

    private static final int CHUNK = 64 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
    private static final long CRS = 0x0D0D0D0D0D0D0D0DL;

    private final OutputStream socket;
    private final byte[] buffer = new byte[CHUNK];
    private int filled;
    /** The last byte given (signed, as Angus keeps it); -1 before the first, read as a line just ended. */
    private int last = -1;
    private boolean atLineStart = true;

    SmtpData(OutputStream socket) {
        this.socket = socket;
    }

    /** Ready for the next message on the same connection. */
    SmtpData start() {
        filled = 0;
        last = -1;
        atLineStart = true;
        return this;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int end = off + len;
        int from = off;
        int previous = last == -1 ? '\n' : last;
        int i = off;
        while (i < end) {
            if (b[i] == '.' && (previous == '\n' || previous == '\r')) {
                put(b, from, i - from);
                dot();
                from = i; // the dot itself follows the one added
            }
            int at = lineEnd(b, i, end);
            if (at == end) {
                previous = b[end - 1];
                break;
            }
            int c = b[at];
            if (at > i) {
                previous = b[at - 1];
            }
            put(b, from, at - from);
            if (c == '\r' || previous != '\r') {
                crlf();
            }
            from = at + 1;
            previous = c;
            i = at + 1;
        }
        if (end > from) {
            put(b, from, end - from);
            atLineStart = false;
        }
        last = previous;
    }

    /**
     * The index of the first CR or LF in {@code b[from, end)}, or {@code end}: eight bytes a step, as most of a
     * message is runs of 70-odd bytes between line ends, and a byte at a time was a tenth of a sender's time.
     */
    static int lineEnd(byte[] b, int from, int end) {
        int i = from;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long word = (long) LONGS.get(b, i);
            long found = zeroByte(word ^ LFS) | zeroByte(word ^ CRS);
            if (found != 0) {
                // the lowest flag marks a true zero byte (a false one only follows a true one): the first CR or LF
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < end; i++) {
            if (b[i] == '\r' || b[i] == '\n') {
                return i;
            }
        }
        return end;
    }

    /** A flag (the byte's high bit) on each zero byte of {@code x}, and possibly on bytes above the lowest zero. */
    private static long zeroByte(long x) {
        return (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
    }

    /** The message's end: a line ending if its last line has none, and everything to the socket. */
    void finish() throws IOException {
        if (!atLineStart) {
            crlf();
        }
        drain();
    }

    private void put(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (filled == CHUNK) {
                drain();
            }
            int n = Math.min(len, CHUNK - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    private void crlf() throws IOException {
        if (filled + 2 > CHUNK) {
            drain();
        }
        buffer[filled++] = '\r';
        buffer[filled++] = '\n';
        atLineStart = true;
    }

    private void dot() throws IOException {
        if (filled == CHUNK) {
            drain();
        }
        buffer[filled++] = '.';
    }

    private void drain() throws IOException {
        if (filled > 0) {
            socket.write(buffer, 0, filled);
            filled = 0;
        }
    }
}
