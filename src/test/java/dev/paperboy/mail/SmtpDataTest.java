package dev.paperboy.mail;

import org.eclipse.angus.mail.smtp.SMTPOutputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A message's DATA written by {@link SmtpData} is, byte for byte, what Angus' SMTPOutputStream writes for it. */
class SmtpDataTest {

    private static final String[] PIECES = {"a", "word", " ", ".", "..", "\r", "\n", "\r\n", "\n\r", "\r\r\n", "=",
            "-", "\t", "é", "\u00ff", "Subject: x", "\r\n.\r\n", "\n.", ".\n"};

    @Test
    void randomMessagesWrittenInRandomPiecesGoOutAsAngusWritesThem() throws IOException {
        Random random = new Random(20261130);
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(i % 10 == 0 ? 20_000 : 60);
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            byte[] message = text.toString().getBytes(random.nextBoolean() ? StandardCharsets.UTF_8
                    : StandardCharsets.ISO_8859_1);
            long seed = random.nextLong();
            assertArrayEquals(angus(message, new Random(seed)), ours(message, new Random(seed)), "message " + i);
        }
    }

    @Test
    void aMessageOfSeveralBuffersKeepsItsBytes() throws IOException {
        byte[] line = ".a line that starts with a dot, ends bare\n".getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[line.length * 5_000];
        for (int i = 0; i < 5_000; i++) {
            System.arraycopy(line, 0, message, i * line.length, line.length);
        }
        assertArrayEquals(angus(message, new Random(1)), ours(message, new Random(1)));
    }

    @Test
    void theSameStreamServesTheNextMessageFromAFreshStart() throws IOException {
        ByteArrayOutputStream socket = new ByteArrayOutputStream();
        SmtpData data = new SmtpData(socket);
        data.start().write("first\r\nno line end".getBytes(StandardCharsets.US_ASCII));
        data.finish();
        data.start().write(".second\r".getBytes(StandardCharsets.US_ASCII));
        data.finish();
        assertArrayEquals("first\r\nno line end\r\n..second\r\n".getBytes(StandardCharsets.US_ASCII),
                socket.toByteArray());
    }

    @Test
    void theFirstLineEndIsFoundWhateverTheBytesAroundIt() {
        byte[] near = {'\r', '\n', 0, 1, 0x0B, 0x0C, 0x0E, 0x7F, (byte) 0x80, (byte) 0x8A, (byte) 0x8D, (byte) 0xFF, 'a'};
        Random random = new Random(7);
        for (int n = 0; n < 2000; n++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(4) == 0 ? near[random.nextInt(2)] : near[2 + random.nextInt(near.length - 2)];
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            int end = from + random.nextInt(bytes.length - from + 1);
            int expected = from;
            while (expected < end && bytes[expected] != '\r' && bytes[expected] != '\n') {
                expected++;
            }
            assertEquals(expected, SmtpData.lineEnd(bytes, from, end));
        }
    }

    private static byte[] angus(byte[] message, Random cuts) throws IOException {
        ByteArrayOutputStream socket = new ByteArrayOutputStream();
        SMTPOutputStream out = new SMTPOutputStream(socket);
        writeInPieces(out, message, cuts);
        out.ensureAtBOL();
        return socket.toByteArray();
    }

    private static byte[] ours(byte[] message, Random cuts) throws IOException {
        ByteArrayOutputStream socket = new ByteArrayOutputStream();
        SmtpData out = new SmtpData(socket).start();
        writeInPieces(out, message, cuts);
        out.finish();
        return socket.toByteArray();
    }

    /** As Jakarta Mail writes a message: header lines and line ends in small writes, a body at once, single bytes. */
    private static void writeInPieces(OutputStream out, byte[] message, Random cuts) throws IOException {
        int at = 0;
        while (at < message.length) {
            int kind = cuts.nextInt(4);
            if (kind == 0) {
                out.write(message[at++]);
            } else {
                int n = Math.min(message.length - at, kind == 3 ? cuts.nextInt(100_000) : cuts.nextInt(80));
                out.write(message, at, n);
                at += n;
            }
        }
    }
}
