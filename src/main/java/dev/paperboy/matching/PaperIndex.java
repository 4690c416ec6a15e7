package dev.paperboy.matching;

import dev.paperboy.matching.semantic.WindowVectors;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The papers of one window, in memory: a Lucene index of their title, abstract, categories and authors
 * ({@link WindowWords}), and their sentence vectors, each paper known by its ordinal (its place in the list it was
 * built from), with the order of ties and the scores remembered while the index lasts.
 */
public final class PaperIndex {

    static final String TITLE = "title";
    static final String ABSTRACT = "abstract";
    static final String ORDINAL = "ordinal";
    static final int MAX_REMEMBERED = 100_000;

    private final List<WindowPaper> papers;
    private final boolean exact;
    private final long[] ingestedMicros;
    private final WindowVectors vectors;
    private final WindowWords words;
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
        this.exact = exact;
        this.ingestedMicros = new long[papers.size()];
        this.vectors = vectors(this.papers, exact);
        for (int ordinal = 0; ordinal < papers.size(); ordinal++) {
            WindowPaper paper = papers.get(ordinal);
            ingestedMicros[ordinal] = micros(paper.ingestedAt());
            ordinalOfId.put(paper.id(), ordinal);
        }
        this.words = new WindowWords(this, this.papers);
        this.atTieRank = IntStream.range(0, papers.size()).boxed().sorted(this::compareForTies)
                .mapToInt(Integer::intValue).toArray();
        this.tieRank = new int[papers.size()];
        for (int rank = 0; rank < atTieRank.length; rank++) {
            tieRank[atTieRank[rank]] = rank;
        }
    }

    /** The same papers as {@code words}', in its order, some with halves it lacked: its words kept, the vectors anew. */
    private PaperIndex(PaperIndex words, List<WindowPaper> papers) {
        this.papers = List.copyOf(papers);
        this.exact = words.exact;
        this.ingestedMicros = words.ingestedMicros;
        this.vectors = vectors(this.papers, exact);
        this.ordinalOfId.putAll(words.ordinalOfId);
        this.words = words.words;
        this.tieRank = words.tieRank;
        this.atTieRank = words.atTieRank;
        // the words still name the old index (for its size and searches, the same); what it remembered ranked by the
        // old vectors, and goes
        words.scored.clear();
        words.previews.clear();
    }

    private static WindowVectors vectors(List<WindowPaper> papers, boolean exact) {
        return new WindowVectors(papers.stream().map(WindowPaper::vector).toList(),
                papers.stream().map(WindowPaper::halves).toList(), exact); // toList keeps a paper's null
    }

    /**
     * This index with the halves the background sweep has added since it was built (by paper id, for papers of this
     * index without them), or this index itself when there are none: the words are not indexed again.
     */
    PaperIndex withHalves(Map<Long, float[]> halves) {
        List<WindowPaper> patched = new ArrayList<>(papers.size());
        boolean changed = false;
        for (WindowPaper p : papers) {
            float[] added = p.halves() == null ? halves.get(p.id()) : null;
            changed |= added != null;
            patched.add(added == null ? p : new WindowPaper(p.id(), p.revision(), p.title(), p.abstractText(),
                    p.authors(), p.categories(), p.ingestedAt(), p.upvotes(), p.link(), p.vector(), added));
        }
        return changed ? new PaperIndex(this, patched) : this;
    }

    /** How many of its papers have no halves (ranked by their vector alone). */
    int withoutHalves() {
        int n = 0;
        for (WindowPaper p : papers) {
            n += p.halves() == null ? 1 : 0;
        }
        return n;
    }

    /** Whether the two share their words (one was made from the other by {@link #withHalves}). */
    boolean sameWords(PaperIndex other) {
        return words == other.words;
    }

    /** The cosines of a unit vector with the papers of [from, to), by ordinal. */
    float[] cosines(float[] vector, int from, int to) {
        return vectors.cosines(vector, from, to);
    }

    /**
     * What an interest is compared with: 0.5 cos(paper) + 0.5 the better of its halves' cosines (a paper without
     * halves: its cosine), for [from, to), by ordinal.
     */
    float[] blended(float[] vector, int from, int to) {
        return vectors.blended(vector, from, to);
    }

    /** The mean cosine of a unit vector with the papers of [from, to). */
    float meanCosine(float[] vector, int from, int to) {
        return vectors.meanCosine(vector, from, to);
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

    /** A query of one term whose statistics and place in the index are looked up once per index. */
    TermQuery termQuery(Term term) {
        return words.termQuery(term);
    }

    /** A word of the language's text field as a query of one paper field ({@link #termQuery}), made once per index. */
    TermQuery onField(Term word, String field) {
        return words.onField(word, field);
    }

    /** A term's statistics and place in the index, looked up once per index. */
    TermStates termStates(Term term) {
        return words.termStates(term);
    }

    /** A phrase's score of each paper by ordinal, at this boost, as Lucene's search of it gives them. */
    float[] phraseScores(PhraseQuery phrase, float boost) {
        return words.phraseScores(phrase, boost);
    }

    /** Where a word or phrase of an interest stands in these papers; remembered, as interests share their words. */
    Coverage.Unit coverageUnit(Query unit) {
        return words.coverageUnit(unit);
    }

    /** The papers a query matches, by ordinal; remembered, as interests share their words. */
    BitSet matching(Query query) {
        return words.matching(query);
    }

    /** The lexical score of an interest made for this index, by ordinal. */
    float[] lexicalScores(InterestQuery interest) {
        return words.lexicalScores(interest);
    }

    /** The query's score of each paper, by ordinal; 0 where it does not match. */
    float[] scores(Query query) {
        return words.scores(query);
    }

    IndexSearcher searcher() {
        return words.searcher();
    }

    /** Each Lucene document's paper ordinal. */
    int[] ordinalOfDoc() {
        return words.ordinalOfDoc();
    }

    /** PostgreSQL keeps microseconds: comparing milliseconds could drop a paper stamped just after a window's end. */
    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
