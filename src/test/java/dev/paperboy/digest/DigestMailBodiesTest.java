package dev.paperboy.digest;

import dev.paperboy.mail.MailBodies;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A digest mail made from papers' blocks rendered once is byte for byte the mail the templates make: the whole mail
 * (text and HTML) against a reference rendering kept from before blocks were shared (mail-reference/), and each
 * block, filled in for another reader, against the block's template rendered for that reader.
 */
@QuarkusTest
class DigestMailBodiesTest {

    private static final String BASE = "https://papers.example.org";
    private static final String[] TITLES = {
            "Graph <Neural> Networks & \"Friends\": a Survey of Message Passing on Very Large Graphs with Many Nodes",
            "Café — naïve Bayes revisited, with 'quotes' and a ≤ sign",
            "Short",
            "A title that is long enough to wrap twice in the plain-text part of the mail, because it keeps going on "
                    + "and on about diffusion models, transformers and the rest",
            "日本語のタイトル with emoji 😀 and k<n"};

    private static DigestView.Item item(int number, int seed, boolean feedback) {
        String title = TITLES[seed % TITLES.length] + " " + seed;
        String escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        String summary = ("Sentence " + seed + " about graph neural networks, café and <tags> & entities. ").repeat(1 + seed % 4);
        String summaryHtml = summary.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("graph", "<mark>graph</mark>");
        String authors = seed % 3 == 0 ? "" : "Ada Lovelace, Alan Turing" + (seed % 2 == 0 ? ", Grace Hopper and 4 more" : "");
        String link = seed % 2 == 0 ? "https://arxiv.org/abs/2611.0" + (1000 + seed)
                : "https://arxiv.org/search/?searchtype=title&query=" + seed;
        String reason = "Matches “graph neural networks”: graph, neural in the title" + (seed % 5 == 0 ? " and the abstract, "
                + "and a long reason that needs wrapping in the text part of the mail" : "");
        return new DigestView.Item(number, 1000 + seed, title, escaped.replace("Graph", "<mark>Graph</mark>"), authors,
                summary, summaryHtml, link, reason, seed % 4 == 1,
                feedback ? BASE + "/feedback/more" + seed + ".AbC-dEf_" + number : null,
                feedback ? BASE + "/feedback/less" + seed + ".XyZ-wVu_" + number : null);
    }

    private static DigestView personal() {
        List<DigestView.Item> items = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            items.add(item(i, i * 7, true));
        }
        return new DigestView("ada.lovelace+digest@example.org", "Sunday 29 November 2026", items,
                BASE + "/digests/view.Tok-en_1", BASE + "/preferences/pref.Tok-en_2", BASE + "/unsubscribe/un.Tok-en_3",
                BASE + "/", null, 5);
    }

    private static DigestView test() {
        List<DigestView.Item> items = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            items.add(item(i, i, false));
        }
        return new DigestView("operator@example.org", "Sunday 29 November 2026", items, null, null, null, BASE + "/",
                "graph <neural> networks & co", 2);
    }

    private static DigestView empty() {
        return new DigestView("ada.lovelace+digest@example.org", "week 48 of 2026", List.of(), BASE + "/digests/v",
                BASE + "/preferences/p", BASE + "/unsubscribe/u", BASE + "/", null, 3);
    }

    @Inject
    DigestMail mail;

    @Test
    void aWholeMailIsTheReferenceRenderingByteForByte() throws IOException {
        assertSameAsReference("personal", personal());
        assertSameAsReference("test", test());
        assertSameAsReference("empty", empty());
        // again, now from the blocks remembered by the first rendering
        assertSameAsReference("personal", personal());
    }

    private void assertSameAsReference(String name, DigestView view) throws IOException {
        MailBodies bodies = mail.bodies(view);
        // written out to be looked at (and, for a template changed on purpose, to become the new reference)
        Path out = Path.of("target", "mail-reference");
        Files.createDirectories(out);
        Files.writeString(out.resolve("digest-" + name + ".txt"), bodies.text());
        Files.writeString(out.resolve("digest-" + name + ".html"), bodies.html());
        for (String variant : List.of("txt", "html")) {
            String actual = variant.equals("txt") ? bodies.text() : bodies.html();
            String resource = "mail-reference/digest-" + name + "." + variant;
            try (InputStream in = DigestMailBodiesTest.class.getClassLoader().getResourceAsStream(resource)) {
                assertNotNull(in, "no reference " + resource + "; this rendering was written to target/" + resource);
                assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, resource);
            }
        }
    }

    @Test
    void eachLayoutFilledInForAnotherMailIsTheLayoutRenderedForIt() {
        DigestLayouts layouts = new DigestLayouts(DigestMail::rendered);
        PaperBlocks blocks = new PaperBlocks(DigestMail::paperBodies, 50);
        Random random = new Random(1129);
        String[] values = {null, "", "ada@example.org", "o'brien+\"x\"&y<z>@example.org", BASE + "/digests/a.B-c_9",
                BASE + "/p?a=1&b=<2>", "Sunday 29 November 2026", "week 48 · “2026”", "graph <neural> & co"};
        for (int mail = 0; mail < 300; mail++) {
            List<DigestView.Item> items = new ArrayList<>();
            int count = random.nextInt(4) == 0 ? random.nextInt(2) : random.nextInt(12);
            for (int i = 1; i <= count; i++) {
                items.add(item(i, random.nextInt(15), random.nextBoolean()));
            }
            String[] v = new String[7];
            for (int i = 0; i < v.length; i++) {
                v[i] = values[random.nextInt(values.length)];
            }
            int more = random.nextInt(3) == 0 ? 0 : random.nextInt(3) == 0 ? 1 : random.nextInt(40);
            DigestView view = new DigestView(v[0], v[1], items, v[2], v[3], v[4], v[5], v[6], more);
            PaperBlocks.Filled filled = blocks.of(items);
            assertEquals(DigestMail.rendered(view, filled), layouts.of(view, filled), "mail " + mail + ": " + view);
        }
    }

    @Test
    void eachBlockFilledInForAnotherReaderIsTheBlockRenderedForThem() {
        PaperBlocks shared = new PaperBlocks(DigestMail::paperBodies, 50);
        PaperBlocks fresh = new PaperBlocks(DigestMail::paperBodies, 0);
        Random random = new Random(29);
        for (int reader = 0; reader < 60; reader++) {
            List<DigestView.Item> items = new ArrayList<>();
            int count = random.nextInt(12);
            for (int i = 1; i <= count; i++) {
                // few papers, so most blocks come back from the ones remembered, under another number and other links
                items.add(item(random.nextInt(30) + 1, random.nextInt(15), random.nextInt(6) != 0));
            }
            if (reader % 10 == 0) {
                // text that looks like a hole, and a link the HTML escapes: both rendered as they are
                DigestView.Item odd = item(3, 4, true);
                items.add(new DigestView.Item(3, odd.paperId(), odd.title() + " -2147483641", odd.titleHtml(),
                        odd.authors(), odd.summary(), odd.summaryHtml(), odd.link(), odd.reason(), false,
                        odd.moreUrl() + "&x=1", odd.lessUrl()));
            }
            assertEquals(fresh.of(items), shared.of(items), "reader " + reader);
        }
        assertTrue(shared.size() > 0 && shared.size() <= 50, "blocks remembered: " + shared.size());
    }
}
