package dev.paperboy.matching;

import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.ParsedInterest;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One interest ready to rank papers: its parsed query moved from the language's text field onto the paper's title
 * (boosted) and abstract, its alternatives (OR) scored as the best of them, the words as a phrase ranked higher
 * when it is a plain list of words, the words and phrases it asks for one by one (to tell how much of it a paper
 * covers, and where), and its vector.
 */
final class InterestQuery {

    static final float TITLE_BOOST = 2f;
    private static final float TIE = 0.3f;
    private static final int PHRASE_SLOP = 2;
    private static final int MAX_PHRASE_WORDS = 6;

    final ParsedInterest parsed;
    /** Lucene query over the paper fields; when {@link ParsedInterest#strict()}, a paper must match it. */
    final Query lexical;
    /** Each distinct word or phrase the interest asks for (not the excluded ones), on the language's text field. */
    final List<Query> units;
    /** How each unit was typed (its first spelling, when two stem alike). */
    final List<String> typed;
    /** Each unit's group of alternatives (units written with OR between them share one), -1 when it stands alone. */
    final int[] groups;
    /** Within a group, each unit's side of the OR (the words of one side share one); -1 when it stands alone. */
    final int[] alternatives;
    /** The unit vector of what the interest means, or null when it only filters (cat:, author:). */
    final float[] vector;
    /** Made for one index, whose words' scores it may add up ({@link PaperIndex#lexicalScores}) instead of searching. */
    final boolean forIndex;

    /** Searched by Lucene as it is, on any index. */
    InterestQuery(ParsedInterest parsed, float[] vector) {
        this(parsed, vector, (word, field) -> new TermQuery(new Term(field, word.text())), false);
    }

    /** Ready for this index: its words' statistics and scores looked up once for all the interests that share them. */
    InterestQuery(ParsedInterest parsed, float[] vector, PaperIndex index) {
        this(parsed, vector, index::onField, true);
    }

    private InterestQuery(ParsedInterest parsed, float[] vector, BiFunction<Term, String, TermQuery> terms, boolean forIndex) {
        this.parsed = parsed;
        this.forIndex = forIndex;
        this.vector = parsed.meaning().isEmpty() ? null : vector;
        Query asked = Alternatives.asBest(parsed);
        Query onPapers = onFields(asked, true, true, terms);
        this.lexical = parsed.strict() ? onPapers : withPhrase(asked, onPapers, terms);
        List<Query> units = new ArrayList<>();
        List<String> typed = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        List<Integer> alternatives = new ArrayList<>();
        for (ParsedInterest.Word word : parsed.words()) {
            if (!units.contains(word.query())) {
                units.add(word.query());
                typed.add(word.typed());
                groups.add(word.group());
                alternatives.add(word.alternative());
            }
        }
        this.units = List.copyOf(units);
        this.typed = List.copyOf(typed);
        this.groups = groups.stream().mapToInt(Integer::intValue).toArray();
        this.alternatives = alternatives.stream().mapToInt(Integer::intValue).toArray();
    }

    String text() {
        return parsed.text();
    }

    /** The text field becomes one paper field. */
    static Query onField(Query query, String field) {
        return onFields(query, PaperIndex.TITLE.equals(field), PaperIndex.ABSTRACT.equals(field),
                (word, on) -> new TermQuery(new Term(on, word.text())));
    }

    private static Query onFields(Query query, boolean title, boolean abstracts, BiFunction<Term, String, TermQuery> terms) {
        if (query instanceof TermQuery term && InterestLanguage.TEXT.equals(term.getTerm().field())) {
            return either(title ? terms.apply(term.getTerm(), PaperIndex.TITLE) : null,
                    abstracts ? terms.apply(term.getTerm(), PaperIndex.ABSTRACT) : null);
        }
        if (query instanceof PhraseQuery phrase && InterestLanguage.TEXT.equals(phrase.getField())) {
            return either(title ? phrase(phrase, PaperIndex.TITLE, terms) : null,
                    abstracts ? phrase(phrase, PaperIndex.ABSTRACT, terms) : null);
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder moved = new BooleanQuery.Builder()
                    .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses()) {
                moved.add(onFields(clause.getQuery(), title, abstracts, terms), clause.getOccur());
            }
            return bool.getMinimumNumberShouldMatch() > 0 ? closer(bool, moved.build(), title, abstracts, terms)
                    : moved.build();
        }
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(onFields(boost.getQuery(), title, abstracts, terms), boost.getBoost());
        }
        if (query instanceof DisjunctionMaxQuery best) {
            return new DisjunctionMaxQuery(best.getDisjuncts().stream()
                    .map(q -> onFields(q, title, abstracts, terms)).toList(), best.getTieBreakerMultiplier());
        }
        return query;
    }

    private static Query either(Query title, Query abstractQuery) {
        if (title == null) {
            return abstractQuery;
        }
        if (abstractQuery == null) {
            return title;
        }
        return new DisjunctionMaxQuery(List.of(new BoostQuery(title, TITLE_BOOST), abstractQuery), TIE);
    }

    private static PhraseQuery phrase(PhraseQuery phrase, String field, BiFunction<Term, String, TermQuery> onField) {
        PhraseQuery.Builder moved = new PhraseQuery.Builder().setSlop(phrase.getSlop());
        Term[] terms = phrase.getTerms();
        int[] positions = phrase.getPositions();
        for (int i = 0; i < terms.length; i++) {
            moved.add(onField.apply(terms[i], field).getTerm(), positions[i]);
        }
        return moved.build();
    }

    /**
     * A group of plain words that asks for most of them ({@code (deep learning theory) AND optimization}) ranks the
     * papers it admits higher where its words stand together, as a whole interest of plain words does.
     */
    private static Query closer(BooleanQuery group, Query moved, boolean title, boolean abstracts,
                                BiFunction<Term, String, TermQuery> terms) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(PHRASE_SLOP);
        for (BooleanClause clause : group.clauses()) {
            if (clause.getOccur() != Occur.SHOULD || !(clause.getQuery() instanceof TermQuery term)) {
                return moved;
            }
            phrase.add(term.getTerm());
        }
        if (group.clauses().size() > MAX_PHRASE_WORDS) {
            return moved;
        }
        return new BooleanQuery.Builder().add(moved, Occur.MUST)
                .add(onFields(phrase.build(), title, abstracts, terms), Occur.SHOULD).build();
    }

    /** Plain words (graph neural networks) rank papers higher where they stand together. */
    private static Query withPhrase(Query parsed, Query onPapers, BiFunction<Term, String, TermQuery> terms) {
        if (!(parsed instanceof BooleanQuery bool)) {
            return onPapers;
        }
        List<Term> words = new ArrayList<>();
        for (BooleanClause clause : bool.clauses()) {
            if (clause.getOccur() != Occur.SHOULD || !(clause.getQuery() instanceof TermQuery term)) {
                return onPapers;
            }
            words.add(term.getTerm());
        }
        if (words.size() < 2 || words.size() > MAX_PHRASE_WORDS) {
            return onPapers;
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(PHRASE_SLOP);
        words.forEach(phrase::add);
        return new BooleanQuery.Builder().add(onPapers, Occur.SHOULD)
                .add(onFields(phrase.build(), true, true, terms), Occur.SHOULD).build();
    }
}
