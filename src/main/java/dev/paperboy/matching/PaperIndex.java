package dev.paperboy.matching;

import dev.paperboy.paper.Paper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An in-memory Lucene index of the recent papers, searched with people's interests. */
public final class PaperIndex {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String ABSTRACT = "abstract";
    static final String INGESTED = "ingested";

    private final Analyzer analyzer;
    private final IndexSearcher searcher;
    private final Map<Long, Set<String>> titleTerms = new HashMap<>();
    private final Map<Long, Set<String>> abstractTerms = new HashMap<>();

    PaperIndex(List<Paper> papers, Analyzer analyzer) {
        this.analyzer = analyzer;
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Paper paper : papers) {
                Document doc = new Document();
                doc.add(new StoredField(ID, paper.id));
                doc.add(new LongPoint(ID, paper.id));
                doc.add(new LongPoint(INGESTED, micros(paper.ingestedAt)));
                doc.add(new TextField(TITLE, paper.title, Field.Store.NO));
                doc.add(new TextField(ABSTRACT, paper.abstractText, Field.Store.NO));
                writer.addDocument(doc);
                titleTerms.put(paper.id, new HashSet<>(InterestQuery.analyze(analyzer, paper.title)));
                abstractTerms.put(paper.id, new HashSet<>(InterestQuery.analyze(analyzer, paper.abstractText)));
            }
            writer.commit();
            this.searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return titleTerms.size();
    }

    /**
     * The best papers for these interests among those ingested in (since, until] and not in {@code exclude},
     * best first: each paper scored by its best interest, the score divided by that interest's number of terms.
     */
    public List<Match> rank(Collection<String> interests, Instant since, Instant until, Set<Long> exclude,
                            int limit, float minScore) {
        Query candidates = candidates(since, until, exclude);
        Map<Long, List<Scored>> byPaper = new LinkedHashMap<>();
        for (String interest : interests) {
            InterestQuery query = InterestQuery.of(interest, analyzer);
            if (query.query == null) {
                continue;
            }
            for (Scored hit : search(query, candidates, limit * 3)) {
                if (hit.score >= minScore) {
                    byPaper.computeIfAbsent(hit.paperId, id -> new ArrayList<>()).add(hit);
                }
            }
        }
        return byPaper.values().stream()
                .map(hits -> {
                    hits.sort(Comparator.comparingDouble((Scored s) -> s.score).reversed());
                    return new Match(hits.get(0).paperId, hits.get(0).score, hits.get(0).query.interest, reason(hits));
                })
                .sorted(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::paperId))
                .limit(limit)
                .toList();
    }

    private List<Scored> search(InterestQuery query, Query candidates, int count) {
        Query filtered = new BooleanQuery.Builder().add(query.query, Occur.MUST).add(candidates, Occur.FILTER).build();
        try {
            List<Scored> hits = new ArrayList<>();
            for (ScoreDoc doc : searcher.search(filtered, Math.max(1, count)).scoreDocs) {
                long paperId = searcher.storedFields().document(doc.doc).getField(ID).numericValue().longValue();
                hits.add(new Scored(paperId, doc.score / query.size(), query));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query candidates(Instant since, Instant until, Set<Long> exclude) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), Occur.FILTER)
                .add(LongPoint.newRangeQuery(INGESTED, micros(since) + 1, micros(until)), Occur.FILTER);
        if (!exclude.isEmpty()) {
            query.add(LongPoint.newSetQuery(ID, exclude), Occur.MUST_NOT);
        }
        return query.build();
    }

    /** PostgreSQL keeps microseconds: comparing milliseconds could drop a paper stamped just after a window's end. */
    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** "“graph neural networks”: graph, neural in the title; networks in the abstract", plus other interests hit. */
    private String reason(List<Scored> hits) {
        Scored best = hits.get(0);
        List<String> inTitle = new ArrayList<>();
        List<String> inAbstract = new ArrayList<>();
        best.query.words.forEach((term, word) -> {
            if (titleTerms.get(best.paperId).contains(term)) {
                inTitle.add(word);
            } else if (abstractTerms.get(best.paperId).contains(term)) {
                inAbstract.add(word);
            }
        });
        StringBuilder reason = new StringBuilder("Matches “").append(best.query.interest).append("”: ");
        if (!inTitle.isEmpty()) {
            reason.append(String.join(", ", inTitle)).append(" in the title");
        }
        if (!inAbstract.isEmpty()) {
            reason.append(inTitle.isEmpty() ? "" : "; ").append(String.join(", ", inAbstract)).append(" in the abstract");
        }
        if (hits.size() > 1) {
            reason.append(". Also matches ").append(String.join(", ",
                    hits.subList(1, hits.size()).stream().map(h -> "“" + h.query.interest + "”").toList()));
        }
        return reason.append('.').toString();
    }

    private record Scored(long paperId, float score, InterestQuery query) {
    }
}
