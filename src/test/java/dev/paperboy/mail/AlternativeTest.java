package dev.paperboy.mail;

import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A message whose multipart Paperboy writes itself is, byte for byte, the one Jakarta Mail builds from the same parts. */
class AlternativeTest {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final String[] PIECES = {"a", "word", " ", "\n", "\n\n", "=", ".", "..", "-", "--", "é", "“", "”",
            "…", "日本", "😀", "<b>", "&amp;", "\t", "http://example.org/?a=1&b=2"};

    @Test
    void randomMailsAreWrittenAsJakartaMailWritesThem() throws Exception {
        MimeMessages messages = new MimeMessages(SESSION, new InternetAddress("Paperboy <digest@example.org>"),
                "paperboy:example.org", dev.paperboy.mail.dkim.DkimSigning.of(null, null, null));
        Random random = new Random(20261129);
        int written = 0;
        for (int i = 0; i < 300; i++) {
            MailContent mail = mail(random, i);
            MimeMessage ours = messages.composeUnsigned(mail, true);
            MimeMessage jakarta = messages.composeUnsigned(mail, false);
            byte[] expected = bytes(jakarta);
            byte[] actual = bytes(ours);
            EncodedBodies bodies = mail.encoded();
            if (bodies.text() != null && bodies.html() != null) {
                written++;
                String boundary = new ContentType(ours.getContentType()).getParameter("boundary");
                String theirs = new ContentType(jakarta.getContentType()).getParameter("boundary");
                assertFalse(new String(expected, StandardCharsets.ISO_8859_1).replace(theirs, "").contains("=_Part_"));
                assertEquals(normalized(expected, theirs, boundary), normalized(actual, boundary, boundary),
                        "mail " + i);
                MimeMultipart parts = (MimeMultipart) new MimeMessage(SESSION, new ByteArrayInputStream(actual))
                        .getContent();
                assertEquals(2, parts.getCount());
                assertEquals(mail.text(), parts.getBodyPart(0).getContent().toString().replace("\r\n", "\n"));
                assertEquals("text/html; charset=UTF-8", parts.getBodyPart(1).getContentType());
            } else {
                assertEquals(normalized(expected, "", ""), normalized(actual, "", ""), "mail " + i + " (not written)");
            }
        }
        assertEquals(300, written, "every mail of these has parts Paperboy encodes");
    }

    @Test
    void theFromHeaderIsTheOneSetFromWrites() throws Exception {
        for (String sender : new String[] {"digest@example.org", "Paperboy <digest@example.org>",
                "\"Paper, boy\" <digest@example.org>", "Päperböy — digests of “papers” for a long line <digest@example.org>"}) {
            InternetAddress from = new InternetAddress(sender, true);
            MimeMessages messages = new MimeMessages(SESSION, from, null,
                    dev.paperboy.mail.dkim.DkimSigning.of(null, null, null));
            MimeMessage reference = new MimeMessage(SESSION);
            reference.setFrom(from);
            MimeMessage ours = messages.compose(mail(new Random(1), 1));
            assertEquals(reference.getHeader("From", null), ours.getHeader("From", null), sender);
            assertEquals(from, ours.getFrom()[0]);
        }
    }

    private static MailContent mail(Random random, int i) {
        StringBuilder text = new StringBuilder("Paperboy\n");
        StringBuilder html = new StringBuilder("<html><body><p>");
        int length = 200 + random.nextInt(i % 10 == 0 ? 20_000 : 2_000);
        while (text.length() < length) {
            String piece = PIECES[random.nextInt(PIECES.length)];
            text.append(piece);
            html.append(piece.equals("\n\n") ? "</p>\n<p>" : piece);
        }
        html.append("</p></body></html>");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<https://papers.example.org/unsubscribe/tok" + i + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return new MailContent("ada" + i + "@example.net", "Paperboy: " + i + " new papers — “quoted”", text.toString(),
                html.toString(), "<digest." + i + "@example.org>", headers, "digest");
    }

    private static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** The message with its boundary replaced and its Date (composed a second apart, maybe) left out. */
    private static String normalized(byte[] message, String boundary, String replacement) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        assertNotNull(text);
        if (!boundary.isEmpty()) {
            text = text.replace(boundary, replacement);
        }
        return text.replaceFirst("Date: [^\r]*\r\n", "");
    }
}
