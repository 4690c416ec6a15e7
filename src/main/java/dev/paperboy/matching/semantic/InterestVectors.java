package dev.paperboy.matching.semantic;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The vector of what each interest means, one per distinct meaning however many people follow it: remembered in
 * memory, stored in the database when an interest is saved, computed when neither has it.
 */
@ApplicationScoped
public class InterestVectors {

    static final int REMEMBERED = 20_000;

    private final AgroalDataSource dataSource;
    private final Embedder embedder;
    private final Object embedding = new Object();
    private final Map<String, float[]> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > REMEMBERED;
        }
    };

    InterestVectors(AgroalDataSource dataSource, Embedder embedder) {
        this.dataSource = dataSource;
        this.embedder = embedder;
    }

    /** The vector of one meaning; a new one is computed and kept in memory only (a preview stores nothing). */
    public float[] of(String meaning) {
        return of(List.of(meaning), false).get(meaning);
    }

    /** The vectors of these meanings; those computed now are stored too when {@code store} (saved interests). */
    public Map<String, float[]> of(Collection<String> meanings, boolean store) {
        Map<String, float[]> found = new HashMap<>();
        List<String> wanted = new ArrayList<>();
        synchronized (recent) {
            for (String meaning : new LinkedHashSet<>(meanings)) {
                float[] known = recent.get(meaning);
                if (known != null) {
                    found.put(meaning, known);
                } else {
                    wanted.add(meaning);
                }
            }
        }
        if (!wanted.isEmpty()) {
            Map<String, float[]> loaded = stored(wanted);
            synchronized (recent) {
                loaded.forEach(recent::put);
            }
            found.putAll(loaded);
            List<String> missing = wanted.stream().filter(m -> !loaded.containsKey(m)).toList();
            if (!missing.isEmpty()) {
                found.putAll(embedOnce(missing, store));
            }
        }
        return found;
    }

    /**
     * One embedding at a time on this node: the background job embedding a bulk import's interests and a run ranking
     * the same subscribers meanwhile embed each meaning once (the second waits, then finds it remembered) instead of
     * both computing it on the same cores.
     */
    private Map<String, float[]> embedOnce(List<String> missing, boolean store) {
        synchronized (embedding) {
            Map<String, float[]> found = new HashMap<>();
            List<String> still = new ArrayList<>();
            synchronized (recent) {
                for (String meaning : missing) {
                    float[] known = recent.get(meaning);
                    if (known != null) {
                        found.put(meaning, known);
                    } else {
                        still.add(meaning);
                    }
                }
            }
            List<float[]> computed = embedder.embedAll(still);
            Map<String, float[]> fresh = new HashMap<>();
            for (int i = 0; i < still.size(); i++) {
                fresh.put(still.get(i), computed.get(i));
            }
            if (store) {
                store(fresh);
            }
            synchronized (recent) {
                fresh.forEach(recent::put);
            }
            found.putAll(fresh);
            return found;
        }
    }

    /** Every distinct interest saved by someone who is, or may soon be, sent digests. */
    public List<String> followed() {
        List<String> interests = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select distinct unnest(interests) from subscriber where state <> 'unsubscribed'");
             ResultSet rows = q.executeQuery()) {
            while (rows.next()) {
                interests.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the interests people follow", e);
        }
        return interests;
    }

    /** Of these meanings, those that have no stored vector. */
    public List<String> unstored(List<String> meanings) {
        List<String> unstored = new ArrayList<>();
        for (int from = 0; from < meanings.size(); from += 1000) {
            List<String> chunk = meanings.subList(from, Math.min(meanings.size(), from + 1000));
            Map<String, float[]> found = stored(chunk);
            chunk.stream().filter(m -> !found.containsKey(m)).forEach(unstored::add);
        }
        return unstored;
    }

    private Map<String, float[]> stored(List<String> meanings) {
        Map<String, float[]> vectors = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select meaning, vector from interest_vector where meaning = any(?)")) {
            q.setArray(1, c.createArrayOf("text", meanings.toArray()));
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    vectors.put(rows.getString(1), Vectors.fromBytes(rows.getBytes(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read interest vectors", e);
        }
        return vectors;
    }

    private void store(Map<String, float[]> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into interest_vector (meaning, vector) values (?, ?) on conflict (meaning) do nothing")) {
            // in one order on every node and thread: two writers of overlapping meanings in different orders deadlocked
            for (Map.Entry<String, float[]> entry : new TreeMap<>(vectors).entrySet()) {
                insert.setString(1, entry.getKey());
                insert.setBytes(2, Vectors.toBytes(entry.getValue()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store interest vectors", e);
        }
    }
}
