package dev.paperboy.matching;

import dev.paperboy.subscriber.interest.InterestLanguage;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static dev.paperboy.matching.PaperIndex.ABSTRACT;
import static dev.paperboy.matching.PaperIndex.MAX_REMEMBERED;
import static dev.paperboy.matching.PaperIndex.ORDINAL;
import static dev.paperboy.matching.PaperIndex.TITLE;

/**
 * The words of a window's papers: a Lucene index of their title, abstract, categories and authors, and the searches
 * of it that matching makes, each word's and phrase's remembered while the index lasts (interests share their words).
 */
final class WindowWords {

    private final IndexSearcher searcher;
    private final int[] ordinalOfDoc;
    private final Map<Query, BitSet> matches = new ConcurrentHashMap<>();
    private final Map<Query, Coverage.Unit> coverageUnits = new ConcurrentHashMap<>();
    private final Map<Term, TermStates> termStates = new ConcurrentHashMap<>();
    /** Each word of the language's text field on the title and on the abstract. */
    private final Map<Term, TermQuery[]> onFields = new ConcurrentHashMap<>();
    private final LexicalSums sums;
    private final PaperIndex index;

    /** The index of these papers (those of {@code index}, in its order). */
    WindowWords(PaperIndex index, List<WindowPaper> papers) {
        this.index = index;
        this.sums = new LexicalSums(index);
        Analyzer analyzer = InterestLanguage.paperAnalyzer();
        // One buffer per file: every search clones its inputs, and a clone copies the view of each of a file's buffers.
        ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
                ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            // analyzing the text is most of the build: on two threads at once (the scores do not depend on which
            // segment a paper lands in, every statistic is the whole index's)
            IntStream.range(0, papers.size()).parallel().forEach(ordinal -> add(writer, ordinal, papers.get(ordinal)));
            writer.commit();
            DirectoryReader reader = DirectoryReader.open(directory);
            this.searcher = new IndexSearcher(reader);
            this.ordinalOfDoc = ordinals(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(IndexWriter writer, int ordinal, WindowPaper paper) {
        try {
            writer.addDocument(document(ordinal, paper));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(int ordinal, WindowPaper paper) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(ORDINAL, ordinal));
        doc.add(new TextField(TITLE, paper.title(), Field.Store.NO));
        doc.add(new TextField(ABSTRACT, paper.abstractText(), Field.Store.NO));
        for (String category : paper.categories()) {
            doc.add(new StringField(InterestLanguage.CATEGORY, InterestLanguage.categoryKey(category), Field.Store.NO));
        }
        for (String author : paper.authors()) {
            doc.add(new StringField(InterestLanguage.AUTHOR, InterestLanguage.authorKey(author), Field.Store.NO));
        }
        return doc;
    }

    /** Lucene may merge segments out of order: each document carries its ordinal. */
    private static int[] ordinals(DirectoryReader reader) throws IOException {
        int[] ordinals = new int[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues values = leaf.reader().getNumericDocValues(ORDINAL);
            for (int doc = values.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = values.nextDoc()) {
                ordinals[leaf.docBase + doc] = (int) values.longValue();
            }
        }
        return ordinals;
    }

    /**
     * A query of one term whose statistics and place in the index are looked up once per index: building them was
     * a good part of each search, and the many interests of a run share their words.
     */
    TermQuery termQuery(Term term) {
        return new TermQuery(term, termStates(term));
    }

    /**
     * A word of the language's text field as a query of the title or the abstract ({@link #termQuery}), both made once
     * per index: interests share their words, and each made them anew (the text decoded and encoded again per field).
     */
    TermQuery onField(Term word, String field) {
        TermQuery[] both = onFields.get(word);
        if (both == null) {
            String text = word.text();
            both = new TermQuery[] {termQuery(new Term(TITLE, text)), termQuery(new Term(ABSTRACT, text))};
            if (onFields.size() >= MAX_REMEMBERED) {
                onFields.clear();
            }
            onFields.put(word, both);
        }
        return TITLE.equals(field) ? both[0] : both[1];
    }

    /** A term's statistics and place in the index, looked up once per index. */
    TermStates termStates(Term term) {
        TermStates states = termStates.get(term);
        if (states == null) {
            try {
                states = TermStates.build(searcher, term, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (termStates.size() >= MAX_REMEMBERED) {
                termStates.clear();
            }
            termStates.put(term, states);
        }
        return states;
    }

    /**
     * A phrase's score of each paper by ordinal, at this boost, as Lucene's search of it gives them, from the terms'
     * statistics kept here ({@link PhraseScores}); searched by Lucene when it is a shape that does not score.
     */
    float[] phraseScores(PhraseQuery phrase, float boost) {
        try {
            float[] scored = PhraseScores.of(searcher, this::termStates, ordinalOfDoc, phrase, boost);
            return scored != null ? scored : scores(boost == 1f ? phrase : new BoostQuery(phrase, boost));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a word or phrase of an interest stands in these papers; remembered, as interests share their words. */
    Coverage.Unit coverageUnit(Query unit) {
        Coverage.Unit known = coverageUnits.get(unit);
        if (known != null) {
            return known;
        }
        Coverage.Unit found = Coverage.unit(index, unit);
        if (coverageUnits.size() >= MAX_REMEMBERED) {
            coverageUnits.clear();
        }
        coverageUnits.put(unit, found);
        return found;
    }

    /**
     * The papers a query matches, by ordinal; remembered, as interests share their words. A word or phrase on the
     * title or the abstract is read from its scores as the interests' lexical side keeps them (title boosted as they
     * boost it, which changes no match): the words an interest covers are the words it is scored by, searched once.
     */
    BitSet matching(Query query) {
        BitSet known = matches.get(query);
        if (known != null) {
            return known;
        }
        BitSet found = new BitSet(index.size());
        Query scored = asScored(query);
        if (scored != null) {
            for (int ordinal : sums.leaf(scored).ordinals()) {
                found.set(ordinal);
            }
        } else {
            float[] scores = scores(query);
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] > 0) {
                    found.set(i);
                }
            }
        }
        if (matches.size() >= MAX_REMEMBERED) {
            matches.clear();
        }
        matches.put(query, found);
        return found;
    }

    /** A word or phrase on the title or the abstract as an interest's lexical side has it; null for another query. */
    private Query asScored(Query query) {
        String field;
        Query scored;
        if (query instanceof TermQuery term) {
            field = term.getTerm().field();
            scored = termQuery(term.getTerm());
        } else if (query instanceof PhraseQuery phrase) {
            field = phrase.getField();
            scored = phrase;
        } else {
            return null;
        }
        if (TITLE.equals(field)) {
            return new BoostQuery(scored, InterestQuery.TITLE_BOOST);
        }
        return ABSTRACT.equals(field) ? scored : null;
    }

    /**
     * The lexical score of an interest made for this index, by ordinal: added up from its words' scores when it is a
     * plain list of words, else searched; the same floats either way.
     */
    float[] lexicalScores(InterestQuery interest) {
        float[] summed = interest.forIndex ? sums.scores(interest.lexical) : null;
        return summed != null ? summed : scores(interest.lexical);
    }

    /** The query's score of each paper, by ordinal; 0 where it does not match. */
    float[] scores(Query query) {
        float[] scores = new float[index.size()];
        try {
            searcher.search(query, new OrdinalScores(ordinalOfDoc, scores));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scores;
    }

    IndexSearcher searcher() {
        return searcher;
    }

    /** Each Lucene document's paper ordinal. */
    int[] ordinalOfDoc() {
        return ordinalOfDoc;
    }

}
