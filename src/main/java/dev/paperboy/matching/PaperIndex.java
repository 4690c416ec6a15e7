package dev.paperboy.matching;

import dev.paperboy.matching.semantic.WindowVectors;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The papers of one window, in memory: a Lucene index of their title, abstract, categories and authors, and their
 * sentence vectors, each paper known by its ordinal (its place in the list it was built from).
 */
public final class PaperIndex {

    static final String TITLE = "title";
    static final String ABSTRACT = "abstract";
    static final String ORDINAL = "ordinal";
    private static final int MAX_REMEMBERED = 100_000;

    private final List<WindowPaper> papers;
    private final long[] ingestedMicros;
    private final WindowVectors vectors;
    private final IndexSearcher searcher;
    private final int[] ordinalOfDoc;
    private final Map<Query, BitSet> matches = new ConcurrentHashMap<>();
    private final Map<Query, Coverage.Unit> coverageUnits = new ConcurrentHashMap<>();
    private final Map<Term, TermStates> termStates = new ConcurrentHashMap<>();
    private final LexicalSums sums = new LexicalSums(this);
    private final Map<String, InterestHits> scored = new ConcurrentHashMap<>();
    /** Previews as answered, by range, limit and interest: typing pauses ask the same again and again. */
    private final Map<String, List<MatchingService.Previewed>> previews = new ConcurrentHashMap<>();
    private final Map<Long, Integer> ordinalOfId = new HashMap<>();
    /** Each paper's place in {@link #compareForTies}' order, and the paper at each place. */
    private final int[] tieRank;
    private final int[] atTieRank;

    /** An index of these papers, which must come in the order they were ingested. */
    PaperIndex(List<WindowPaper> papers) {
        this(papers, false);
    }

    /** With {@code exact}, cosines in floats rather than integers (to measure what the integers change). */
    PaperIndex(List<WindowPaper> papers, boolean exact) {
        this.papers = List.copyOf(papers);
        this.ingestedMicros = new long[papers.size()];
        this.vectors = new WindowVectors(papers.stream().map(WindowPaper::vector).toList(), exact);
        Analyzer analyzer = InterestLanguage.paperAnalyzer();
        // One buffer per file: every search clones its inputs, and a clone copies the view of each of a file's buffers.
        ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
                ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (int ordinal = 0; ordinal < papers.size(); ordinal++) {
                WindowPaper paper = papers.get(ordinal);
                ingestedMicros[ordinal] = micros(paper.ingestedAt());
                ordinalOfId.put(paper.id(), ordinal);
            }
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
        this.atTieRank = IntStream.range(0, papers.size()).boxed().sorted(this::compareForTies)
                .mapToInt(Integer::intValue).toArray();
        this.tieRank = new int[papers.size()];
        for (int rank = 0; rank < atTieRank.length; rank++) {
            tieRank[atTieRank[rank]] = rank;
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

    /** The cosines of a unit vector with the papers of [from, to), by ordinal. */
    float[] cosines(float[] vector, int from, int to) {
        return vectors.cosines(vector, from, to);
    }

    /** The mean cosine of a unit vector with the papers of [from, to). */
    float meanCosine(float[] vector, int from, int to) {
        return vectors.meanCosine(vector, from, to);
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

    public int size() {
        return papers.size();
    }

    WindowPaper paper(int ordinal) {
        return papers.get(ordinal);
    }

    WindowPaper byId(long paperId) {
        return papers.get(ordinalOfId.get(paperId));
    }

    /**
     * The scores of an interest over a range of this index, computed once: previews typed again and again, and
     * the many people who share an interest, reuse them while the index lasts.
     */
    InterestHits remembered(String interest, int[] range, Supplier<InterestHits> score) {
        String key = range[0] + ":" + range[1] + ":" + interest;
        InterestHits known = scored.get(key);
        if (known == null) {
            known = score.get();
            if (scored.size() >= MAX_REMEMBERED) {
                scored.clear();
            }
            scored.put(key, known);
        }
        return known;
    }

    /** A preview of this index, computed once per range, limit and interest while the index lasts. */
    List<MatchingService.Previewed> rememberedPreview(String interest, int[] range, int limit,
                                                      Supplier<List<MatchingService.Previewed>> rank) {
        String key = range[0] + ":" + range[1] + ":" + limit + ":" + interest;
        List<MatchingService.Previewed> known = previews.get(key);
        if (known == null) {
            known = List.copyOf(rank.get());
            if (previews.size() >= MAX_REMEMBERED / 10) {
                previews.clear();
            }
            previews.put(key, known);
        }
        return known;
    }

    /** The ordinals of the papers ingested in (since, until], as {from, to}: papers are in the order they came in. */
    int[] range(Instant since, Instant until) {
        return new int[] {firstAfter(micros(since)), firstAfter(micros(until))};
    }

    private int firstAfter(long micros) {
        int low = 0;
        int high = ingestedMicros.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ingestedMicros[mid] <= micros) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Whether the paper was ingested in (since, until]. */
    boolean ingestedIn(int ordinal, Instant since, Instant until) {
        long at = ingestedMicros[ordinal];
        return at > micros(since) && at <= micros(until);
    }

    /**
     * The papers ingested in (since, until] that have Hugging Face upvotes, most upvoted first (then newer), at most
     * {@code limit}: the period's trending papers.
     */
    int[] mostUpvoted(Instant since, Instant until, int limit) {
        int[] within = range(since, until);
        return IntStream.range(within[0], within[1])
                .filter(ordinal -> papers.get(ordinal).upvotes() != null && papers.get(ordinal).upvotes() > 0)
                .boxed().sorted(this::compareForTies).limit(limit).mapToInt(Integer::intValue).toArray();
    }

    /** Of two equally scored papers, the one with more Hugging Face upvotes first, then the newer, then by id. */
    int compareForTies(int a, int b) {
        Integer votesA = papers.get(a).upvotes();
        Integer votesB = papers.get(b).upvotes();
        int byVotes = Integer.compare(votesB == null ? -1 : votesB, votesA == null ? -1 : votesA);
        if (byVotes != 0) {
            return byVotes;
        }
        int byTime = Long.compare(ingestedMicros[b], ingestedMicros[a]);
        return byTime != 0 ? byTime : Long.compare(papers.get(b).id(), papers.get(a).id());
    }

    /** The paper's place among all by {@link #compareForTies}: of two papers, the one that comes first is lower. */
    int tieRank(int ordinal) {
        return tieRank[ordinal];
    }

    /** The paper at this place of {@link #compareForTies}' order. */
    int atTieRank(int rank) {
        return atTieRank[rank];
    }

    /**
     * A query of one term whose statistics and place in the index are looked up once per index: building them was
     * a good part of each search, and the many interests of a run share their words.
     */
    TermQuery termQuery(Term term) {
        return new TermQuery(term, termStates(term));
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
        Coverage.Unit found = Coverage.unit(this, unit);
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
        BitSet found = new BitSet(papers.size());
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
        float[] scores = new float[papers.size()];
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

    /** PostgreSQL keeps microseconds: comparing milliseconds could drop a paper stamped just after a window's end. */
    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
