package dev.paperboy.digest;

import dev.paperboy.mail.MailBodies;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The papers of a digest mail, each paper's block (title, marked snippet, why; HTML and text) rendered once and
 * reused by every mail that carries it: a run's thousands of mails show the same few hundred papers for the same
 * interests, and rendering them again for each mail was most of its templates' time. Only the paper's number and
 * its two feedback links, which are the reader's own, are filled in per mail.
 */
final class PaperBlocks {

    /** Blocks remembered at most, by paper, its text, marks and why (a few KB each, and their encoded lines). */
    static final int REMEMBERED = 5_000;

    // rendered in place of the reader's own parts, then cut out; NUL cannot be in stored text (PostgreSQL refuses it)
    private static final int NUMBER = Integer.MIN_VALUE + 7;
    private static final String MORE = "\u0000more\u0000";
    private static final String LESS = "\u0000less\u0000";
    private static final String[] HOLES = {Integer.toString(NUMBER), MORE, LESS};
    private static final int[] SLOTS = {0, 1, 2};

    private final Function<DigestView.Item, MailBodies> template;
    private final int capacity;
    private final Map<Key, Shape> shapes;

    /**
     * Blocks rendered by {@code template} (one paper's HTML and text), the last {@code remembered} of them kept; none:
     * each rendered for its mail, as the template makes it.
     */
    PaperBlocks(Function<DigestView.Item, MailBodies> template, int remembered) {
        this.template = template;
        this.capacity = remembered;
        this.shapes = new ConcurrentHashMap<>(1024);
    }

    /**
     * The papers' blocks one after the other, as the mail templates place them: HTML blocks as they are, each text
     * block after an empty line; both without the last line break, which the template's own line gives back.
     */
    record Filled(String html, String text) {
    }

    Filled of(List<DigestView.Item> papers) {
        StringBuilder html = new StringBuilder(papers.size() * 2_048);
        StringBuilder text = new StringBuilder(papers.size() * 1_024);
        for (DigestView.Item paper : papers) {
            MailBodies block = block(paper);
            html.append(block.html());
            text.append('\n').append(block.text());
        }
        return new Filled(withoutLastBreak(html), withoutLastBreak(text));
    }

    /** How many blocks are remembered now. */
    int size() {
        return shapes.size();
    }

    private static String withoutLastBreak(StringBuilder out) {
        int end = out.length() > 0 && out.charAt(out.length() - 1) == '\n' ? out.length() - 1 : out.length();
        return out.substring(0, end);
    }

    private MailBodies block(DigestView.Item paper) {
        Shape shape = shape(paper);
        if (shape == null) {
            return template.apply(paper);
        }
        String[] values = values(paper);
        return new MailBodies(shape.text.fill(values), shape.html.fill(values));
    }

    /**
     * The same papers' blocks as {@link #of}, as parts of the two bodies: each block's pieces, shared by every mail
     * that shows it, and the reader's own number and links.
     */
    Parts parts(List<DigestView.Item> papers) {
        // a block is at most seven parts, and its text a line break before them
        BodyParts html = new BodyParts(papers.size() * 7);
        BodyParts text = new BodyParts(papers.size() * 8);
        for (DigestView.Item paper : papers) {
            text.add("\n");
            Shape shape = shape(paper);
            if (shape == null) {
                MailBodies block = template.apply(paper);
                html.add(block.html());
                text.add(block.text());
            } else {
                String[] values = values(paper);
                shape.html.addTo(html, values);
                shape.text.addTo(text, values);
            }
        }
        html.dropLastBreak();
        text.dropLastBreak();
        return new Parts(html, text);
    }

    /** The papers' blocks as parts of the HTML and of the text. */
    record Parts(BodyParts html, BodyParts text) {
    }

    /** The paper's block cut at the reader's own parts; null when it must be rendered as it is. */
    private Shape shape(DigestView.Item paper) {
        if (capacity == 0 || !plain(paper.moreUrl()) || !plain(paper.lessUrl())) {
            return null; // a link the HTML would escape: rendered as it is
        }
        Key key = new Key(withHoles(paper, 0));
        Shape shape = shapes.get(key);
        if (shape == null) {
            MailBodies holed = template.apply(withHoles(paper, NUMBER));
            shape = new Shape(MarkedText.of(holed.html(), HOLES, SLOTS, true),
                    MarkedText.of(holed.text(), HOLES, SLOTS, true));
            // a run shows a few thousand blocks: when more come, the remembered ones start again (senders look
            // blocks up for every paper of every mail, without a lock or a reordering of a shared list)
            if (shapes.size() >= capacity) {
                shapes.clear();
            }
            shapes.put(key, shape);
        }
        return shape.html == null || shape.text == null ? null : shape; // the paper's text looks like a hole
    }

    private static String[] values(DigestView.Item paper) {
        return new String[] {Integer.toString(paper.number()), paper.moreUrl(), paper.lessUrl()};
    }

    /** The paper with a number, and its links (when it has them) replaced by markers. */
    private static DigestView.Item withHoles(DigestView.Item paper, int number) {
        return new DigestView.Item(number, paper.paperId(), paper.title(), paper.titleHtml(), paper.authors(),
                paper.summary(), paper.summaryHtml(), paper.link(), paper.reason(), paper.trending(),
                paper.moreUrl() == null ? null : MORE, paper.lessUrl() == null ? null : LESS);
    }

    /** Whether Qute writes this link into HTML as it is (nothing to escape): always so for Paperboy's own links. */
    private static boolean plain(String url) {
        if (url == null) {
            return true;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '\u0000') {
                return false;
            }
        }
        return true;
    }

    private record Shape(MarkedText html, MarkedText text) {
    }

    /**
     * A block's paper with its holes, hashed on what a run's mails share (the paper's id, and its explanation's
     * strings, the same instances for every mail: their hashes are computed once) rather than on every field: hashing
     * each mail's fresh title, authors and link for the lookup cost as much as the rendering it saved. Equal only
     * when every field is.
     */
    private static final class Key {
        private final DigestView.Item paper;
        private final int hash;

        Key(DigestView.Item paper) {
            this.paper = paper;
            int h = Long.hashCode(paper.paperId());
            h = 31 * h + Objects.hashCode(paper.reason());
            h = 31 * h + Objects.hashCode(paper.titleHtml());
            h = 31 * h + Objects.hashCode(paper.summaryHtml());
            h = 31 * h + (paper.trending() ? 1 : 0);
            this.hash = 31 * h + (paper.moreUrl() == null ? 0 : 1);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hash == hash && key.paper.equals(paper);
        }
    }
}
