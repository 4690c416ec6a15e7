package dev.paperboy.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paperboy's quoted-printable bytes are Jakarta Mail's, for random bodies, edge cases and real papers. */
class QuotedPrintableTest {

    /** Characters weighted towards what breaks lines and needs escaping: spaces, line ends, '=', non-ASCII. */
    private static final String[] PIECES = {
            "a", "b", "x", "Z", "0", ".", ",", "<", ">", "\"", "'", "&", ";", "~",
            " ", " ", " ", " ", "  ", "\n", "\n", "\r\n", "\r", "\t", "=", "==", " \n", " \r\n", "\t\n",
            "é", "ü", "—", "·", "“", "”", "日", "語", "😀", "\ud800", "\u007f", "\u0000", "\u0007", "\u00a0"};

    @Test
    void encodesRandomBodiesAsJakartaMailDoes() throws IOException {
        Random random = new Random(20261129);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder body = new StringBuilder();
            int length = random.nextInt(i % 10 == 0 ? 4_000 : 300);
            while (body.length() < length) {
                if (random.nextInt(20) == 0) {
                    body.append("w".repeat(random.nextInt(200))); // long runs without a break
                } else {
                    body.append(PIECES[random.nextInt(PIECES.length)]);
                }
            }
            assertSameAsJakarta(body.toString());
        }
    }

    @Test
    void encodesTheEdgesOfALineAsJakartaMailDoes() throws IOException {
        // a space, an escape or a line break landing on each column around the soft break, and at the end
        for (int column = 70; column <= 80; column++) {
            String before = "x".repeat(column);
            for (String edge : List.of(" ", " \n", "=", "é", "\n", "\r\n", "\r", " x", "\t", "  ")) {
                assertSameAsJakarta(before + edge);
                assertSameAsJakarta(before + edge + "y".repeat(80));
                assertSameAsJakarta(before + edge + before + edge);
            }
        }
        for (String body : List.of("", " ", "\n", "=", "é", " \r", "\r\n\r\n", "\n\r")) {
            assertSameAsJakarta(body);
        }
    }

    @Test
    void encodesTheSamplePapersAsJakartaMailDoes() throws IOException {
        List<String> bodies = new ArrayList<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("sample/trending-papers.json")) {
            JsonNode papers = new ObjectMapper().readTree(in);
            StringBuilder all = new StringBuilder();
            for (JsonNode paper : papers) {
                String text = paper.get("title").asText() + "\n\n" + paper.get("abstract").asText();
                bodies.add(text);
                bodies.add("<p style=\"margin:0\">" + text.replace("\n", " ") + "</p>\n");
                bodies.add(TextWrap.wrapped(text, 3) + "\n");
                all.append(text).append('\n');
            }
            bodies.add(all.toString());
        }
        assertEquals(62 * 3 + 1, bodies.size());
        for (String body : bodies) {
            assertSameAsJakarta(body);
        }
    }

    @Test
    void encodesInTheSamePassOnlyTheBodiesForWhichJakartaMailChoosesQuotedPrintable() throws IOException {
        // plain ASCII (7bit unless a line passes 998 bytes), mostly ASCII (quoted-printable), mostly not (base64)
        String[][] alphabets = {{"a", "b", " ", "\n", "\r\n", "\t", "=", "."},
                {"a", "b", " ", "\n", "=", "é", "“", "😀", "\u0007", "\ud800"},
                {"日", "語", "😀", "é", " ", "\n", "a", "\u007f"}};
        Random random = new Random(20261129);
        int quotedPrintable = 0;
        for (int i = 0; i < 3_000; i++) {
            String[] alphabet = alphabets[i % alphabets.length];
            StringBuilder body = new StringBuilder();
            int length = random.nextInt(i % 7 == 0 ? 3_000 : 200);
            while (body.length() < length) {
                body.append(random.nextInt(30) == 0 ? "w".repeat(random.nextInt(1_100))
                        : alphabet[random.nextInt(alphabet.length)]);
            }
            String text = body.toString();
            String chosen = MimeUtility.getEncoding(new DataHandler(text, "text/plain; charset=UTF-8"));
            byte[] encoded = QuotedPrintable.encodeIfChosen(text);
            if (chosen.equals(TransferEncoding.QUOTED_PRINTABLE)) {
                quotedPrintable++;
                assertArrayEquals(QuotedPrintable.encode(text), encoded, () -> escape(text));
            } else {
                assertNull(encoded, () -> chosen + ": " + escape(text));
            }
        }
        assertTrue(quotedPrintable > 500 && quotedPrintable < 2_500, "quoted-printable " + quotedPrintable);
        // as many bytes past ASCII as plain ones is base64, one plain byte more is quoted-printable
        assertEquals("base64", MimeUtility.getEncoding(new DataHandler("éab", "text/plain; charset=UTF-8")));
        assertNull(QuotedPrintable.encodeIfChosen("éab"));
        assertArrayEquals(QuotedPrintable.encode("éabc"), QuotedPrintable.encodeIfChosen("éabc"));
    }

    @Test
    void aQuotedPrintablePartIsWrittenAsJakartaMailWritesItFromTheString() throws Exception {
        List<String> bodies = List.of(
                "A title with an accent: café, and a line of spaces    \nthen = signs == and — dashes\n",
                "x".repeat(1_200) + " trailing \n",
                "<p style=\"margin:0\">" + "Ünïcödé in HTML, with a space at the end ".repeat(60) + "</p> ");
        for (String body : bodies) {
            for (String subtype : List.of("plain", "html")) {
                assertEquals(TransferEncoding.QUOTED_PRINTABLE, TransferEncoding.of(body));
                Part jakarta = new Part();
                jakarta.setText(body, "UTF-8", subtype);
                jakarta.setHeader("Content-Transfer-Encoding", "quoted-printable");
                byte[] here = written(MimeMessages.textPart(body, subtype));
                assertArrayEquals(written(jakarta), here, () -> new String(here, StandardCharsets.UTF_8));
            }
        }
    }

    private static void assertSameAsJakarta(String body) throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (OutputStream encoder = MimeUtility.encode(expected, "quoted-printable")) {
            encoder.write(body.getBytes(StandardCharsets.UTF_8));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        byte[] actual = QuotedPrintable.encode(body);
        assertArrayEquals(expected.toByteArray(), actual, () -> "body " + escape(body) + "\nexpected "
                + escape(expected.toString(StandardCharsets.UTF_8)) + "\nactual   "
                + escape(new String(actual, StandardCharsets.UTF_8)));
    }

    private static String escape(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static byte[] written(MimeBodyPart part) {
        try {
            if (part instanceof Part own) {
                own.save();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            part.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A body part saved as a message saves it before writing. */
    private static final class Part extends MimeBodyPart {
        void save() throws MessagingException {
            updateHeaders();
        }
    }
}
