package dev.paperboy.mail;

import dev.paperboy.DkimCheck;
import dev.paperboy.mail.dkim.DkimSigning;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The size cap on its own: the most leading items that fit, measured on the signed message as it goes out. */
class MailSizeTest {

    @TempDir
    Path dir;

    /** Items hostile to size: characters that HTML escaping and quoted-printable both blow up. */
    private static IntFunction<MailContent> mailWith(int itemSize) {
        String item = "<&>\"' Σ≤∞ 😀 ".repeat(itemSize / 13);
        return n -> {
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            for (int i = 0; i < n; i++) {
                text.append(i).append(". ").append(item).append('\n');
                html.append("<p>").append(item.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")).append("</p>");
            }
            text.append("footer: unsubscribe");
            html.append("<p>footer: unsubscribe</p>");
            return new MailContent("ada@example.net", "Paperboy: " + n, text.toString(), html.toString(),
                    "<digest.1.2026-11-29.7@example.org>", Map.of("List-Id", "Paperboy digest <digest.example.org>"),
                    "digest");
        };
    }

    private MimeMessages messages() {
        DkimCheck.newKey(dir.resolve("k.pem"));
        return new MimeMessages(Session.getInstance(new Properties()), addressOf("digest@example.org"), "pb:tests",
                DkimSigning.of("example.org", "s1", dir.resolve("k.pem")));
    }

    private static InternetAddress addressOf(String address) {
        try {
            return new InternetAddress(address);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long signedSize(MimeMessages messages, MailContent mail) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        messages.compose(mail).writeTo(out);
        return out.size();
    }

    @Test
    void aMailThatFitsIsLeftWhole() throws Exception {
        MimeMessages messages = messages();
        MailContent mail = MailSize.largestFitting(messages, mailWith(500), 20);
        assertEquals("Paperboy: 20", mail.subject());
    }

    @Test
    void aMailTooLargeKeepsTheMostItemsThatFitWithItsSignature() throws Exception {
        MimeMessages messages = messages();
        IntFunction<MailContent> withFirst = mailWith(2_000);
        MailContent mail = MailSize.largestFitting(messages, withFirst, 200);
        int shown = Integer.parseInt(mail.subject().substring("Paperboy: ".length()));
        assertTrue(shown > 0 && shown < 200, "shown " + shown);
        assertTrue(signedSize(messages, mail) <= MailSize.LIMIT, "signed size " + signedSize(messages, mail));
        assertTrue(signedSize(messages, withFirst.apply(shown + 1)) > MailSize.LIMIT - MailSize.SIGNATURE_ROOM,
                "one more item would not have fitted");
        assertTrue(mail.text().endsWith("footer: unsubscribe"));
    }

    @Test
    void whenNotEvenOneItemFitsNoneIsShown() throws Exception {
        MailContent mail = MailSize.largestFitting(messages(), mailWith(120_000), 3);
        assertEquals("Paperboy: 0", mail.subject());
    }

    @Test
    void theQuickBoundNeverCallsFitWhatDoesNot() throws Exception {
        MimeMessages messages = messages();
        for (int items = 0; items <= 60; items += 3) {
            MailContent mail = mailWith(500).apply(items);
            if (MailSize.surelyFits(mail)) {
                assertTrue(signedSize(messages, mail) <= MailSize.LIMIT, items + " items");
            }
        }
        assertTrue(MailSize.surelyFits(mailWith(500).apply(3)), "a small mail is not encoded to be measured");
    }
}
