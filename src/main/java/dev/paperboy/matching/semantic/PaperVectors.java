package dev.paperboy.matching.semantic;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The vector of each paper, computed once from its title and abstract and stored with the paper's revision, so
 * that a paper updated in place (a new version) is embedded again. One embedding at a time on this node: the
 * background job and an index build never embed the same paper twice.
 */
@ApplicationScoped
public class PaperVectors {

    /** A paper to embed: its id, the revision of its text, and the text. */
    public record Text(long id, long revision, String title, String abstractText) {
    }

    static final int BATCH = 16;
    static final int SWEEP = 256;
    private static final String MISSING = """
            select p.id, p.revision, p.title, p.abstract from paper p
            left join paper_vector v on v.paper_id = p.id
            where v.paper_id is null or v.revision <> p.revision
            order by p.ingested_at desc limit ?""";

    private final AgroalDataSource dataSource;
    private final Embedder embedder;
    private final Object embedding = new Object();

    PaperVectors(AgroalDataSource dataSource, Embedder embedder) {
        this.dataSource = dataSource;
        this.embedder = embedder;
    }

    /** The vectors of these papers as of their revisions: the stored ones, and the others computed now and stored. */
    public Map<Long, float[]> of(List<Text> papers) {
        Map<Long, float[]> vectors = stored(papers);
        if (vectors.size() == papers.size()) {
            return vectors;
        }
        synchronized (embedding) {
            Map<Long, float[]> found = stored(papers); // the background job may have done some while this waited
            List<Text> missing = papers.stream().filter(p -> !found.containsKey(p.id())).toList();
            for (int from = 0; from < missing.size(); from += BATCH) {
                found.putAll(embedAndStore(missing.subList(from, Math.min(missing.size(), from + BATCH))));
            }
            return found;
        }
    }

    /**
     * Embeds up to {@link #SWEEP} papers whose vector is missing or stale, newest first, {@link #BATCH} at a time
     * (so an index build waiting for the model waits for one batch at most); how many it found.
     */
    public int backfill() {
        List<Text> missing = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(MISSING)) {
            q.setInt(1, SWEEP);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    missing.add(new Text(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the papers to embed", e);
        }
        for (int from = 0; from < missing.size(); from += BATCH) {
            of(missing.subList(from, Math.min(missing.size(), from + BATCH)));
        }
        return missing.size();
    }

    private Map<Long, float[]> embedAndStore(List<Text> unordered) {
        // written in id order, the order in which an import locks papers: each row's foreign key locks its paper
        // (FOR KEY SHARE) until the batch commits, and in another order an import and a batch could wait on each other
        List<Text> papers = unordered.stream().sorted(Comparator.comparingLong(Text::id)).toList();
        List<float[]> computed = embedder.embedAll(papers.stream()
                .map(p -> MiniLm.paperText(p.title(), p.abstractText())).toList());
        Map<Long, float[]> vectors = new HashMap<>();
        // a paper deleted meanwhile gets no row (and no error that would end the caller's transaction)
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement("""
                insert into paper_vector (paper_id, revision, vector)
                select ?, ?, ? where exists (select 1 from paper where id = ?)
                on conflict (paper_id) do update set revision = excluded.revision, vector = excluded.vector
                where paper_vector.revision < excluded.revision""")) {
            for (int i = 0; i < papers.size(); i++) {
                upsert.setLong(1, papers.get(i).id());
                upsert.setLong(2, papers.get(i).revision());
                upsert.setBytes(3, Vectors.toBytes(computed.get(i)));
                upsert.setLong(4, papers.get(i).id());
                upsert.addBatch();
                vectors.put(papers.get(i).id(), computed.get(i));
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store paper vectors", e);
        }
        return vectors;
    }

    private Map<Long, float[]> stored(List<Text> papers) {
        Map<Long, Long> revisions = new HashMap<>();
        papers.forEach(p -> revisions.put(p.id(), p.revision()));
        Map<Long, float[]> vectors = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select paper_id, revision, vector from paper_vector where paper_id = any(?)")) {
            Array ids = c.createArrayOf("bigint", revisions.keySet().toArray());
            q.setArray(1, ids);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    if (revisions.get(id) == rows.getLong(2)) {
                        vectors.put(id, Vectors.fromBytes(rows.getBytes(3)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read paper vectors", e);
        }
        return vectors;
    }
}
