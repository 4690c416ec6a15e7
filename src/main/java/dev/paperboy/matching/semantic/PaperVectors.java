package dev.paperboy.matching.semantic;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The vector of each paper, computed once from its title and abstract and stored with the paper's revision, so
 * that a paper updated in place (a new version) is embedded again; with it the vectors of the abstract's two halves
 * ({@link MiniLm#halfTexts}). One embedding at a time on this node: the background job and an index build never
 * embed the same paper twice.
 */
@ApplicationScoped
public class PaperVectors {

    /** A paper to embed: its id, the revision of its text, and the text. */
    public record Text(long id, long revision, String title, String abstractText) {
    }

    /** A paper's vector and its halves' (h1 then h2 in one array; null for a row stored before halves were kept). */
    public record Stored(float[] vector, float[] halves) {
    }

    static final int BATCH = 16;
    static final int SWEEP = 256;
    private static final String MISSING = """
            select p.id, p.revision, p.title, p.abstract from paper p
            left join paper_vector v on v.paper_id = p.id
            where v.paper_id is null or v.revision <> p.revision%s
            order by p.revision desc limit ?""";

    private final AgroalDataSource dataSource;
    private final Embedder embedder;
    // fair: the background takes it again for its next batch at once, and unfair a digest run's index build waiting
    // for it waited for the background's whole sweep (44 s after a 1,000-paper import, planning idle meanwhile)
    private final ReentrantLock embedding = new ReentrantLock(true);

    PaperVectors(AgroalDataSource dataSource, Embedder embedder) {
        this.dataSource = dataSource;
        this.embedder = embedder;
    }

    /**
     * The vectors of these papers as of their revisions: the stored ones, and the others computed now and stored. A
     * paper without halves comes without them: one stored before halves were kept, or one embedded here, which gets
     * its vector only (one text, not three: a digest run right after a big import waits for a third of the model's
     * work); the background sweep adds them, and ranking compares such a paper by its vector alone.
     */
    public Map<Long, Stored> of(List<Text> papers) {
        return of(papers, false);
    }

    private Map<Long, Stored> of(List<Text> papers, boolean withHalves) {
        Map<Long, Stored> vectors = stored(papers);
        if (complete(papers, vectors, withHalves)) {
            return vectors;
        }
        embedding.lock();
        try {
            Map<Long, Stored> found = stored(papers); // the background job may have done some while this waited
            List<Text> missing = papers.stream().filter(p -> !found.containsKey(p.id())
                    || withHalves && found.get(p.id()).halves() == null).toList();
            for (int from = 0; from < missing.size(); from += BATCH) {
                found.putAll(embedAndStore(missing.subList(from, Math.min(missing.size(), from + BATCH)), found,
                        withHalves));
            }
            return found;
        } finally {
            embedding.unlock();
        }
    }

    private static boolean complete(List<Text> papers, Map<Long, Stored> vectors, boolean withHalves) {
        return vectors.size() == papers.size()
                && (!withHalves || vectors.values().stream().allMatch(v -> v.halves() != null));
    }

    /**
     * Up to {@link #SWEEP} papers, last written first, whose vector is missing or stale, or with {@code halves} also
     * those whose halves are missing. Last written, not last ingested: a new version of a paper keeps the moment it
     * was first ingested, and would otherwise wait for every newer paper's halves, ranked by its vector alone meanwhile.
     */
    List<Text> missing(boolean halves) {
        List<Text> missing = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(MISSING.formatted(halves ? " or v.halves is null" : ""))) {
            q.setInt(1, SWEEP);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    missing.add(new Text(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the papers to embed", e);
        }
        return missing;
    }

    /**
     * Embeds and stores what these papers lack, at most {@link #BATCH} of them (so an index build waiting for the
     * model waits for one batch at most): their vectors, and with {@code halves} their halves too.
     */
    void backfill(List<Text> batch, boolean halves) {
        of(batch, halves);
    }

    /**
     * Embeds what these papers lack (a paper whose vector is stored at its revision: only its halves; without
     * {@code withHalves}, only the vector) and stores it.
     */
    private Map<Long, Stored> embedAndStore(List<Text> unordered, Map<Long, Stored> known, boolean withHalves) {
        // written in id order, the order in which an import locks papers: each row's foreign key locks its paper
        // (FOR KEY SHARE) until the batch commits, and in another order an import and a batch could wait on each other
        List<Text> papers = unordered.stream().sorted(Comparator.comparingLong(Text::id)).toList();
        List<String> texts = new ArrayList<>();
        List<List<String>> halfTexts = new ArrayList<>();
        for (Text p : papers) {
            if (!known.containsKey(p.id())) {
                texts.add(MiniLm.paperText(p.title(), p.abstractText()));
            }
            if (withHalves) {
                halfTexts.add(MiniLm.halfTexts(p.title(), p.abstractText()));
                texts.addAll(halfTexts.get(halfTexts.size() - 1));
            }
        }
        List<float[]> computed = embedder.embedAll(texts); // one call: the model batches them
        Map<Long, Stored> vectors = new HashMap<>();
        int next = 0;
        for (int i = 0; i < papers.size(); i++) {
            Stored stored = known.get(papers.get(i).id());
            float[] vector = stored == null ? computed.get(next++) : stored.vector();
            float[] halves = stored == null ? null : stored.halves();
            if (withHalves) {
                float[] h1 = computed.get(next++);
                float[] h2 = halfTexts.get(i).size() > 1 ? computed.get(next++) : h1;
                halves = Arrays.copyOf(h1, 2 * Vectors.DIMENSIONS);
                System.arraycopy(h2, 0, halves, Vectors.DIMENSIONS, Vectors.DIMENSIONS);
            }
            vectors.put(papers.get(i).id(), new Stored(vector, halves));
        }
        // a paper deleted meanwhile gets no row (and no error that would end the caller's transaction); a row without
        // halves never replaces one with them at the same revision
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement("""
                insert into paper_vector (paper_id, revision, vector, halves)
                select ?, ?, ?, ? where exists (select 1 from paper where id = ?)
                on conflict (paper_id) do update
                set revision = excluded.revision, vector = excluded.vector, halves = excluded.halves
                where paper_vector.revision < excluded.revision
                   or paper_vector.revision = excluded.revision and paper_vector.halves is null""")) {
            for (Text paper : papers) {
                Stored stored = vectors.get(paper.id());
                upsert.setLong(1, paper.id());
                upsert.setLong(2, paper.revision());
                upsert.setBytes(3, Vectors.toBytes(stored.vector()));
                upsert.setBytes(4, stored.halves() == null ? null : Vectors.toBytes(stored.halves()));
                upsert.setLong(5, paper.id());
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store paper vectors", e);
        }
        return vectors;
    }

    private Map<Long, Stored> stored(List<Text> papers) {
        Map<Long, Long> revisions = new HashMap<>();
        papers.forEach(p -> revisions.put(p.id(), p.revision()));
        Map<Long, Stored> vectors = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select paper_id, revision, vector, halves from paper_vector where paper_id = any(?)")) {
            Array ids = c.createArrayOf("bigint", revisions.keySet().toArray());
            q.setArray(1, ids);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    if (revisions.get(id) == rows.getLong(2)) {
                        byte[] halves = rows.getBytes(4);
                        vectors.put(id, new Stored(Vectors.fromBytes(rows.getBytes(3)),
                                halves == null ? null : Vectors.fromBytes(halves, 2)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read paper vectors", e);
        }
        return vectors;
    }
}
