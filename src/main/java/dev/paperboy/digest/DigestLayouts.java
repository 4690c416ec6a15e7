package dev.paperboy.digest;

import dev.paperboy.mail.BodyWriter;
import dev.paperboy.mail.MailBodies;
import io.quarkus.qute.HtmlEscaper;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * A digest mail's layout (head, title, counts, links, footer) around its papers' blocks, rendered by its templates once
 * for each shape a mail can take (which parts are there) and filled in for each mail: rendering the templates for every
 * mail was a tenth of a sender's time. The layout is rendered with markers in place of every value of the mail, cut at
 * them, and each mail puts its own values in their place, HTML-escaped in the HTML as the template escapes them.
 */
final class DigestLayouts {

    // a marker holds NUL, which no stored text nor any of Paperboy's own strings can hold
    private static final String EMAIL = "\u0000email\u0000";
    private static final String PERIOD = "\u0000period\u0000";
    private static final String VIEW = "\u0000view\u0000";
    private static final String PREFERENCES = "\u0000preferences\u0000";
    private static final String UNSUBSCRIBE = "\u0000unsubscribe\u0000";
    private static final String HOME = "\u0000home\u0000";
    private static final String TEST_OF = "\u0000testOf\u0000";
    private static final String FIRST_TITLE = "\u0000title\u0000";
    private static final String BLOCKS = "\u0000blocks\u0000";
    // counts the marker view is made to show: its countLabel and moreLabel are these numbers' labels
    private static final int PAPERS = 70_000_007;
    private static final int MORE = 30_000_003;
    private static final String MORE_LABEL = MORE + " more papers";
    private static final String[] HOLES = {EMAIL, PERIOD, VIEW, PREFERENCES, UNSUBSCRIBE, HOME, TEST_OF, FIRST_TITLE,
            BLOCKS, MORE_LABEL, (PAPERS + MORE) + " new papers", PAPERS + " new papers", MORE + " new papers"};
    /** The value each hole takes: the three counts a marker view can show are all the mail's own count. */
    private static final int[] VALUE = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10};

    /** The slot of the papers' blocks. */
    private static final int BLOCKS_SLOT = 8;

    private static final HtmlEscaper HTML = new HtmlEscaper(List.of());

    private final BiFunction<DigestView, PaperBlocks.Filled, MailBodies> template;
    private final Map<Shape, Cut> cuts = new ConcurrentHashMap<>();

    /** Layouts rendered by {@code template} (the digest's HTML and text around the given blocks). */
    DigestLayouts(BiFunction<DigestView, PaperBlocks.Filled, MailBodies> template) {
        this.template = template;
    }

    /** Both bodies of the mail showing this view around these blocks, as its templates render them. */
    MailBodies of(DigestView view, PaperBlocks.Filled blocks) {
        if (view.papers().isEmpty() && view.more() == 0) {
            return template.apply(view, blocks); // "0 new papers": no count of its own to cut at
        }
        Cut cut = cut(Shape.of(view, Shape.state(blocks.html()), Shape.state(blocks.text())));
        String[] values = values(view);
        String[] html = escaped(values);
        html[8] = blocks.html();
        values[8] = blocks.text();
        return new MailBodies(cut.text.fill(values), cut.html.fill(html));
    }

    /**
     * Writes both bodies of the mail showing this view around these blocks, as {@link #of} makes them; false when this
     * view's mail is rendered whole instead.
     */
    boolean write(DigestView view, PaperBlocks.Parts blocks, BodyWriter text, BodyWriter html) {
        if (view.papers().isEmpty() && view.more() == 0) {
            return false;
        }
        Cut cut = cut(Shape.of(view, blocks.html().isEmpty() ? 1 : 2, blocks.text().isEmpty() ? 1 : 2));
        String[] values = values(view);
        cut.text.writeTo(text, values, BLOCKS_SLOT, blocks.text());
        cut.html.writeTo(html, escaped(values), BLOCKS_SLOT, blocks.html());
        return true;
    }

    private Cut cut(Shape shape) {
        return cuts.computeIfAbsent(shape, s -> {
            MailBodies marked = template.apply(s.markerView(), s.markerBlocks());
            return new Cut(MarkedText.of(marked.html(), HOLES, VALUE, false),
                    MarkedText.of(marked.text(), HOLES, VALUE, false));
        });
    }

    private static String[] values(DigestView view) {
        String title = view.papers().isEmpty() ? null : view.papers().get(0).title();
        return new String[] {view.email(), view.periodLabel(), view.viewUrl(), view.preferencesUrl(),
                view.unsubscribeUrl(), view.homeUrl(), view.testOf(), title, null, view.moreLabel(), view.countLabel()};
    }

    private static String[] escaped(String[] values) {
        String[] html = values.clone();
        for (int i = 0; i < html.length; i++) {
            html[i] = html[i] == null ? null : HTML.map(html[i], null);
        }
        return html;
    }

    /** Which of a mail's parts are there: each value null, empty or not, and which counts it shows. */
    private record Shape(int email, int period, int view, int preferences, int unsubscribe, int home, int testOf,
                         boolean papers, boolean more, int blocksHtml, int blocksText) {

        /** The shape of this view's mail, around blocks whose HTML and text are in the given states (1 or 2). */
        static Shape of(DigestView view, int blocksHtml, int blocksText) {
            return new Shape(state(view.email()), state(view.periodLabel()), state(view.viewUrl()),
                    state(view.preferencesUrl()), state(view.unsubscribeUrl()), state(view.homeUrl()),
                    state(view.testOf()), !view.papers().isEmpty(), view.more() > 0, blocksHtml, blocksText);
        }

        private static int state(String value) {
            return value == null ? 0 : value.isEmpty() ? 1 : 2;
        }

        private static String marker(int state, String marker) {
            return state == 0 ? null : state == 1 ? "" : marker;
        }

        /** A view of this shape whose every value is its marker, and whose counts are PAPERS and MORE. */
        DigestView markerView() {
            List<DigestView.Item> items = papers ? Collections.nCopies(PAPERS, new DigestView.Item(1, 0, FIRST_TITLE,
                    FIRST_TITLE, null, null, null, null, null, false, null, null)) : List.of();
            return new DigestView(marker(email, EMAIL), marker(period, PERIOD), items, marker(view, VIEW),
                    marker(preferences, PREFERENCES), marker(unsubscribe, UNSUBSCRIBE), marker(home, HOME),
                    marker(testOf, TEST_OF), more ? MORE : 0);
        }

        PaperBlocks.Filled markerBlocks() {
            return new PaperBlocks.Filled(marker(blocksHtml, BLOCKS), marker(blocksText, BLOCKS));
        }
    }

    private record Cut(MarkedText html, MarkedText text) {
    }
}
