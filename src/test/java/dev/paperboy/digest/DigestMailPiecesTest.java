package dev.paperboy.digest;

import dev.paperboy.mail.BodyWriter;
import dev.paperboy.mail.MailContent;
import dev.paperboy.mail.MailGateway;
import dev.paperboy.subscriber.Subscriber;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A digest mail written from its pieces (each paper's block and the layout's stretches encoded once, for every mail
 * that carries them) is, byte for byte, the message made from its whole bodies: random digests with hostile text
 * (line breaks of every kind, controls, surrogates, style sheets and scripts, long lines, text mostly past ASCII),
 * the text part's choice of transfer encoding, and the cut to what fits under 100 KB with "N more" on the web.
 */
@QuarkusTest
class DigestMailPiecesTest {

    private static final String BASE = "https://papers.example.org";
    private static final String[] WORDS = {"graph", "neural", "networks", " ", " ", " ", "  ", "\n", "\r\n", "\r",
            "\n\n", " \n", "\t", "=", "==", ".", "..", "-", "é", "“", "”", "…", "·", "日本語", "😀", "\uD83D", "\uDE00",
            "<b>", "</b>", "&amp;", "<", ">", "\"", "'", "\u0001", "\u007f", "\u0085", "<style>", "</style>",
            "<script>", "</script>", "<pre>", "white-space", "<sty", "</scr", "x".repeat(1_100),
            "word ".repeat(230), "http://example.org/?a=1&b=2"};

    @Inject
    DigestMail mail;

    @Inject
    MailGateway gateway;

    @Test
    void randomDigestsWrittenFromTheirPiecesAreTheMessagesOfTheirWholeBodies() throws Exception {
        Random random = new Random(20261129);
        int written = 0;
        int cut = 0;
        int notQuoted = 0;
        for (int i = 0; i < 400; i++) {
            // few papers, so that most blocks come back from the ones remembered, under other numbers and links
            List<DigestView.Item> papers = new ArrayList<>();
            int count = random.nextInt(8) == 0 ? random.nextInt(2) : 1 + random.nextInt(i % 25 == 0 ? 40 : 12);
            boolean big = i % 25 == 0;
            boolean foreign = i % 17 == 0;
            for (int p = 1; p <= count; p++) {
                papers.add(item(random, p, random.nextInt(i % 3 == 0 ? 40 : 8), big, foreign, random.nextInt(5) != 0));
            }
            String email = "reader" + i + (random.nextInt(10) == 0 ? "+o'b\"r&<i>@example.org" : "@example.org");
            String period = random.nextBoolean() ? "Sunday 29 November 2026" : "week 48 · “2026”";
            DigestView view = new DigestView(email, period, papers, random.nextInt(10) == 0 ? null : BASE + "/digests/v" + i,
                    BASE + "/preferences/p" + i, BASE + "/unsubscribe/u" + i, BASE + "/", null,
                    random.nextInt(3) == 0 ? random.nextInt(40) : 0);
            Subscriber subscriber = new Subscriber();
            subscriber.id = 5_000_000L + i;
            subscriber.email = email.replaceAll("[^a-z0-9@.]", "");
            subscriber.papers = 5 + random.nextInt(26);
            Digest digest = new Digest();
            digest.id = 7_000_000L + i;
            digest.period = "2026-11-29";

            MailContent pieces = mail.compose(digest, subscriber, view, true);
            MailContent whole = mail.compose(digest, subscriber, view, false);
            assertEquals(normalized(gateway.written(whole)), normalized(gateway.written(pieces)), "mail " + i);
            assertEquals(whole.text(), pieces.text(), "mail " + i);
            assertEquals(whole.html(), pieces.html(), "mail " + i);

            DigestView shown = view.papers().size() > subscriber.papers ? view.firstPapers(subscriber.papers) : view;
            BodyWriter text = BodyWriter.text(1_000);
            BodyWriter html = BodyWriter.html(1_000);
            if (mail.write(shown, text, html) && text.wrote() && html.wrote()) {
                written++;
            }
            cut += pieces.text().contains(" more papers on the web:") ? 1 : 0;
            notQuoted += new String(gateway.written(pieces), StandardCharsets.ISO_8859_1)
                    .contains("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted") ? 0 : 1;
        }
        // the comparison covers mails written from pieces, mails that went whole, cut mails and other encodings
        assertTrue(written > 100, "written from pieces: " + written);
        assertTrue(written < 400, "written from pieces: " + written);
        assertTrue(cut > 3, "cut to fit: " + cut);
        assertTrue(notQuoted > 3, "text parts not quoted-printable: " + notQuoted);
    }

    private static DigestView.Item item(Random random, int number, int seed, boolean big, boolean foreign,
                                        boolean feedback) {
        Random paper = new Random(seed * 31L + (big ? 1 : 0) + (foreign ? 2 : 0));
        String title = text(paper, 3 + paper.nextInt(12), false) + " " + seed;
        String summary = big ? ("Δ ≤ ünïcödé 😀 sediment " + seed + " ").repeat(200)
                : foreign ? "日本語の要約です。".repeat(20 + paper.nextInt(40)) : text(paper, 10 + paper.nextInt(80), seed % 7 == 0);
        String reason = "Matches “" + text(paper, 1 + paper.nextInt(4), false) + "”: graph in the title";
        String authors = paper.nextInt(3) == 0 ? "" : "Ada Lovelace, Alan Turing" + (seed % 2 == 0 ? " and 4 more" : "");
        String link = seed % 2 == 0 ? "https://arxiv.org/abs/2611.0" + (1000 + seed)
                : "https://arxiv.org/search/?searchtype=title&query=" + seed;
        // the HTML as its views give it: escaped, with the interest's words marked; here also raw, now and then
        String titleHtml = seed % 5 == 0 ? title : escape(title).replace("graph", "<mark>graph</mark>");
        String summaryHtml = seed % 5 == 0 ? summary : escape(summary).replace("graph", "<mark>graph</mark>");
        return new DigestView.Item(number, 9_000_000L + seed * 4L + (big ? 1 : 0) + (foreign ? 2 : 0), title,
                titleHtml, authors, summary, summaryHtml, link, reason, seed % 4 == 1,
                feedback ? BASE + "/feedback/m" + seed + ".AbC-dEf_" + number + random.nextInt(1000) : null,
                feedback ? BASE + "/feedback/l" + seed + ".XyZ-wVu_" + number : null);
    }

    private static String text(Random random, int words, boolean hostile) {
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = WORDS[random.nextInt(hostile ? WORDS.length : 26)];
            out.append(word).append(random.nextInt(3) == 0 ? "" : " ");
        }
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"([^\"]+)\"");

    /**
     * The message with its boundary replaced, and its Date (composed a second apart, maybe) and DKIM signature (over
     * that Date and boundary) left out.
     */
    private static String normalized(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        Matcher boundary = BOUNDARY.matcher(text);
        if (boundary.find()) {
            text = text.replace(boundary.group(1), "BOUNDARY");
        }
        return text.replaceFirst("Date: [^\r]*\r\n", "").replaceFirst("DKIM-Signature: [^\r]*\r\n(?:[ \t][^\r]*\r\n)*", "");
    }
}
