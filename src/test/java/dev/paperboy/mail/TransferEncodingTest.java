package dev.paperboy.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The transfer encoding chosen from the string is Jakarta Mail's own choice, and the part is written the same. */
class TransferEncodingTest {

    private static final List<String> BODIES = List.of(
            "",
            "plain ascii\nwith two lines\n",
            "tabs\tand\r\nCRLF line ends\r\n",
            "a line of exactly 998 bytes: " + "x".repeat(998 - 29) + "\nthen more",
            "a line of 999 bytes: " + "x".repeat(999 - 21) + "\n",
            "one em dash — in ascii text",
            "a dash — at the end of a line of 998 bytes " + "y".repeat(940) + "\n",
            "Ünïcödé ëvërÿwhérè ñ",
            "日本語のテキストだけ",
            "emoji 😀 among words, and a lone \ud800 surrogate",
            "DEL \u007f and a bell \u0007 are not plain",
            "<p style=\"margin:0\">" + "A title with an accent: café. ".repeat(200) + "</p>");

    @Test
    void choosesWhatJakartaMailChoosesForEveryKindOfBody() {
        for (String body : BODIES) {
            for (String type : List.of("text/plain; charset=UTF-8", "text/html; charset=UTF-8")) {
                assertEquals(MimeUtility.getEncoding(new DataHandler(body, type)), TransferEncoding.of(body),
                        () -> "encoding of " + body.substring(0, Math.min(40, body.length())));
            }
        }
    }

    @Test
    void aPartWithTheEncodingSetIsWrittenByteForByteAsJakartaMailWritesItAlone() throws Exception {
        for (String body : BODIES) {
            for (String subtype : List.of("plain", "html")) {
                Part chosenByJakarta = new Part();
                chosenByJakarta.setText(body, "UTF-8", subtype);
                Part chosenHere = new Part();
                chosenHere.setText(body, "UTF-8", subtype);
                chosenHere.setHeader("Content-Transfer-Encoding", TransferEncoding.of(body));
                assertArrayEquals(written(chosenByJakarta), written(chosenHere),
                        () -> new String(bytes(chosenHere), StandardCharsets.UTF_8));
            }
        }
    }

    private static byte[] written(Part part) throws MessagingException, IOException {
        part.save();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] bytes(Part part) {
        try {
            return written(part);
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
