package dev.paperboy.mail;

import dev.paperboy.DkimCheck;
import dev.paperboy.mail.dkim.DkimSigning;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import io.quarkus.runtime.configuration.ConfigurationException;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DKIM signing as composed for the wire: a signature that verifies, covers RFC 8058's headers and keeps the Message-ID. */
class DkimSigningTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    @TempDir
    Path dir;

    private static MailContent digestLike(String subject) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<https://papers.example.org/unsubscribe/abc.def>");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("List-Id", "Paperboy digest <digest.example.org>");
        return new MailContent("ada@example.net", subject, "Plain text, with trailing spaces   \nand ü.\n",
                "<p>HTML with <b>tags</b> and ü</p>", "<digest.1.2026-11-29.7@example.org>", headers, "digest");
    }

    private static byte[] wire(DkimSigning dkim, String feedbackId, MailContent mail) throws Exception {
        MimeMessages messages = new MimeMessages(SESSION, new InternetAddress("Paperboy <digest@example.org>"),
                feedbackId, dkim);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        messages.compose(mail).writeTo(out);
        return out.toByteArray();
    }

    @Test
    void aSignedDigestVerifiesAndKeepsItsMessageId() throws Exception {
        PublicKey publicKey = DkimCheck.newKey(dir.resolve("dkim.pem"));
        DkimSigning dkim = DkimSigning.of("example.org", "pb2026", dir.resolve("dkim.pem"));
        byte[] raw = wire(dkim, "paperboy:example.org", digestLike("Paperboy: 3 new papers for Sunday"));

        DkimCheck.Result result = DkimCheck.verify(raw, publicKey);
        assertTrue(result.valid(), result.why());
        assertEquals("example.org", result.tags().get("d"));
        assertEquals("pb2026", result.tags().get("s"));
        assertTrue(result.signedHeaders().containsAll(java.util.List.of("from", "subject", "list-unsubscribe",
                "list-unsubscribe-post", "list-id", "feedback-id", "message-id")), result.signedHeaders().toString());

        MimeMessage parsed = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        assertEquals("<digest.1.2026-11-29.7@example.org>", parsed.getMessageID(), "the own Message-ID, signed as is");
        assertEquals("digest:paperboy:example.org", parsed.getHeader("Feedback-ID", null));
        assertEquals(1, parsed.getHeader("Message-ID").length);
    }

    @Test
    void aChangedSubjectOrBodyNoLongerVerifies() throws Exception {
        PublicKey publicKey = DkimCheck.newKey(dir.resolve("dkim.pem"));
        DkimSigning dkim = DkimSigning.of("example.org", "pb2026", dir.resolve("dkim.pem"));
        String raw = new String(wire(dkim, null, digestLike("Paperboy: 3 new papers")), StandardCharsets.ISO_8859_1);

        String otherSubject = raw.replace("Subject: Paperboy: 3 new papers", "Subject: Paperboy: 4 new papers");
        assertFalse(DkimCheck.verify(otherSubject.getBytes(StandardCharsets.ISO_8859_1), publicKey).valid());
        String otherBody = raw.replace("and ", "und ");
        assertFalse(DkimCheck.verify(otherBody.getBytes(StandardCharsets.ISO_8859_1), publicKey).valid());
        String noOneClick = raw.replace("List-Unsubscribe=One-Click", "List-Unsubscribe=Two-Clicks");
        assertFalse(DkimCheck.verify(noOneClick.getBytes(StandardCharsets.ISO_8859_1), publicKey).valid());
        PublicKey otherKey = DkimCheck.newKey(dir.resolve("other.pem"));
        assertFalse(DkimCheck.verify(raw.getBytes(StandardCharsets.ISO_8859_1), otherKey).valid());
    }

    @Test
    void withoutSettingsNothingIsSignedAndNoFeedbackIdIsAdded() throws Exception {
        DkimSigning off = DkimSigning.of(null, null, null);
        String raw = new String(wire(off, null, digestLike("Paperboy: 1 new paper")), StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("DKIM-Signature"));
        MimeMessage parsed = new MimeMessage(SESSION, new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
        assertNull(parsed.getHeader("Feedback-ID"));
        assertEquals("<digest.1.2026-11-29.7@example.org>", parsed.getMessageID());
    }

    @Test
    void badSettingsStopTheStartWithTheReason() throws Exception {
        Path pem = dir.resolve("dkim.pem");
        DkimCheck.newKey(pem);
        assertTrue(assertThrows(ConfigurationException.class, () -> DkimSigning.of("example.org", null, pem))
                .getMessage().contains("together"));
        assertTrue(assertThrows(ConfigurationException.class, () -> DkimSigning.of("example.org", "s", dir.resolve("missing.pem")))
                .getMessage().contains("missing.pem"));
        Path pkcs1 = dir.resolve("rsa.pem");
        Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        assertTrue(assertThrows(ConfigurationException.class, () -> DkimSigning.of("example.org", "s", pkcs1))
                .getMessage().contains("openssl pkcs8"));
        assertTrue(assertThrows(ConfigurationException.class, () -> DkimSigning.of("example.org\r\nX: y", "s", pem))
                .getMessage().contains("not a domain"));
    }
}
