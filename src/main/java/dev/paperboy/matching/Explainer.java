package dev.paperboy.matching;

import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.ParsedInterest;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Marks the words of an interest in a paper's title and abstract with Lucene's highlighter (phrases only where
 * they stand together, excluded words never), keeping the best one or two passages of the abstract as a snippet.
 */
final class Explainer {

    static final int PASSAGE = 160;
    static final int PASSAGES = 2;
    static final int PLAIN_SNIPPET = 300;
    // marks the highlighter puts around matched words, from Unicode's private use area: never in cleaned text
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';

    private Explainer() {
    }

    /** A paper's title and abstract cleaned of the marks' characters, with their tokens, to mark for many interests. */
    record Text(String title, String abstractText, PaperTokens titleTokens, PaperTokens abstractTokens) {

        static Text of(String title, String abstractText) {
            String cleanTitle = unmarked(title);
            String cleanAbstract = unmarked(abstractText);
            return new Text(cleanTitle, cleanAbstract, PaperTokens.of(cleanTitle), PaperTokens.of(cleanAbstract));
        }
    }

    static Explanation explain(ParsedInterest interest, String reason, String title, String abstractText) {
        return explain(interest, reason, Text.of(title, abstractText));
    }

    static Explanation explain(ParsedInterest interest, String reason, Text paper) {
        QueryScorer scorer = new QueryScorer(interest.query(), InterestLanguage.TEXT);
        // the kept tokens can be read twice (for the scorer's phrases, then for the marks), so the scorer need not copy
        // them, token by token, into a cache; past the highlighter's limit it must, to cut the text where it would
        scorer.setWrapIfNotCachingTokenFilter(paper.title().length() >= Highlighter.DEFAULT_MAX_CHARS_TO_ANALYZE
                || paper.abstractText().length() >= Highlighter.DEFAULT_MAX_CHARS_TO_ANALYZE);
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter(String.valueOf(OPEN), String.valueOf(CLOSE)),
                scorer);
        try {
            highlighter.setTextFragmenter(new NullFragmenter());
            String markedTitle = highlighter.getBestFragment(paper.titleTokens().stream(), paper.title());
            highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, PASSAGE));
            String[] passages = highlighter.getBestFragments(paper.abstractTokens().stream(), paper.abstractText(),
                    PASSAGES);
            String markedSnippet = passages.length == 0 ? start(paper.abstractText())
                    : snippet(paper.abstractText(), passages);
            String marked = markedTitle == null ? paper.title() : markedTitle;
            return new Explanation(reason, plain(marked), html(marked), plain(markedSnippet), html(markedSnippet));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidTokenOffsetsException e) {
            throw new IllegalStateException("the paper analyzer gave offsets outside its text", e);
        }
    }

    /** The passages in their order, with an ellipsis where text was left out. */
    private static String snippet(String text, String[] passages) {
        StringBuilder snippet = new StringBuilder();
        int last = -1;
        for (String passage : passages) {
            String bare = plain(passage).strip();
            int at = text.indexOf(bare);
            if (snippet.length() > 0 || at > 0) {
                snippet.append(snippet.length() > 0 ? " … " : "… ");
            }
            snippet.append(passage.strip());
            last = at < 0 ? -1 : at + bare.length();
        }
        if (last >= 0 && last < text.length()) {
            snippet.append(" …");
        }
        return snippet.toString();
    }

    /** The opening of the abstract, cut at a word, for a paper that matched by meaning. */
    private static String start(String text) {
        if (text.length() <= PLAIN_SNIPPET) {
            return text;
        }
        int space = text.lastIndexOf(' ', PLAIN_SNIPPET);
        return text.substring(0, space > 0 ? space : PLAIN_SNIPPET) + " …";
    }

    private static String unmarked(String text) {
        return text.replace(OPEN, ' ').replace(CLOSE, ' ');
    }

    private static String plain(String marked) {
        return marked.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "");
    }

    /** Everything escaped, then the marks turned into {@code <mark>} elements. */
    static String html(String marked) {
        StringBuilder html = new StringBuilder(marked.length() + 32);
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                case OPEN -> html.append("<mark>");
                case CLOSE -> html.append("</mark>");
                default -> html.append(c);
            }
        }
        return html.toString();
    }
}
