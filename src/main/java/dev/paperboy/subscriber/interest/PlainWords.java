package dev.paperboy.subscriber.interest;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An interest of plain words and "quoted phrases" (no operators, fields or parentheses: most of them), parsed into
 * what the classic query parser's grammar makes of it, through the same {@link InterestParser} steps (each word or
 * phrase analyzed alone, added as an optional clause), without running the grammar: its generated tokenizer and
 * parser were half of parsing in a fresh JVM. Each plain word is analyzed once (interests share their words).
 * Anything else goes through the grammar.
 */
final class PlainWords {

    // QueryParserBase's codes for no conjunction and no modifier, and its default phrase slop
    private static final int CONJ_NONE = 0;
    private static final int MOD_NONE = 0;
    private static final int PHRASE_SLOP = 0;
    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT");
    /** Characters the grammar reads as part of a word anywhere, beside letters and digits. */
    private static final String INSIDE = "-'.,";

    private PlainWords() {
    }

    /**
     * The words and quoted phrases (with their quotes) of the escaped text, in order, when it is only such, separated
     * by the grammar's whitespace, no word an operator; else null.
     */
    static List<String> of(String escaped) {
        List<String> items = new ArrayList<>();
        int i = 0;
        int n = escaped.length();
        while (i < n) {
            char c = escaped.charAt(i);
            if (whitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '"') {
                int close = escaped.indexOf('"', i + 1);
                if (close < 0 || escaped.indexOf('\\', i + 1) >= 0 && escaped.indexOf('\\', i + 1) < close) {
                    return null;
                }
                i = close + 1;
            } else if (Character.isLetterOrDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(escaped.charAt(i)) || INSIDE.indexOf(escaped.charAt(i)) >= 0)) {
                    i++;
                }
            } else {
                return null;
            }
            if (i < n && !whitespace(escaped.charAt(i))) {
                return null;
            }
            String item = escaped.substring(start, i);
            if (KEYWORDS.contains(item)) {
                return null;
            }
            items.add(item);
        }
        return items.isEmpty() ? null : items;
    }

    /**
     * What {@code QueryParser.Query} builds for these words and phrases: each one's query (null for stop words) as an
     * optional clause; the first one's own query when it is the only clause, else the group (empty: nothing asked for).
     */
    static Query parse(InterestParser parser, List<String> items) throws ParseException {
        List<BooleanClause> clauses = new ArrayList<>();
        for (String item : items) {
            Query query = item.charAt(0) == '"'
                    ? parser.getFieldQuery(InterestLanguage.TEXT, item.substring(1, item.length() - 1), PHRASE_SLOP)
                    : parser.plainWord(item);
            parser.addClause(clauses, CONJ_NONE, MOD_NONE, query);
        }
        Query query = parser.whole(clauses);
        return query != null ? query : new BooleanQuery.Builder().build();
    }

    private static boolean whitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u3000';
    }
}
