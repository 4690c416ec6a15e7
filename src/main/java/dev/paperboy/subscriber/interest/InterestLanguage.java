package dev.paperboy.subscriber.interest;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The interest language: plain words, "quoted phrases", AND / OR / NOT / -word / +word, parentheses,
 * cat:cs.LG (an arXiv category, exact) and author:"Ada Lovelace" (exact on the author list), or a whole sentence.
 * Parsed by Lucene's classic query parser; refused with a message saying where, when it cannot be parsed, asks for
 * nothing (only very common words, empty quotes), would match every paper ({@code *}, a NOT alone) or is too big.
 */
public final class InterestLanguage {

    public static final String TEXT = "text";
    public static final String CATEGORY = "cat";
    public static final String AUTHOR = "author";
    static final int MAX_TERMS = 32;

    /**
     * Words that name no topic in an interest written as a sentence ("papers about how we can ..."), beside Lucene's
     * English stop words. None is a part of a hyphenated term (few-shot, click-through), which would lose a word.
     */
    private static final List<String> FILLER = List.of("paper", "papers", "article", "articles", "study", "studies",
            "research", "work", "works", "new", "novel", "recent", "latest", "interested", "interesting", "anything",
            "related", "regarding", "concerning", "toward", "towards", "using", "about", "what", "which", "who", "whom",
            "whose", "how", "why", "when", "where", "can", "could", "would", "should", "do", "does", "did", "i", "me",
            "my", "we", "our", "us", "you", "your", "am", "has", "have", "had", "been", "being", "were", "some", "any",
            "want", "looking", "find", "show", "ways", "way", "etc");
    private static final CharArraySet STOP = stopWords();
    private static final Analyzer INTERESTS = new EnglishAnalyzer(STOP);
    private static final Analyzer PAPERS = new EnglishAnalyzer();

    private InterestLanguage() {
    }

    /** How paper text is analyzed for matching: English, stemmed, without stop words. */
    public static Analyzer paperAnalyzer() {
        return PAPERS;
    }

    /** How interest words are analyzed: as paper text, also without words that name no topic ("papers", "new"). */
    public static Analyzer interestAnalyzer() {
        return INTERESTS;
    }

    /** The form a category is compared in: cat:CS.lg and cs.LG are one category. */
    public static String categoryKey(String category) {
        return category.strip().toLowerCase(Locale.ROOT);
    }

    /** The form an author is compared in: case, accents, dots and spacing aside, the name as written. */
    public static String authorKey(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replace('.', ' ').replaceAll("[\\s,]+", " ").strip();
    }

    /** Parses and checks one interest; the refusal says what is wrong and, when it is one place, where. */
    public static ParsedInterest parse(String interest) throws InterestRefused {
        return parse(interest, true);
    }

    /** With {@code plainWords} false, every interest goes through the query parser's grammar (to compare). */
    static ParsedInterest parse(String interest, boolean plainWords) throws InterestRefused {
        String typed = interest == null ? "" : interest.strip();
        if (typed.isEmpty()) {
            throw new InterestRefused("An interest needs at least one word.", 0);
        }
        InterestText text = InterestText.of(typed);
        InterestParser parser = new InterestParser(INTERESTS);
        Query query;
        try {
            List<String> plain = plainWords ? PlainWords.of(text.escaped) : null;
            query = plain != null ? PlainWords.parse(parser, plain) : parser.parse(text.escaped);
        } catch (ParseException e) {
            throw Refusals.of(e, text);
        }
        if (query == null || query instanceof BooleanQuery b && b.clauses().isEmpty()) {
            throw Refusals.nothing(typed);
        }
        query = Runs.asWhole(query);
        checkPositive(query, typed);
        query = filtersRequired(query);
        int terms = terms(query);
        if (terms > MAX_TERMS) {
            throw new InterestRefused("This interest has " + terms + " words and alternatives; at most " + MAX_TERMS
                    + ", please: split it into several interests.", 0);
        }
        String meaning = parser.leaves.stream().filter(l -> !l.field && !l.excluded).map(l -> l.typed.strip())
                .filter(w -> !w.isEmpty()).collect(Collectors.joining(" "));
        List<ParsedInterest.Word> words = parser.leaves.stream()
                .filter(l -> !l.field && !l.excluded && l.query != null)
                .map(l -> new ParsedInterest.Word(l.typed.strip(), l.query, l.group, l.alternative)).toList();
        return new ParsedInterest(typed, query, strict(query), meaning, words);
    }

    /**
     * cat:cs.LG OR cat:stat.ML transformers means transformers in either category: cat: and author: terms OR'd
     * beside words become one required group, as each one alone already is.
     */
    private static Query filtersRequired(Query query) {
        if (!(query instanceof BooleanQuery bool)) {
            return query;
        }
        List<BooleanClause> optionalFilters = bool.clauses().stream()
                .filter(c -> c.getOccur() == Occur.SHOULD && InterestParser.isFilter(c.getQuery())).toList();
        if (optionalFilters.isEmpty() || optionalFilters.size() == bool.clauses().size()) {
            return query;
        }
        BooleanQuery.Builder filters = new BooleanQuery.Builder();
        optionalFilters.forEach(c -> filters.add(c.getQuery(), Occur.SHOULD));
        BooleanQuery.Builder rewritten = new BooleanQuery.Builder().add(filters.build(), Occur.MUST);
        bool.clauses().stream().filter(c -> !optionalFilters.contains(c)).forEach(rewritten::add);
        return rewritten.build();
    }

    /** Whether the interest's structure filters: a required or excluded clause, or only cat:/author: terms. */
    private static boolean strict(Query query) {
        if (InterestParser.isFilter(query)) {
            return true;
        }
        return query instanceof BooleanQuery bool
                && bool.clauses().stream().anyMatch(c -> c.getOccur() == Occur.MUST || c.getOccur() == Occur.MUST_NOT);
    }

    /** Every group must ask for something: NOT x alone would bring every other paper. */
    private static void checkPositive(Query query, String typed) throws InterestRefused {
        if (!(query instanceof BooleanQuery bool)) {
            return;
        }
        boolean positive = false;
        for (BooleanClause clause : bool.clauses()) {
            if (clause.getOccur() != Occur.MUST_NOT) {
                positive = true;
                checkPositive(clause.getQuery(), typed);
            }
        }
        if (!positive) {
            throw Refusals.negationAlone(typed);
        }
    }

    private static int terms(Query query) {
        if (query instanceof BooleanQuery bool) {
            return bool.clauses().stream().mapToInt(c -> terms(c.getQuery())).sum();
        }
        if (query instanceof PhraseQuery phrase) {
            return phrase.getTerms().length;
        }
        return 1;
    }

    private static CharArraySet stopWords() {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stop.addAll(FILLER);
        return CharArraySet.unmodifiableSet(stop);
    }
}
