package dev.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTML part in 7-bit ASCII shows what the HTML it came from shows, and HTML it cannot write so goes as before. */
class AsciiHtmlTest {

    private static final String[] PIECES = {
            "<p>", "</p>", "<a href=\"https://example.org/p?a=1&amp;b=2\" style=\"color:#1f5fbf;\">", "</a>",
            "<td class=\"pb-why\" style=\"margin:0 0 10px;font-size:13px;\">", "</td>", "<mark>", "</mark>", "&amp;",
            "&lt;", "&#8203;&nbsp;", "a", "b", "word", "Seagrass", "0", ".", ",", ";", "=", "'", "\"", "\t",
            " ", " ", " ", " ", " ", "  ", "\n", "\n", "\r\n", "\r",
            "é", "ü", "—", "·", "“", "”", "日", "語", "😀", "\u00a0", "\u2028", "Σ≤∞"};

    /** What a browser shows of an HTML body: its parsed document, white space runs as one space. */
    private static String shown(String html) {
        return Jsoup.parse(html).html().replaceAll("\\s+", " ");
    }

    private static String ascii(String html) {
        byte[] bytes = AsciiHtml.encode(html);
        assertNotNull(bytes, () -> "not written in ASCII: " + html.substring(0, Math.min(200, html.length())));
        String written = new String(bytes, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            assertTrue(c < 0x80, "ASCII only");
            assertTrue(c != '\r' || i + 1 < written.length() && written.charAt(i + 1) == '\n', "CR only before LF");
            assertTrue(c != '\n' || i > 0 && written.charAt(i - 1) == '\r', "LF only after CR");
        }
        for (String line : written.split("\r\n", -1)) {
            assertTrue(line.length() <= 998, "a line of " + line.length() + " octets");
        }
        return written;
    }

    @Test
    void randomHtmlIsShownTheSameFromItsAsciiBytes() {
        Random random = new Random(20261129);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder html = new StringBuilder();
            int length = random.nextInt(i % 10 == 0 ? 6_000 : 400);
            while (html.length() < length) {
                html.append(PIECES[random.nextInt(PIECES.length)]);
            }
            assertEquals(shown(html.toString()), shown(ascii(html.toString())), html::toString);
        }
    }

    @Test
    void longLinesEndAtASpaceAndShowTheSame() {
        String html = "<p style=\"margin:0\">" + "A title with an accent: café “quoted”. ".repeat(200) + "</p>\n"
                + "<div>" + "x".repeat(990) + " " + "é".repeat(3) + " tail</div>";
        String written = ascii(html);
        assertTrue(written.lines().count() > 9, "broken into lines: " + written.lines().count());
        assertEquals(shown(html), shown(written));
        String ascii = "<p>" + "plain words only ".repeat(400) + "</p>";
        assertTrue(ascii(ascii).lines().count() >= 7, "one run of plain ASCII, ended many times");
        assertEquals(shown(ascii), shown(ascii(ascii)));
        String edge = "x".repeat(998) + " y";
        assertEquals("x".repeat(998) + "\r\ny", ascii(edge), "998 octets stay on their line, the space ends it");
        assertNull(AsciiHtml.encode("x".repeat(999) + " y"), "999 octets with no space among them");
    }

    @Test
    void theReferenceDigestMailsAreWrittenInAscii() throws IOException {
        for (String name : new String[] {"personal", "test", "empty"}) {
            String html = reference("digest-" + name + ".html");
            String written = ascii(html);
            assertTrue(written.contains("&#8220;") || written.contains("&#183;"), name + " had characters past ASCII");
            assertEquals(shown(html), shown(written), name);
        }
    }

    @Test
    void htmlThatCannotBeWrittenInAsciiIsLeftToQuotedPrintable() throws Exception {
        String[] bodies = {
                "<style>p::before { content: \"→\"; }</style><p>é</p>", // a reference means nothing in a style sheet
                "<script>var s = \"é\";</script>",
                "<p>a bell \u0007 rings</p>",
                "<p>a C1 control \u0085 would read as …</p>",
                "<p>" + "w".repeat(1_200) + "</p>", // no space to end the line at
                "<pre>" + "line with spaces ".repeat(80) + "</pre>"};
        for (String body : bodies) {
            assertNull(AsciiHtml.encode(body), body);
            MimeBodyPart part = MimeMessages.htmlPart(body);
            assertEquals(TransferEncoding.of(body), part.getEncoding(), body);
            assertEquals(body.replace("\r\n", "\n"), ((String) part.getContent()).replace("\r\n", "\n"));
        }
        assertNotNull(AsciiHtml.encode("<style>p { color: red; }</style><p>é</p>"), "ASCII style, text past it");
    }

    @Test
    void theHtmlPartIsSevenBitWithItsAsciiBytes() throws Exception {
        String html = "<p>Matches “seagrass”: café — 😀 and a lone \ud800 surrogate</p>\n";
        MimeBodyPart part = MimeMessages.htmlPart(html);
        assertEquals("7bit", part.getEncoding());
        assertEquals("text/html; charset=UTF-8", part.getContentType());
        assertEquals("<p>Matches &#8220;seagrass&#8221;: caf&#233; &#8212; &#128512; and a lone ? surrogate</p>\r\n",
                part.getContent());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part.writeTo(out);
        assertTrue(out.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n" + part.getContent()), out::toString);
    }

    private static String reference(String name) throws IOException {
        try (InputStream in = AsciiHtmlTest.class.getResourceAsStream("/mail-reference/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
