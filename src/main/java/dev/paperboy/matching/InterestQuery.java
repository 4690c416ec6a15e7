package dev.paperboy.matching;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One interest as a Lucene query: each of its words on title (boosted) or abstract, most of the words required,
 * the words as a phrase ranked higher. Remembers which typed word each analyzed term came from, to explain matches.
 */
final class InterestQuery {

    static final float TITLE_BOOST = 2f;

    final String interest;
    /** analyzed term → the word the person typed */
    final Map<String, String> words;
    final Query query;

    private InterestQuery(String interest, Map<String, String> words, Query query) {
        this.interest = interest;
        this.words = words;
        this.query = query;
    }

    static InterestQuery of(String interest, Analyzer analyzer) {
        Map<String, String> words = new LinkedHashMap<>();
        for (String word : interest.split("[^\\p{L}\\p{N}]+")) {
            for (String term : analyze(analyzer, word)) {
                words.putIfAbsent(term, word);
            }
        }
        if (words.isEmpty()) {
            return new InterestQuery(interest, words, null);
        }
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        for (String term : words.keySet()) {
            terms.add(new DisjunctionMaxQuery(List.of(
                    new BoostQuery(new TermQuery(new Term(PaperIndex.TITLE, term)), TITLE_BOOST),
                    new TermQuery(new Term(PaperIndex.ABSTRACT, term))), 0.1f), Occur.SHOULD);
        }
        int n = words.size();
        terms.setMinimumNumberShouldMatch(n <= 2 ? n : (int) Math.ceil(n * 0.6));
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(terms.build(), Occur.MUST);
        if (n > 1) {
            List<String> analyzed = analyze(analyzer, interest);
            query.add(phrase(PaperIndex.TITLE, analyzed), Occur.SHOULD);
            query.add(phrase(PaperIndex.ABSTRACT, analyzed), Occur.SHOULD);
        }
        return new InterestQuery(interest, words, query.build());
    }

    /** Number of distinct terms: scores are divided by it so long and short interests rank alike. */
    int size() {
        return Math.max(1, words.size());
    }

    private static Query phrase(String field, List<String> terms) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(2);
        for (String term : terms) {
            phrase.add(new Term(field, term));
        }
        return phrase.build();
    }

    static List<String> analyze(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(PaperIndex.ABSTRACT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
